import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { articleSchema } from '@/domain/schema';
import { killAt, killStarted, runIngest } from './processes.ts';

const temporary = mkdtempSync(path.join(tmpdir(), 'ingest-killed-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));
afterEach(killStarted);

const count = 12;

/** Version `version` of `count` dated sources: each version reports other numbers, so every copy changes. */
function writeVersion(folder: string, version: number): void {
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index += 1) {
    const name = `s${String(index).padStart(2, '0')}.txt`;
    const traffickers = 100 * version + index;
    writeFileSync(
      path.join(folder, name),
      ` date 2020-01-${String(index + 1).padStart(2, '0')} Agents arrested ${traffickers} traffickers in Operation Cross Country.\n`,
    );
  }
}

/** Traffickers counted by each copy, by source file name. */
function countsInCopies(out: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(out).filter((file) => file.endsWith('.md'))) {
    const article = articleSchema.parse(parseArticleFile(readFileSync(path.join(out, name), 'utf8')).data);
    counts.set(article.source.file, article.figures[0]!.value);
  }
  return counts;
}

function expectAllAt(out: string, version: number): void {
  const counts = countsInCopies(out);
  expect(counts.size).toBe(count);
  for (const [file, value] of counts) expect(value, file).toBe(100 * version + Number(file.slice(1, 3)));
}

/** What a run must never leave behind in the folder. */
function leftovers(out: string): string[] {
  return readdirSync(out).filter((name) => name.endsWith('.tmp') || name === '.ingest-journal' || name.startsWith('.ingest.lock'));
}

describe('an update run killed with SIGKILL', () => {
  // Stall points (scripts/ingest/fault-points.ts): before the first copy is renamed, after three, after every copy
  // but before the manifest, and after the manifest but before the journal is removed.
  it.each(['write:0', 'write:3', 'manifest', 'journal'])(
    'killed at %s: the next run, on sources changed again, updates every copy and reports none as edited by hand',
    async (point) => {
      const sources = path.join(temporary, `in-${point.replace(':', '-')}`);
      const out = path.join(temporary, `out-${point.replace(':', '-')}`);
      writeVersion(sources, 1);
      expect((await runIngest({}, '--out', out, sources)).code).toBe(0);
      writeVersion(sources, 2);
      const killed = await killAt(point, '--out', out, sources);
      expect(killed.signal).toBe('SIGKILL');
      if (point === 'write:3') {
        // Killed midway: three copies hold the new text, the rest the old; the new one's temporary file is left.
        expect([...countsInCopies(out).values()].filter((value) => value >= 200)).toHaveLength(3);
        expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
      }
      writeVersion(sources, 3);
      const next = await runIngest({}, '--out', out, sources);
      expect(next.stderr).toBe('');
      expect(next.code).toBe(0);
      expect(next.stdout).toMatch(new RegExp(`: 0 written, ${count} updated, 0 unchanged, 0 kept, 0 refused\\n$`));
      expectAllAt(out, 3);
      expect(leftovers(out)).toEqual([]);
      // And the run after that finds everything as it left it.
      expect((await runIngest({}, '--out', out, sources)).stdout).toContain(`0 written, 0 updated, ${count} unchanged, 0 kept`);
    },
    60_000,
  );

  it('removes the temporary file the killed run left, and says so', async () => {
    const sources = path.join(temporary, 'in-tmp');
    const out = path.join(temporary, 'out-tmp');
    writeVersion(sources, 1);
    expect((await runIngest({}, '--out', out, sources)).code).toBe(0);
    writeVersion(sources, 2);
    await killAt('write:2', '--out', out, sources);
    const [left] = readdirSync(out).filter((name) => name.endsWith('.tmp'));
    expect(left).toMatch(/^\..+\.md\.\d+\.tmp$/);
    // One that a live process is writing (a build saving its stats, say) is not touched.
    const live = `.copy-stats.json.${process.pid}.tmp`;
    writeFileSync(path.join(out, live), '{}');
    const next = await runIngest({}, '--out', out, sources);
    expect(next.stdout).toContain(`note       removed ${left}, left by an interrupted run`);
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([live]);
    rmSync(path.join(out, live));
    expect(leftovers(out)).toEqual([]);
  }, 30_000);

  it('still keeps a copy edited by hand after the killed run had written it', async () => {
    const sources = path.join(temporary, 'in-edit');
    const out = path.join(temporary, 'out-edit');
    writeVersion(sources, 1);
    expect((await runIngest({}, '--out', out, sources)).code).toBe(0);
    writeVersion(sources, 2);
    await killAt('write:3', '--out', out, sources);
    // The first copy in the run's order was replaced by the killed run; an editor then changes it.
    const [edited] = [...countsInCopies(out)].filter(([, value]) => value >= 200).map(([file]) => file);
    const name = readdirSync(out).find((file) => file.endsWith('.md') && readFileSync(path.join(out, file), 'utf8').includes(`file: "${edited}"`))!;
    const text = readFileSync(path.join(out, name), 'utf8');
    writeFileSync(path.join(out, name), text.replace(/^title: .*$/m, 'title: "An editor’s headline"'));
    writeVersion(sources, 3);
    const next = await runIngest({}, '--out', out, sources);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(`: 0 written, ${count - 1} updated, 0 unchanged, 1 kept, 0 refused`);
    expect(next.stdout).toMatch(new RegExp(`^kept +${name.replace(/\./g, '\\.')} .*the source has changed since`, 'm'));
    expect(readFileSync(path.join(out, name), 'utf8')).toContain('An editor’s headline');
  }, 30_000);
});
