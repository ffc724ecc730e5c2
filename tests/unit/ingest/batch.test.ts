import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { planIngest } from '@/domain/ingest/batch';
import { manifestName } from '@/domain/ingest/manifest';
import { articleSchema } from '@/domain/schema';
import { splitSentences } from '@/domain/sentences';
import { catalogue, ingestInto, seedSources, source, type Folder } from './support.ts';

const seeds = seedSources();

function copyOf(folder: Folder, file: string): [string, string] {
  const found = [...folder].find(
    ([name, raw]) =>
      name.endsWith('.md') && parseArticleFile(raw).data['source'] !== undefined && (parseArticleFile(raw).data['source'] as { file: string }).file === file,
  );
  if (!found) throw new Error(`no copy of ${file}`);
  return found;
}

describe('dating from copies already in the folder', () => {
  // A dated report of the same figures as the undated seed 002 (the build test dated-by-figures uses it too).
  const dated = source(
    'zz-dated-report.txt',
    [
      ' date 2031-08-02 WASHINGTON — More than 200 victims of sex trafficking were rescued last month during a nationwide FBI-led enforcement campaign, Operation Cross Country.',
      'The campaign included the identification and arrest of more than five dozen suspected human traffickers and 126 individuals accused of child sexual exploitation and trafficking offenses.',
      'They also located 59 minor victims of child sex trafficking and sexual exploitation, and another 59 children who had been reported missing.',
    ].join('\n\n'),
  );

  it('dates an undated source from a dated copy ingested in an earlier run', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [dated]);
    const undated = seeds.find((seed) => seed.file.startsWith('002_'))!;
    const plan = ingestInto(folder, [undated]);
    expect(plan.outcomes[0]!.article).toMatchObject({ date: '2031-08-02', dateSource: 'inferred' });
    expect(plan.outcomes[0]!.article.dateEvidence).toContain('zz-dated-report.txt');
  });
});

describe('re-ingesting', () => {
  it('gives byte-identical files and reports them unchanged', () => {
    const folder: Folder = new Map();
    ingestInto(folder, seeds);
    const before = new Map(folder);
    const again = ingestInto(folder, seeds);
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(folder).toEqual(before);
  });

  it('never discards a hand edit, and says so', () => {
    const folder: Folder = new Map();
    ingestInto(folder, seeds);
    const [name, raw] = copyOf(folder, seeds[0]!.file);
    const edited = raw.replace(/^title: .*$/m, 'title: An editor’s headline');
    folder.set(name, edited);
    const again = ingestInto(folder, seeds);
    expect(again.outcomes[0]).toMatchObject({ copy: name, status: 'kept', content: null, sourceChanged: false });
    expect(folder.get(name)).toBe(edited);
    // Still kept on the run after, when the manifest has been rewritten.
    expect(ingestInto(folder, seeds).outcomes[0]!.status).toBe('kept');
  });

  it('updates a copy nobody edited when its source changes, keeping the slug and file name', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [source('a.txt', ' date 2020-01-02 Agents arrested 12 traffickers in Operation Cross Country.')]);
    const [name] = copyOf(folder, 'a.txt');
    const plan = ingestInto(folder, [source('a.txt', ' date 2020-01-02 Agents rescued 30 children in Operation Cross Country.')]);
    expect(plan.outcomes[0]).toMatchObject({ copy: name, status: 'updated' });
    const data = articleSchema.parse(parseArticleFile(folder.get(name)!).data);
    expect(data.title).toBe('Operation Cross Country: 30 children rescued');
    expect(`${data.slug}.md`).toBe(name);
  });

  it('reports a copy edited by hand whose source has also changed, for an editor to compare', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [source('a.txt', 'Agents arrested 12 traffickers.')]);
    const [name, raw] = copyOf(folder, 'a.txt');
    folder.set(name, `${raw}\nAn editor's note.\n`);
    expect(ingestInto(folder, [source('a.txt', 'Agents arrested 13 traffickers.')]).outcomes[0]).toMatchObject({ status: 'kept', sourceChanged: true });
  });

  it('keeps a copy that has no manifest entry and differs from what ingest would write', () => {
    const folder: Folder = new Map();
    ingestInto(folder, seeds);
    const [name, raw] = copyOf(folder, seeds[1]!.file);
    folder.delete(manifestName);
    folder.set(name, raw.replace('CHARLOTTE, N.C. — Three', 'CHARLOTTE, N.C. — Three (corrected)'));
    expect(ingestInto(folder, seeds).outcomes[1]!.status).toBe('kept');
  });
});

describe('streaming', () => {
  it('hands each copy to emit as soon as it is ready and keeps no content, with the same result', () => {
    const emitted = new Map<string, string>();
    const plan = planIngest({
      sources: seeds,
      existing: [],
      manifest: new Map(),
      catalogue,
      emit: (outcome) => emitted.set(outcome.copy, outcome.content!),
    });
    expect(plan.outcomes.every((outcome) => outcome.content === null)).toBe(true);
    const folder: Folder = new Map();
    ingestInto(folder, seeds);
    expect(emitted).toEqual(new Map([...folder].filter(([name]) => name.endsWith('.md'))));
    // Reported in file-name order, although the undated seeds are finished last.
    expect(plan.outcomes.map((outcome) => outcome.article.source.file)).toEqual(seeds.map((seed) => seed.file));
  });
});

