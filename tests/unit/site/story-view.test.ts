import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import type { Operation } from '@/domain/schema';
import { searchSortDate, storyDate } from '@/domain/story-date';
import { storyDescription } from '@/domain/story-description';
import { neighbourLinks } from '@/domain/story-neighbours';
import { buildStoryView } from '@/domain/story-view';
import { buildFigureRows } from '@/domain/figures-table';
import { datedStory, figure, mention, story } from './story-factory.ts';

const operations = new Map<string, Operation>([
  ['operation-cross-country', { id: 'operation-cross-country', name: 'Operation Cross Country', aliases: [], kind: 'sweep', description: 'd' }],
]);
const site = new URL('https://archive.example');

describe('story view', () => {
  const body = [['Opening.', 'So far, 84 kids have been recovered.'], ['Close.']];
  const dated = datedStory('xi', '2017-10-19', {
    dateline: 'WASHINGTON',
    outlet: 'CBS/WNCN',
    operations: [mention({ edition: 'XI', editionNumber: 11 }), mention({ id: 'not-in-catalogue', text: 'Operation Unknown' })],
    paragraphs: body,
    figures: [figure({ sentence: 'So far, 84 kids have been recovered.', value: 84, text: '84' }), figure({ sentence: 'Close.', operation: null })],
  });

  it('links figures to their sentence and marks that sentence', () => {
    const view = buildStoryView(dated, body, { citations: citeFigures, operationById: operations, site });
    expect(view.figures.map((f) => f.cited.href)).toEqual(['/stories/xi/#s-2', '/stories/xi/#s-3']);
    expect(view.figures[0]!.operation).toEqual({ name: 'Operation Cross Country', href: '/operations/operation-cross-country/', indexed: true });
    expect(
      view.paragraphs
        .flat()
        .filter((s) => s.cited)
        .map((s) => s.id),
    ).toEqual(['s-2', 's-3']);
  });

  it('gives the search index each operation name once and a region, not the scope labels', () => {
    const threeBody = [['One.', 'Two.', 'Three.']];
    const three = datedStory('three', '2017-10-19', {
      paragraphs: threeBody,
      figures: [figure({ sentence: 'One.' }), figure({ sentence: 'Two.' }), figure({ sentence: 'Three.', operation: null })],
    });
    const view = buildStoryView(three, threeBody, { citations: citeFigures, operationById: operations, site });
    expect(view.figures.map((f) => f.operation?.indexed)).toEqual([true, false, undefined]);
    expect(view.figures.map((f) => f.scopeIndexed)).toEqual([false, false, false]);
    const regionalBody = [['In North Carolina, 12 children were recovered.']];
    const regional = datedStory('r', '2017-10-19', {
      paragraphs: regionalBody,
      figures: [
        figure({ sentence: 'In North Carolina, 12 children were recovered.', scope: { kind: 'region', since: null, until: null, region: 'North Carolina' } }),
      ],
    });
    expect(
      buildStoryView(regional, regionalBody, { citations: citeFigures, operationById: operations, site }).figures.map((f) => [f.scope, f.scopeIndexed]),
    ).toEqual([['region: North Carolina', true]]);
  });

  it('refuses a figure whose sentence is not in the body, which could not cite it', () => {
    const broken = datedStory('gone', '2017-10-19', { paragraphs: [['Opening.']], figures: [figure({ sentence: 'Gone.' })] });
    expect(() => citeFigures(broken)).toThrow('gone: figures.0.sentence is not a sentence of the body');
  });

  it('gives search the contract values', () => {
    const view = buildStoryView(dated, body, { citations: citeFigures, operationById: operations, site });
    expect(view.search).toEqual({
      sortDate: '2017-10-19',
      operations: ['Operation Cross Country', 'Operation Unknown'],
      year: '2017',
      outlet: 'CBS/WNCN',
      place: 'WASHINGTON',
      date: '2017-10-19',
    });
    const undated = buildStoryView(story('u'), [['First sentence.']], { citations: citeFigures, operationById: operations, site });
    expect(undated.search).toMatchObject({ sortDate: '0000-00-00', year: 'Undated', date: 'date not stated', outlet: null, place: null });
  });

  it('links only catalogued operations, in the page and in JSON-LD', () => {
    const view = buildStoryView(dated, body, { citations: citeFigures, operationById: operations, site });
    expect(view.operations.map((o) => [o.name, o.href, o.edition])).toEqual([
      ['Operation Cross Country', '/operations/operation-cross-country/', 'XI'],
      ['Operation Unknown', null, null],
    ]);
    const jsonLd = JSON.parse(view.jsonLd) as { about: { url: string }[]; url: string };
    expect(jsonLd.url).toBe('https://archive.example/stories/xi/');
    expect(jsonLd.about.map((a) => a.url)).toEqual(['https://archive.example/operations/operation-cross-country/']);
  });
});

