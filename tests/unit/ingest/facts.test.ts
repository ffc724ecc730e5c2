/**
 * Issue 23's classes, module by module: label form, scope from the
 * document, operations the catalogue lacks, dates the text allows. The
 * whole-article cases are in tests/fixtures/eval (eval.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { datelinePlace, fieldOfficePlace } from '@/domain/ingest/article-figures';
import { dateFromText, unsettledClues } from '@/domain/ingest/dates';
import { findCounts } from '@/domain/ingest/figures';
import { findLabelCounts, measureOf } from '@/domain/ingest/labels';
import { findOperations } from '@/domain/ingest/operations';
import { tokenize } from '@/domain/ingest/tokens';
import { catalogue, ingestFresh, source } from './support.ts';

describe('counts in label form', () => {
  it.each([
    ['Minors recovered: four', 4, 'children', 'recovered'],
    ['Adults Rescued: 212', 212, 'adults', 'rescued'],
    ['Indictments: 88', 88, 'people', 'indicted'],
    ['Task forces participating: 73', 73, 'task forces', 'participated'],
    ['• Victims identified: 15', 15, 'victims', 'identified'],
  ])('reads %j', (line, value, subject, action) => {
    expect(findLabelCounts(line, null).counts).toMatchObject([{ value, subject, action, place: null }]);
  });

  it('reads places with counts under the measure the sentence or a heading names', () => {
    const line = findLabelCounts('Arrests by city: Mobile (14), Montgomery (9) and Huntsville (3).', null);
    expect(line.counts.map((count) => [count.place, count.value, count.subject, count.action])).toEqual([
      ['Mobile', 14, 'people', 'arrested'],
      ['Montgomery', 9, 'people', 'arrested'],
      ['Huntsville', 3, 'people', 'arrested'],
    ]);
    const heading = measureOf(tokenize('Children recovered, by field office'))!;
    expect(findLabelCounts('Salt Lake City: 2', heading).counts).toMatchObject([
      { place: 'Salt Lake City', value: 2, subject: 'children', action: 'recovered' },
    ]);
    expect(findLabelCounts('Denver – 7', heading).counts).toMatchObject([{ place: 'Denver', value: 7 }]);
  });

  it('splits lines a hard wrap joined, and leaves counts with their own noun to the grammar', () => {
    expect(findLabelCounts('Subjects arrested: 6 Juveniles recovered: 2', null).counts.map((count) => [count.value, count.subject, count.action])).toEqual([
      [6, 'people', 'arrested'],
      [2, 'children', 'recovered'],
    ]);
    expect(findLabelCounts('Omaha: 4 children were recovered.', null).counts).toEqual([]);
    expect(findLabelCounts('MR. SMITH: Two children were recovered.', null).counts).toEqual([]);
    expect(findLabelCounts('Updated: 2019', null).counts).toEqual([]);
    expect(findLabelCounts('The meeting ran 10:30 to noon.', null).counts).toEqual([]);
  });
});

describe('nouns and verbs', () => {
  it.each([
    ['Officers arrested 23 buyers.', 23, 'people', 'arrested'],
    ['Seventeen subjects were charged.', 17, 'people', 'charged'],
    ['More than 47 federal, state and tribal agencies took part.', 47, 'agencies', 'participated'],
    ['Investigators located 31 missing or runaway teens.', 31, 'children', 'located'],
    ['Agents from 25-plus field divisions took part.', 25, 'field offices', 'participated'],
    ['A dozen customers were arrested.', 12, 'people', 'arrested'],
    ['The operation resulted in the recovery of 19 minors.', 19, 'children', 'recovered'],
    ['Nineteen sex workers received services.', 19, 'adults', 'assisted'],
    ['In all, 150 pimps and others were arrested.', 150, 'people', 'arrested'],
  ])('%s', (sentence, value, subject, action) => {
    expect(findCounts(sentence)[0]).toMatchObject({ value, subject, action });
  });

  it('does not carry an action to a count that has its own verb', () => {
    expect(findCounts('Agents located four minors and interviewed 23 adults.').map((count) => count.action)).toEqual(['located', 'interviewed']);
  });

  it('reads 25-plus as more than 25', () => {
    expect(findCounts('Agents from 25-plus field divisions took part.')[0]).toMatchObject({ qualifier: 'more than', text: '25-plus' });
  });
});

describe('scope from the document', () => {
  it.each([
    ['FBI Omaha and its partners made 12 arrests.', 'Omaha'],
    ['The FBI’s Sioux Falls office recovered four children.', 'Sioux Falls'],
    ['Locally, FBI Greenville recovered four children.', 'Greenville'],
    ['The FBI Jackson Field Office said five men were arrested.', 'Jackson'],
    ['FBI Omaha Special Agent in Charge Dana Whitlock said 12 people were arrested.', 'Omaha'],
    ['FBI Director Elaine Brody said 84 children were recovered.', null],
    ['FBI Headquarters released the results.', null],
  ])('%s', (sentence, place) => {
    expect(fieldOfficePlace(sentence)).toBe(place);
  });

  it.each([
    ['KEARNEY, Neb.', 'Kearney'],
    ['Washington, D.C./Omaha', 'Omaha'],
    ['WASHINGTON', null],
    ['WASHINGTON, D.C.', null],
    ['Mobile, AL', 'Mobile'],
    ['ST. LOUIS, Mo.', 'St. Louis'],
  ])('the dateline %s is the release’s place %s', (dateline, place) => {
    expect(datelinePlace(dateline)).toBe(place);
  });

  it('keeps a local release’s national totals national, and leaves anecdotes out', () => {
    const article = ingestFresh([
      source(
        'omaha.txt',
        'OMAHA, Neb. — FBI Omaha recovered three children during Operation Cross Country.\n\nIn one case, two suspects drove a girl to a motel.\n\nNationwide, the operation recovered 84 children.\n',
      ),
    ]).get('omaha.txt')!;
    expect(article.figures.map((figure) => [figure.value, figure.scope.kind, figure.scope.region])).toEqual([
      [3, 'region', 'Omaha'],
      [84, 'operation', null],
    ]);
  });

  it('reads a local release’s total said to be in all as national, but not one in all of a state', () => {
    const article = ingestFresh([
      source(
        'all.txt',
        'LINCOLN, Neb. — Agents recovered two children. The operation recovered 92 children in all. Officers made 7 arrests in all of Nebraska.\n',
      ),
    ]).get('all.txt')!;
    expect(article.figures.map((figure) => [figure.value, figure.scope.kind, figure.scope.region])).toEqual([
      [2, 'region', 'Lincoln'],
      [92, 'operation', null],
      [7, 'region', 'Nebraska'],
    ]);
  });

  it('reads a running total announced in one sentence and counted in the next', () => {
    const article = ingestFresh([
      source(
        'total.txt',
        'The Innocence Lost National Initiative began in 2003. Since its inception, it has grown. More than 4,800 children have been recovered.\n',
      ),
    ]).get('total.txt')!;
    expect(article.figures).toMatchObject([{ value: 4800, scope: { kind: 'cumulative', since: 2003 } }]);
  });
});

describe('operations', () => {
  const find = (...sentences: string[]) => findOperations(sentences, catalogue.compiled);

  it('records an operation the catalogue lacks as written, with its edition', () => {
    const found = find('Fourteen men were arrested in Operation Safe Harbor II.', 'Operation Northern Light ran alongside it.');
    expect(found.unlisted).toEqual([
      { text: 'Operation Safe Harbor', edition: 'II', editionNumber: 2 },
      { text: 'Operation Northern Light', edition: null, editionNumber: null },
    ]);
    expect(found.unknown).toEqual(['Operation Safe Harbor II', 'Operation Northern Light']);
    expect(found.mentions).toEqual([]);
  });

  it('does not take a task force named for the initiative for the initiative', () => {
    expect(find('Members of the Gulf Coast Innocence Lost Task Force took part.').mentions).toEqual([]);
    expect(find('It is part of the Innocence Lost National Initiative.').mentions.map((mention) => mention.id)).toEqual(['innocence-lost']);
  });

  it.each([
    ['Operation Independence Day 2021 recovered 37 children.', '2021', null],
    ['The 7th annual Operation Cross Country ended.', '7th', 7],
    ['Operation Cross Country VIII, the FBI said, recovered 105 children.', 'VIII', 8],
  ])('reads the edition of %j', (sentence, edition, editionNumber) => {
    expect(find(sentence).mentions[0]).toMatchObject({ edition, editionNumber });
  });

  it('does not headline a catalogue operation with the figures of one the catalogue lacks', () => {
    const article = ingestFresh([
      source('lantern.txt', 'Operation Lost Lantern III, a regional effort separate from Operation Independence Day 2020, ended with 18 arrests.\n'),
    ]).get('lantern.txt')!;
    expect(article.title).toBe('Operation Independence Day 2020');
    expect(article.operations).toMatchObject([{ id: 'operation-independence-day', edition: '2020', editionNumber: null }]);
  });

  it('lists unlisted operations in the copy and in the run’s notes', () => {
    const article = ingestFresh([source('harbor.txt', 'Fourteen men were arrested in Operation Safe Harbor II.\n')]).get('harbor.txt')!;
    expect(article.unlistedOperations).toEqual([{ text: 'Operation Safe Harbor', edition: 'II', editionNumber: 2 }]);
    expect(article.figures[0]).toMatchObject({ value: 14, operation: null });
  });
});

describe('dates the text allows', () => {
  it.each([
    ['On March 4, 2015, the FBI announced that 30 children were recovered.', '2015-03-04'],
    ['The FBI announced the results last week, on June 20, 2019, at its headquarters.', '2019-06-20'],
    ['At an Oct. 17, 2016 news conference, officials gave the results.', '2016-10-17'],
  ])('%s', (sentence, date) => {
    expect(dateFromText([sentence])).toMatchObject({ date, dateSource: 'inferred' });
  });

  it('does not date a text by a day without a year, and says when a clue has one', () => {
    expect(dateFromText(['The FBI announced the results on July 29 at a news conference.'])).toBeNull();
    expect(unsettledClues(['The sweep ran from July 1, 2023 to July 31, 2023.'])).toMatch(/^Clues that do not settle the day: /);
  });

  it('takes a release’s own date from its letterhead as stated', () => {
    const article = ingestFresh([
      source('release.txt', 'FOR IMMEDIATE RELEASE\nMarch 4, 2015\n\nWASHINGTON — Operation Cross Country recovered 68 children.\n'),
    ]).get('release.txt')!;
    expect(article).toMatchObject({ date: '2015-03-04', dateSource: 'source', dateline: 'WASHINGTON' });
  });
});
