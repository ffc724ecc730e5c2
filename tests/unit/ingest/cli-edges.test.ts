import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { printable } from '@/domain/ingest/report-line';
import { articleSchema } from '@/domain/schema';
import { projectRoot } from '../../support/dist.ts';
import { runIngest } from './processes.ts';
import { sourcesDir } from './support.ts';

const temporary = mkdtempSync(path.join(tmpdir(), 'ingest-edges-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

/** Every report line starts with one of these words, or is the summary. */
const lineShape = /^(?:(?:written|updated|unchanged|kept|note|refused) {2,}\S|\d+ articles into )/;

describe('report lines', () => {
  it('a file name with a newline or a terminal escape stays on one line, escaped', async () => {
    const inputs = path.join(temporary, 'odd-names');
    mkdirSync(inputs);
    copyFileSync(path.join(sourcesDir, '000_8f2de62f41e94ce4.txt'), path.join(inputs, 'line\nbreak.txt'));
    writeFileSync(path.join(inputs, 'empty\n\u001b[2Jx.txt'), '');
    const result = await runIngest({}, '--out', path.join(temporary, 'odd-out'), inputs);
    expect(result.code).toBe(1);
    const lines = `${result.stdout}${result.stderr}`.trim().split('\n');
    for (const line of lines) expect(line).toMatch(lineShape);
    expect(result.stdout).toMatch(/^written +\S+\.md ← \S*line\\nbreak\.txt /m);
    expect(result.stderr).toMatch(/^refused +\S*empty\\n\\x1b\[2Jx\.txt: is empty \(0 bytes\)$/m);
    // The copy records the real name.
    const [copy] = readdirSync(path.join(temporary, 'odd-out')).filter((name) => name.endsWith('.md'));
    expect(articleSchema.parse(parseArticleFile(readFileSync(path.join(temporary, 'odd-out', copy!), 'utf8')).data).source.file).toBe('line\nbreak.txt');
  }, 30_000);

  it('printable escapes every control character and nothing else', () => {
    expect(printable('a\nb\r\tc\u0000\u007f\u0085\u2028 é \\ “x”')).toBe('a\\nb\\r\\tc\\x00\\x7f\\x85\\u2028 é \\ “x”');
  });
});

describe('-- ends the options', () => {
  it('takes a file name that starts with a dash after --, and refuses it before', () => {
    const folder = path.join(temporary, 'dash');
    mkdirSync(folder);
    copyFileSync(path.join(sourcesDir, '001_b57a1b7f376e990b.txt'), path.join(folder, '-dash.txt'));
    const ingest = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(projectRoot, 'scripts/ingest.ts'), ...args], {
        cwd: folder,
        encoding: 'utf8',
      });
    const without = ingest('--out', 'out', '-dash.txt');
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('unknown option -dash.txt');
    const withDashes = ingest('--out', 'out', '--', '-dash.txt');
    expect(withDashes.stderr).toBe('');
    expect(withDashes.status).toBe(0);
    expect(withDashes.stdout).toMatch(/^written +operation-independence-day-67-traffickers-arrested\.md ← -dash\.txt /m);
    // After --, '--out' is a file name too.
    const late = ingest('--out', 'out', '--', '--out');
    expect(late.status).toBe(1);
    expect(late.stderr).toMatch(/^refused +--out: does not exist$/m);
  }, 30_000);
});

describe('a copy kept as edited by hand that the build would refuse', () => {
  it('is refused by the copy’s name, and ingest exits 1', async () => {
    const out = path.join(temporary, 'broken-edits');
    expect((await runIngest({}, '--out', out, sourcesDir)).code).toBe(0);
    const copies = readdirSync(out)
      .filter((name) => name.endsWith('.md'))
      .sort();
    const edit = (name: string, change: (text: string) => string): void => {
      const file = path.join(out, name);
      const text = readFileSync(file, 'utf8');
      const changed = change(text);
      expect(changed).not.toBe(text);
      writeFileSync(file, changed);
    };
    edit(copies[0]!, (text) => text.replace(/^title: .*$/m, 'title: [unclosed'));
    edit(copies[1]!, (text) => text.replace(/^slug: .*$/m, 'slug: Not A Slug'));
    edit(copies[2]!, (text) => text.replace(/^date: .*$/m, 'date: 2019-13-45'));
    const result = await runIngest({}, '--out', out, sourcesDir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('0 written, 0 updated, 1 unchanged, 3 kept, 3 refused');
    const refused = result.stderr.trim().split('\n');
    expect(refused).toEqual([
      expect.stringMatching(new RegExp(`^refused +\\S*${copies[0]!}: is left as edited by hand, but the build will refuse it: cannot read its frontmatter`)),
      expect.stringMatching(new RegExp(`^refused +\\S*${copies[1]!}: is left as edited by hand, but the build will refuse it: .*slug: `)),
      expect.stringMatching(
        new RegExp(`^refused +\\S*${copies[2]!}: is left as edited by hand, but the build will refuse it: .*'2019-13-45' is not a real calendar day`),
      ),
    ]);
    // The copies, not the sources, are named; and the edits are left as they were.
    expect(result.stderr).not.toContain('content/sources');
    expect(readFileSync(path.join(out, copies[2]!), 'utf8')).toMatch(/^date: 2019-13-45$/m);
  }, 30_000);
});