describe('slugs stay put', () => {
  it('a new source with the same headline gets a numbered slug; the existing copy is not renamed', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [source('b.txt', 'Agents arrested 12 traffickers.')]);
    const plan = ingestInto(folder, [source('a.txt', 'Police said agents arrested 12 traffickers.'), source('b.txt', 'Agents arrested 12 traffickers.')]);
    expect(plan.outcomes.map((outcome) => [outcome.path, outcome.copy, outcome.status])).toEqual([
      ['in/a.txt', '12-traffickers-arrested-2.md', 'written'],
      ['in/b.txt', '12-traffickers-arrested.md', 'unchanged'],
    ]);
  });

  it('a copy keeps its slug when its generated title changes', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [source('a.txt', 'Agents arrested 12 traffickers.')]);
    const plan = ingestInto(folder, [source('a.txt', 'Agents rescued 40 children and arrested 12 traffickers.')]);
    expect(plan.outcomes[0]).toMatchObject({ copy: '12-traffickers-arrested.md', status: 'updated' });
    expect(plan.outcomes[0]!.article).toMatchObject({ slug: '12-traffickers-arrested', title: '40 children rescued, 12 traffickers arrested' });
  });

  it('collisions in one batch are numbered in file-name order, whatever the argument order', () => {
    const a = source('a.txt', 'Agents arrested 12 traffickers.');
    const b = source('b.txt', 'In all, agents arrested 12 traffickers.');
    const first = ingestInto(new Map(), [b, a]).outcomes.map((outcome) => outcome.copy);
    expect(first).toEqual(['12-traffickers-arrested.md', '12-traffickers-arrested-2.md']);
  });
});

describe('bad input in a batch', () => {
  it('refuses the same article under another name in the batch, naming the other file', () => {
    const plan = ingestInto(new Map(), [seeds[0]!, { ...seeds[0]!, file: 'copy.txt', path: 'in/copy.txt' }]);
    expect(plan.refusals).toEqual([
      { path: 'in/copy.txt', reason: 'is the same article as content/sources/000_8f2de62f41e94ce4.txt (identical text); not ingested twice' },
    ]);
    expect(plan.outcomes).toHaveLength(1);
  });

  it('refuses the same article when the folder already has it from another source', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [seeds[2]!]);
    const plan = ingestInto(folder, [
      { ...seeds[2]!, file: 'again.txt', path: 'in/again.txt', bytes: new TextEncoder().encode(`\n${new TextDecoder().decode(seeds[2]!.bytes)}\n`) },
    ]);
    expect(plan.refusals).toEqual([{ path: 'in/again.txt', reason: 'is the same article as 002_2849f135a1ba228d.txt (identical text); not ingested twice' }]);
  });

  it('refuses empty, binary and malformed sources by name and writes nothing for them', () => {
    const folder: Folder = new Map();
    const plan = ingestInto(folder, [
      source('empty.txt', ''),
      source('bad-date.txt', 'date 2019-13-45 Text.'),
      source('bin.txt', Uint8Array.from([0xff, 0xfe, 0, 1])),
      seeds[0]!,
    ]);
    expect(plan.refusals.map((refusal) => refusal.path)).toEqual(['in/bad-date.txt', 'in/bin.txt', 'in/empty.txt']);
    expect([...folder.keys()].filter((name) => name.endsWith('.md'))).toHaveLength(1);
  });

  it('keeps HTML, Markdown control lines and YAML special characters as plain text that round-trips and validates', () => {
    const text = [
      ' date 2021-03-04 BOISE, Idaho (KTVB) — <script>alert("x")</script> Police said 4 children were rescued: “yes” & more.',
      '---',
      '# Not a heading',
      '<img src=x onerror=alert(1)> - leading: dash * star & ampersand #hash \'single\' "double" | pipe',
      'key: value',
      '- item: "quoted"',
    ].join('\n\n');
    const folder: Folder = new Map();
    const plan = ingestInto(folder, [source('tricky.txt', text)]);
    expect(plan.refusals).toEqual([]);
    const { data, paragraphs } = parseArticleFile(folder.get(plan.outcomes[0]!.copy)!);
    const article = articleSchema.parse(data);
    expect(paragraphs).toEqual(text.replace(/^ date 2021-03-04 /, '').split('\n\n'));
    expect(article).toMatchObject({ dateline: 'BOISE, Idaho', outlet: 'KTVB', date: '2021-03-04' });
    expect(article.figures[0]).toMatchObject({ value: 4, subject: 'children', action: 'rescued' });
    expect(paragraphs.flatMap(splitSentences)).toContain(article.figures[0]!.sentence);
    expect(folder.get(plan.outcomes[0]!.copy)).not.toMatch(/^<script>/m);
  });
});