describe('story dates', () => {
  it('formats stated and inferred dates, and says when there is none', () => {
    expect(storyDate(datedStory('a', '2019-08-08'))).toMatchObject({ iso: '2019-08-08', text: 'August 8, 2019', source: 'source' });
    const unknown = story('b', { dateEvidence: "'last month'" });
    expect(storyDate(unknown)).toEqual({ iso: null, text: 'date not stated', source: 'unknown', evidence: "'last month'" });
    expect(searchSortDate(unknown)).toBe('0000-00-00');
  });

  it('labels neighbours honestly around the undated stories', () => {
    const dated = datedStory('d', '2017-01-01');
    const first = story('u1');
    const second = story('u2');
    const oldestDated = neighbourLinks(dated, first, null);
    // The oldest dated story does not send readers to an undated one as if it were older.
    expect(oldestDated.links.map((l) => [l.label, l.story?.id ?? null, l.rel])).toEqual([
      ['No older dated story', null, null],
      ['No newer story', null, null],
    ]);
    expect(oldestDated.note).toMatchObject({ story: first, linkLabel: 'The first of them:' });
    expect(oldestDated.note!.text).toContain('listed after the dated ones, in order of their web address');
    expect(neighbourLinks(first, second, dated).links.map((l) => [l.label, l.rel])).toEqual([
      ['Next undated story, by web address', null],
      ['Back to the oldest dated story', null],
    ]);
    expect(neighbourLinks(first, second, dated).note!.text).toMatch(/^This story's date is not stated\. /);
    expect(neighbourLinks(second, null, first).links.map((l) => l.label)).toEqual(['No further undated story', 'Previous undated story, by web address']);
  });

  it('links dated stories in time with rel prev and next, and adds no note', () => {
    const newest = datedStory('n', '2019-01-01');
    const middle = datedStory('m', '2018-01-01');
    const oldest = datedStory('o', '2017-01-01');
    const around = neighbourLinks(middle, oldest, newest);
    expect(around.links.map((l) => [l.label, l.story?.id, l.rel])).toEqual([
      ['Older story', 'o', 'prev'],
      ['Newer story', 'n', 'next'],
    ]);
    expect(around.note).toBeNull();
    expect(neighbourLinks(oldest, null, middle).links[0]).toMatchObject({ label: 'No older story', rel: null });
  });
});

describe('descriptions and figure rows', () => {
  it('cuts a long description at a word with an ellipsis', () => {
    const description = storyDescription([['word '.repeat(60).trim() + '.']], 'Title', 50);
    expect(description.length).toBeLessThanOrEqual(50);
    expect(description.endsWith('word…')).toBe(true);
    expect(storyDescription([['Short.']], 'Title')).toBe('Short.');
    expect(storyDescription([], 'Title')).toBe('Title');
    expect(storyDescription([[' ', '\n']], 'Title')).toBe('Title');
  });

  it('describes from the opening sentences alone, as from the whole body with its whitespace folded', () => {
    const opening = ['A  first   sentence\tthat runs on.', '', ' Then a second one, and a third clause after it.'];
    const rest = [['A later paragraph that no description reaches.'], ['x'.repeat(500)]];
    const whole = [opening, ...rest].flat().join(' ').replace(/\s+/g, ' ').trim();
    const description = storyDescription([opening, ...rest], 'Title', 60);
    expect(description).toBe('A first sentence that runs on. Then a second one, and a…');
    expect(whole.startsWith(description.slice(0, -1))).toBe(true);
    // Long enough only once the next sentence is joined: the cut still falls where the whole body's would.
    expect(storyDescription([['Short one.'], ['Another short one that ends past the limit here.']], 'Title', 30)).toBe('Short one. Another short one…');
  });

  it('keeps in the archive what other pages need of the body, not the body', () => {
    const kept = datedStory('k', '2017-10-19', {
      paragraphs: [['Opening words.', 'So far, 84 kids have been recovered.']],
      figures: [figure({ sentence: 'So far, 84 kids have been recovered.' }), figure({ sentence: 'Not in the body.' })],
    });
    expect(kept.data).not.toHaveProperty('paragraphs');
    expect(kept.data.figureSentences).toEqual([2, null]);
    expect(kept.data.description).toBe('Opening words. So far, 84 kids have been recovered.');
  });

  it('gives one row per figure with scope words and the catalogue name', () => {
    const s = datedStory('r', '2017-10-19', {
      paragraphs: [['A.']],
      figures: [
        figure({ sentence: 'A.', text: 'more than 6,500', value: 6500, scope: { kind: 'cumulative', since: 2003, until: null, region: null } }),
        figure({ sentence: 'A.', operation: null }),
      ],
    });
    const rows = buildFigureRows([s], citeFigures, (id) => operations.get(id)?.name);
    expect(rows.map((r) => [r.text, r.scope, r.operation?.name ?? null, r.cited.href])).toEqual([
      ['more than 6,500', 'cumulative, since 2003', 'Operation Cross Country', '/stories/r/#s-1'],
      ['10', 'operation total', null, '/stories/r/#s-1'],
    ]);
  });
});
