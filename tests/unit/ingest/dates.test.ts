import { describe, expect, it } from 'vitest';
import { dateFromText, unsettledClues } from '@/domain/ingest/dates';
import { ingestFresh, seedSources, source } from './support.ts';

describe('dates from the text itself', () => {
  it.each([
    ['FBI Director Christopher Wray said in an Aug. 1, 2023 announcement of the arrests.', '2023-08-01', 'an Aug. 1, 2023 announcement'],
    ['It took place last month, according to a release from the FBI on August 1, 2023.', '2023-08-01', 'a release from the FBI on August 1, 2023'],
    ['The bureau announced the results on Sept. 30, 2019, after the sweep ended last week.', '2019-09-30', 'announced the results on Sept. 30, 2019'],
  ])('dates %j from a full date tied to an announcement', (sentence, date, words) => {
    expect(dateFromText([sentence])).toEqual({ date, dateSource: 'inferred', dateEvidence: `The text dates the announcement it reports: '${words}'` });
  });

  it('takes the latest announcement when there are several', () => {
    expect(dateFromText(['A statement on June 2, 2021 came first.', 'Then a release on July 9, 2021 followed.'])?.date).toBe('2021-07-09');
  });

  it.each([
    ['FBI Director Christopher Wray said in an Aug. 1 announcement of the arrests.'],
    ['The initiative began in 2003, and an Aug. 1 announcement followed.'],
    ['The sweep ran from July 1, 2023 to July 31, 2023.'],
    ['A release on Feb. 30, 2023 is impossible.'],
  ])('does not date %j: no year for the day, a bare year, no announcement, or no such day', (sentence) => {
    expect(dateFromText([sentence])).toBeNull();
  });

  it('quotes the clues that did not settle a date, in reading order, once each', () => {
    expect(
      unsettledClues([
        'More than 200 victims were rescued last month.',
        'Wray said in an Aug. 1 announcement of the arrests.',
        'This is the 13th year that the enforcement initiative has taken place.',
        'It ran in July; last month was busy.',
      ]),
    ).toBe("Clues without a year: 'last month', 'an Aug. 1 announcement', 'the 13th year', 'in July'");
    expect(unsettledClues(['Nothing about time here.'])).toBeNull();
  });
});

describe('dates from another article with the same figures', () => {
  const dated = source(
    'dated-release.txt',
    ' date 2023-08-02 WASHINGTON — More than 200 victims of sex trafficking were rescued in Operation Cross Country, the FBI said. ' +
      'The operation led to the identification or arrest of more than five dozen suspected traffickers and 126 individuals accused of exploitation.',
  );

  it('dates the two undated seeds from a dated article that reports their figures', () => {
    const articles = ingestFresh([...seedSources(), dated]);
    for (const file of ['002_2849f135a1ba228d.txt', '003_8cf356fb14d38b57.txt']) {
      const article = articles.get(file)!;
      expect(article.date).toBe('2023-08-02');
      expect(article.dateSource).toBe('inferred');
      expect(article.dateEvidence).toMatch(
        /^Reports the same figures as dated-release\.txt \(operation-cross-country-more-than-200-victims-rescued(?:-\d)?, dated 2023-08-02 by its date line\): /,
      );
      expect(article.dateEvidence).toContain('more than 60 traffickers identified or arrested; 126 people identified or arrested');
    }
    // The dated seeds keep their own dates.
    expect(articles.get('000_8f2de62f41e94ce4.txt')!.dateSource).toBe('source');
  });

  it('does not date from one shared figure, nor from running totals', () => {
    const weak = source('weak.txt', ' date 2023-08-02 More than 200 victims were rescued. Since 1984, NCMEC has assisted in over 400,000 cases.');
    const articles = ingestFresh([...seedSources(), weak]);
    expect(articles.get('002_2849f135a1ba228d.txt')!.dateSource).toBe('unknown');
  });

  it('dates from a single figure when both articles report exactly that one', () => {
    const one = ingestFresh([
      source('a.txt', ' date 2022-05-04 Agents arrested 41 traffickers.'),
      source('b.txt', 'In the sweep, 41 traffickers were arrested, officials said.'),
    ]);
    expect(one.get('b.txt')).toMatchObject({ date: '2022-05-04', dateSource: 'inferred' });
  });

  it('does not date from figures that more than 20 dated articles report: they are boilerplate', () => {
    const many = Array.from({ length: 21 }, (_, index) =>
      source(
        `d${String(index).padStart(2, '0')}.txt`,
        ` date 2020-01-01 Officers from 56 field offices took part; ${index + 100} children were rescued and 41 traffickers were arrested.`,
      ),
    );
    const undated = source('u.txt', 'Agents from 56 field offices took part, and 41 traffickers were arrested.');
    expect(ingestFresh([...many, undated]).get('u.txt')).toMatchObject({ dateSource: 'unknown', dateEvidence: null });
    expect(ingestFresh([...many.slice(0, 20), undated]).get('u.txt')).toMatchObject({ dateSource: 'inferred', date: '2020-01-01' });
  });

  it('leaves the date unknown when equally good matches disagree, and says so', () => {
    const articles = ingestFresh([
      source('a.txt', ' date 2022-05-04 Agents arrested 41 traffickers and rescued 12 children.'),
      source('b.txt', ' date 2021-05-04 Agents arrested 41 traffickers and rescued 12 children, the FBI said again.'),
      source('c.txt', 'In the sweep, 41 traffickers were arrested and 12 children were rescued.'),
    ]);
    expect(articles.get('c.txt')).toMatchObject({
      date: null,
      dateSource: 'unknown',
      dateEvidence: 'Shares as many figures with articles of different dates: a.txt (2022-05-04), b.txt (2021-05-04)',
    });
  });

  it('prefers a dated announcement in the text to a figure match', () => {
    const articles = ingestFresh([
      dated,
      source(
        'x.txt',
        'More than 200 victims were rescued and 126 individuals arrested, the FBI said in an Aug. 1, 2023 announcement. Agents also arrested more than five dozen traffickers.',
      ),
    ]);
    expect(articles.get('x.txt')).toMatchObject({ date: '2023-08-01', dateSource: 'inferred' });
  });
});
