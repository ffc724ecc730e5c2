import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { readCopyStats } from '@/lib/copy-stats';
import { racyWindowNs } from '@/lib/file-stat-cache';
import { articleSchema } from '@/domain/schema';
import { projectRoot } from '../../support/dist.ts';
import { writeSources } from '../../../scripts/bench/generate-sources.ts';
import { threadedFrom } from '../../../scripts/ingest/extract-pool.ts';
import { expectedFrontmatter, sourcesDir } from './support.ts';

const run = promisify(execFile);
const temporary = mkdtempSync(path.join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** Runs the CLI as `npm run ingest -- …` does, output through pipes; resolves with the exit code and output, never rejects. */
async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return ingestWith({}, ...args);
}

/** The same, with `env` added to the environment. */
async function ingestWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const options = { cwd: projectRoot, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 };
    const { stdout, stderr } = await run(process.execPath, ['scripts/ingest.ts', ...args], options);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run ingest -- --out <dir> <sources>', () => {
  const out = path.join(temporary, 'seeds-out');

  it('writes the four seeds with the expected frontmatter, one line each and a summary, exit 0', async () => {
    const result = await ingest('--out', out, sourcesDir);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('written '))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(
      /^4 articles into .* in \d+\.\d\d s \(\d+ articles\/s; \d+\.\d\d s CPU\): 4 written, 0 updated, 0 unchanged, 0 kept, 0 refused$/,
    );
    const copies = readdirSync(out).filter((name) => name.endsWith('.md'));
    expect(copies).toHaveLength(4);
    for (const name of copies) {
      const article = articleSchema.parse(parseArticleFile(readFileSync(path.join(out, name), 'utf8')).data);
      expect(article).toEqual(expectedFrontmatter(article.source.file));
    }
  });

  it('leaves every byte as it was on a second run', async () => {
    const before = readdirSync(out).map((name) => readFileSync(path.join(out, name), 'utf8'));
    const result = await ingest('--out', out, sourcesDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 written, 0 updated, 4 unchanged');
    expect(readdirSync(out).map((name) => readFileSync(path.join(out, name), 'utf8'))).toEqual(before);
  });

  it('trusts a copy by the stat the last run saw, and still keeps a copy edited by hand since', async () => {
    const statOut = path.join(temporary, 'stat-out');
    {
      expect((await ingest('--out', statOut, sourcesDir)).code).toBe(0);
      // Copies changed within the racy window before a run are not trusted by the next: wait it out.
      await new Promise((resolve) => setTimeout(resolve, Number(racyWindowNs / 1_000_000n) + 100));
      expect((await ingest('--out', statOut, sourcesDir)).stdout).toContain('0 written, 0 updated, 4 unchanged');
      const copies = readdirSync(statOut)
        .filter((name) => name.endsWith('.md'))
        .sort();
      const saved = readCopyStats(statOut);
      for (const name of copies) expect(saved.get(name, statSync(path.join(statOut, name), { bigint: true })), name).toBeDefined();
      // An edit of the same length, in place: only the file's times tell it from the copy ingest wrote.
      const edited = path.join(statOut, copies[0]!);
      const text = readFileSync(edited, 'utf8');
      const at = text.lastIndexOf('the');
      writeFileSync(edited, `${text.slice(0, at)}THE${text.slice(at + 3)}`);
      const result = await ingest('--out', statOut, sourcesDir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('0 written, 0 updated, 3 unchanged, 1 kept');
      expect(result.stdout).toMatch(new RegExp(`^kept +${copies[0]!.replace(/\./g, '\\.')} `, 'm'));
      expect(readFileSync(edited, 'utf8')).toContain('THE');
    }
    // Three runs and a wait: over vitest's 5 s default when other test files run processes alongside.
  }, 30_000);

  it('refuses bad files by name with a reason, exits non-zero, and writes nothing partial', async () => {
    const inputs = path.join(temporary, 'bad-in');
    const badOut = path.join(temporary, 'bad-out');
    mkdirSync(inputs);
    copyFileSync(path.join(sourcesDir, '001_b57a1b7f376e990b.txt'), path.join(inputs, 'good.txt'));
    copyFileSync(path.join(sourcesDir, '001_b57a1b7f376e990b.txt'), path.join(inputs, 'twin.txt'));
    writeFileSync(path.join(inputs, 'empty.txt'), '');
    writeFileSync(path.join(inputs, 'date.txt'), 'date 2019-13-45 Agents arrested 3 traffickers.');
    writeFileSync(path.join(inputs, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    writeFileSync(path.join(inputs, 'big.txt'), 'Agents arrested 3 traffickers. '.repeat(200_000));
    const result = await ingest('--out', badOut, inputs, path.join(temporary, 'missing.txt'));
    expect(result.code).toBe(1);
    const refused = result.stderr.trim().split('\n');
    expect(refused).toEqual([
      expect.stringMatching(/^refused +\S*missing\.txt: does not exist$/),
      expect.stringMatching(/^refused +\S*big\.txt: is 5\.9 MB; sources over 1\.0 MB are refused/),
      expect.stringMatching(/^refused +\S*date\.txt: has a malformed date line 'date 2019-13-45'/),
      expect.stringMatching(/^refused +\S*empty\.txt: is empty/),
      expect.stringMatching(/^refused +\S*latin1\.txt: is not UTF-8 text \(invalid byte at offset 3\)$/),
      expect.stringMatching(/^refused +\S*twin\.txt: is the same article as \S*good\.txt/),
    ]);
    expect(readdirSync(badOut).sort()).toEqual(['.copy-stats.json', 'ingest-manifest.json', 'operation-independence-day-67-traffickers-arrested.md']);
  });

  it('extracts a large run on worker threads into exactly the copies one thread writes, and prints every line through a pipe', async () => {
    const count = threadedFrom + 100;
    const inputs = path.join(temporary, 'many-in');
    await writeSources(inputs, { count, seed: 5 });
    // Through a reader that starts late, as `| less` does: the pipe fills, and the rest must still come.
    const late = spawnSync(
      'bash',
      ['-c', `"$0" scripts/ingest.ts --out "$1" "$2" | (sleep 1; cat)`, process.execPath, path.join(temporary, 'many-threads'), inputs],
      {
        cwd: projectRoot,
        env: { ...process.env, ARCHIVE_INGEST_THREADS: '2' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const threaded = { code: late.status, stdout: late.stdout, stderr: late.stderr };
    const single = await ingestWith({ ARCHIVE_INGEST_THREADS: '0' }, '--out', path.join(temporary, 'many-one'), inputs);
    expect(threaded.stderr).toContain('extracting on 2 worker threads');
    expect(single.stderr).not.toContain('worker threads');
    for (const result of [threaded, single]) {
      expect(result.code).toBe(0);
      // More than a pipe's 64 KB of output, and the summary comes last.
      expect(result.stdout.length).toBeGreaterThan(65_536);
      expect(result.stdout.trim().split('\n').at(-1)).toMatch(
        new RegExp(`^${count} articles into .*: ${count} written, 0 updated, 0 unchanged, 0 kept, 0 refused$`),
      );
    }
    expect(threaded.stdout.replace(/in \d+\.\d\d s \(.*?\)/, '').replace(/many-threads/g, 'X')).toBe(
      single.stdout.replace(/in \d+\.\d\d s \(.*?\)/, '').replace(/many-one/g, 'X'),
    );
    const names = readdirSync(path.join(temporary, 'many-one')).sort();
    expect(readdirSync(path.join(temporary, 'many-threads')).sort()).toEqual(names);
    const differing = names.filter(
      (name) => readFileSync(path.join(temporary, 'many-threads', name), 'utf8') !== readFileSync(path.join(temporary, 'many-one', name), 'utf8'),
    );
    expect(differing).toEqual([]);
  }, 60_000);

  it('says which thread setting it cannot use', async () => {
    const result = await ingestWith({ ARCHIVE_INGEST_THREADS: 'two' }, '--out', path.join(temporary, 'never'), sourcesDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ARCHIVE_INGEST_THREADS must be a whole number, 0 or more, not 'two'");
  });
});

describe('sources are regular files inside their sources folder', () => {
  const folder = path.join(temporary, 'linked-sources');
  const out = path.join(temporary, 'linked-out');
  const outside = path.join(temporary, 'outside.txt');
  const seed = readdirSync(sourcesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()[0]!;

  it('refuses a link leading out of the folder, naming the link and its target, and publishes nothing of it', async () => {
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(sourcesDir, seed), path.join(folder, 'a-real.txt'));
    writeFileSync(outside, 'date 2019-07-01\n\nSECRET-OUTSIDE-CONTENT The FBI said 99 children were recovered.\n');
    symlinkSync('/etc/passwd', path.join(folder, 'passwd.txt'));
    symlinkSync(outside, path.join(folder, 'outside.txt'));
    symlinkSync(path.join(folder, 'a-real.txt'), path.join(folder, 'b-inside.txt'));
    const result = await ingest('--out', out, folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused +.*passwd\.txt: is a symbolic link to \/etc\/passwd, outside /);
    expect(result.stderr).toMatch(/refused +.*outside\.txt: is a symbolic link to .*outside\.txt, outside /);
    const copies = readdirSync(out).filter((name) => name.endsWith('.md'));
    const text = copies.map((name) => readFileSync(path.join(out, name), 'utf8')).join('\n');
    expect(text).not.toContain('root:');
    expect(text).not.toContain('SECRET-OUTSIDE-CONTENT');
    // The link inside the folder is followed: it is read, and found to be the same article as its target.
    expect(result.stderr).toMatch(/b-inside\.txt: is the same article as .*a-real\.txt/);
  });

  it('refuses a link given by name that leads out of its folder', async () => {
    const link = path.join(temporary, 'named-link.txt');
    symlinkSync('/etc/hostname', link);
    const result = await ingest('--out', path.join(temporary, 'named-out'), link);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/named-link\.txt: is a symbolic link to \/etc\/hostname, outside /);
  });
});
