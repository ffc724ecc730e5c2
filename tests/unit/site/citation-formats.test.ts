import { describe, expect, it } from 'vitest';
import { bibtexCitation, citationDate, cslJsonCitation, escapeBibtex, plainTextCitation, storyOriginal } from '@/domain/citation-formats';
import { datedStory, story } from './story-factory.ts';

const permalink = 'https://archive.test/stories/xi/';
const archive = 'The Operations Archive';

const stated = datedStory('xi', '2017-10-19', { title: 'Operation Cross Country XI: 84 children recovered', outlet: 'CBS/WNCN' });
const inferred = story('inferred', { title: 'A story', date: '2019-08-01', dateSource: 'inferred', dateEvidence: "'last month', 'an Aug. 1 announcement'" });
const undated = story('undated', { title: 'An undated story', dateEvidence: "Clues without a year: 'last month'" });

/** Whether every brace of a BibTeX entry is balanced, ignoring escaped ones. */
function balanced(entry: string): boolean {
  let depth = 0;
  const bare = entry.replace(/\\[{}]/g, '');
  for (const char of bare) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('citation date', () => {
  it('gives a stated date plainly, an inferred one with its evidence, a missing one as not stated', () => {
    expect(citationDate(stated)).toBe('October 19, 2017');
    expect(citationDate(inferred)).toBe("August 1, 2019 (date inferred from: 'last month', 'an Aug. 1 announcement')");
    expect(citationDate(undated)).toBe('date not stated');
  });
});

describe('plain text citation', () => {
  it('names the story, outlet, date and permalink', () => {
    expect(plainTextCitation({ story: stated, permalink, archive })).toBe(
      `“Operation Cross Country XI: 84 children recovered.” CBS/WNCN, October 19, 2017. Archived copy in The Operations Archive: ${permalink}`,
    );
  });

  it('says an undated story has no stated date rather than inventing one', () => {
    const text = plainTextCitation({ story: undated, permalink, archive });
    expect(text).toContain('date not stated.');
    expect(text).not.toMatch(/\b(19|20)\d\d\b/);
  });

  it('says an inferred date is inferred', () => {
    expect(plainTextCitation({ story: inferred, permalink, archive })).toContain('August 1, 2019 (date inferred from:');
  });

  it('leads with the original when the archive records it', () => {
    const text = plainTextCitation({
      story: stated,
      permalink,
      archive,
      original: { author: 'Jane Roe', headline: 'FBI sweep recovers 84 children', outlet: 'WNCN', url: 'https://news.test/a?b=1', published: null },
    });
    expect(text).toBe(
      `Jane Roe. “FBI sweep recovers 84 children.” WNCN, October 19, 2017. Original: https://news.test/a?b=1. Archived copy (“Operation Cross Country XI: 84 children recovered”) in The Operations Archive: ${permalink}`,
    );
  });
});

describe('BibTeX citation', () => {
  it('escapes every character BibTeX reads as markup', () => {
    expect(escapeBibtex('50% of $10 & #1 {x} a_b ~ ^ \\')).toBe(
      '50\\% of \\$10 \\& \\#1 \\{x\\} a\\_b \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });

  it('keeps a hostile headline as text with balanced braces', () => {
    const hostile = datedStory('hostile', '2020-01-02', { title: 'Arrests} @misc{evil, title={x' });
    const entry = bibtexCitation({ story: hostile, permalink, archive });
    expect(balanced(entry)).toBe(true);
    expect(entry.match(/@misc\{/g)).toHaveLength(1);
    expect(entry).toContain('title = {{Arrests\\} @misc\\{evil, title=\\{x}}');
  });

  it('gives year, month and day only for a date the archive holds', () => {
    const entry = bibtexCitation({ story: stated, permalink, archive });
    expect(entry).toContain('year = {2017}');
    expect(entry).toContain('month = oct');
    expect(entry).toContain('date = {2017-10-19}');
    expect(entry).toContain('organization = {CBS/WNCN}');
    expect(entry).toContain(`howpublished = {\\url{${permalink}}}`);
    expect(entry.startsWith('@misc{operations-archive-xi,\n')).toBe(true);
  });

  it('leaves the date out of an undated story and says so', () => {
    const entry = bibtexCitation({ story: undated, permalink, archive });
    expect(entry).not.toMatch(/\byear =|\bdate =|\bmonth =/);
    expect(entry).toContain('note = {Date not stated. Archived copy in The Operations Archive: https://archive.test/stories/xi/.}');
  });

  it('notes an inferred date as inferred', () => {
    expect(bibtexCitation({ story: inferred, permalink, archive })).toContain("note = {Date inferred from: 'last month', 'an Aug. 1 announcement'.");
  });

  it('keeps an original URL with braces or a percent sign from breaking the entry', () => {
    const entry = bibtexCitation({ story: stated, permalink, archive, original: { url: 'https://news.test/a b{c}%20' } });
    expect(entry).toContain('url = {https://news.test/a%20b%7Bc%7D%20}');
    expect(balanced(entry)).toBe(true);
  });
});

describe('CSL-JSON citation', () => {
  it('gives the stated date as date-parts and the permalink as the archive location', () => {
    expect(cslJsonCitation({ story: stated, permalink, archive })).toEqual({
      id: 'operations-archive-xi',
      type: 'article-newspaper',
      title: 'Operation Cross Country XI: 84 children recovered',
      'container-title': 'CBS/WNCN',
      issued: { 'date-parts': [[2017, 10, 19]] },
      URL: permalink,
      archive,
      archive_location: permalink,
    });
  });

  it('marks an inferred date circa and says from what', () => {
    const item = cslJsonCitation({ story: inferred, permalink, archive });
    expect(item['issued']).toEqual({ 'date-parts': [[2019, 8, 1]], circa: true });
    expect(item['note']).toBe("Date inferred from: 'last month', 'an Aug. 1 announcement'.");
  });

  it('leaves out the date of an undated story and says it is not stated', () => {
    const item = cslJsonCitation({ story: undated, permalink, archive });
    expect(item).not.toHaveProperty('issued');
    expect(item['note']).toBe('Date not stated.');
  });

  it('takes the original headline, author and URL when present, and its date when the story has none', () => {
    const item = cslJsonCitation({
      story: undated,
      permalink,
      archive,
      original: { headline: 'Sweep', author: 'A. Writer', url: 'https://news.test/x', published: '2017-08-01' },
    });
    expect(item).toMatchObject({
      title: 'Sweep',
      author: [{ literal: 'A. Writer' }],
      URL: 'https://news.test/x',
      issued: { 'date-parts': [[2017, 8, 1]] },
      archive_location: permalink,
    });
    expect(item['note']).toBe('Archive title: An undated story');
  });
});

describe('original of a story', () => {
  it("is the copy's original object, or null when it records none", () => {
    const base = datedStory('with-original', '2017-10-19');
    const original = { url: 'https://news.test/x', outlet: null, headline: 'Sweep', author: null, published: null };
    expect(storyOriginal({ ...base, data: { ...base.data, original } })).toEqual(original);
    expect(storyOriginal(base)).toBeNull();
  });
});
