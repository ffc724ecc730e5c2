import { describe, expect, it } from 'vitest';
import { findCounts } from '@/domain/ingest/figures';

/** The findings as value, text, qualifier, subject and action, for compact expectations. */
function counts(sentence: string): [number, string, string | null, string, string | null][] {
  return findCounts(sentence).map((finding) => [finding.value, finding.text, finding.qualifier, finding.subject, finding.action]);
}

describe('findCounts on sentences it has not seen', () => {
  it.each([
    [
      'Agents arrested 1,200 people and rescued 57 juveniles, the bureau said.',
      [
        [1200, '1,200', null, 'people', 'arrested'],
        [57, '57', null, 'children', 'rescued'],
      ],
    ],
    [
      'Roughly 40 minor victims were found and 12 adult victims were later offered services.',
      [
        [40, 'Roughly 40', 'roughly', 'children', 'located'],
        [12, '12', null, 'adults', 'assisted'],
      ],
    ],
    ['Police identified 16 suspects in the case.', [[16, '16', null, 'people', 'identified']]],
    ['The sweep led to the arrest or indictment of at least 75 pimps.', [[75, 'at least 75', 'at least', 'traffickers', 'arrested or indicted']]],
    [
      'Nearly 300 officers from 40 agencies took part in the sting.',
      [
        [300, 'Nearly 300', 'nearly', 'people', 'participated'],
        [40, '40', null, 'agencies', 'participated'],
      ],
    ],
    [
      'Investigators opened 161 new cases and 50 investigations.',
      [
        [161, '161', null, 'cases', 'opened'],
        [50, '50', null, 'investigations', 'opened'],
      ],
    ],
    [
      'The effort, which involved 78 FBI field offices, led to 1,000 arrests.',
      [
        [78, '78', null, 'field offices', 'participated'],
        [1000, '1,000', null, 'people', 'arrested'],
      ],
    ],
    ['Two hundred women were taken into custody.', [[200, 'Two hundred', null, 'people', 'arrested']]],
    [
      'Agents rescued 30 adult victims and 12 adults more.',
      [
        [30, '30', null, 'adults', 'rescued'],
        [12, '12', null, 'adults', 'rescued'],
      ],
    ],
    ['A dozen children who were missing were located in motels.', [[12, 'A dozen', null, 'children', 'located']]],
    ['Prosecutors won 310 convictions of sex traffickers.', [[310, '310', null, 'traffickers', 'convicted']]],
    [
      'Of the 30 people arrested, 9 of those 30 suspects were traffickers.',
      [
        [30, '30', null, 'people', 'arrested'],
        [9, '9', null, 'traffickers', 'arrested'],
        [30, '30', null, 'people', 'arrested'],
      ],
    ],
    ['It has helped in more than 1,500 cases of runaway teens who were found.', [[1500, 'more than 1,500', 'more than', 'cases', 'assisted']]],
    ['One child was rescued.', [[1, 'One', null, 'children', 'rescued']]],
    [
      'The operation involved 55 of the FBI’s 56 field offices.',
      [
        [55, '55', null, 'field offices', 'participated'],
        [56, '56', null, 'field offices', 'participated'],
      ],
    ],
    [
      'In Los Angeles alone, agents rescued 17 girls, the youngest of whom was 12, and arrested 28 men.',
      [
        [17, '17', null, 'children', 'rescued'],
        [28, '28', null, 'people', 'arrested'],
      ],
    ],
    ['It led to the conviction of 1,450 pimps, madams and associates.', [[1450, '1,450', null, 'traffickers', 'convicted']]],
  ] as const)('%s', (sentence, expected) => {
    expect(counts(sentence)).toEqual(expected);
  });

  it.each([
    'A 17-year-old boy was interviewed.',
    'North Carolina is ranked tenth nationwide; South Carolina is 26th.',
    'The initiative began in 2003 and was held annually between 2008 and 2017.',
    'This is the 13th year of Operation Cross Country XI.',
    'Field offices from all 50 states took part.',
    'About 35 percent of victims were lured online.',
    'Traffickers made $2 million from 40 ads.',
    'The crackdown ran from Oct. 12-15 and from August 1 to August 3.',
    'They served 20 years in prison for crimes against 5 child advocacy centers.',
    'The girl, 15, was found at a motel on Route 66.',
  ])('finds no count in %j', (sentence) => {
    expect(findCounts(sentence)).toEqual([]);
  });

  it('keeps the qualifier with the words as written', () => {
    const [finding] = findCounts('More than 200 victims of sex trafficking were rescued last month.');
    expect(finding).toMatchObject({ value: 200, text: 'More than 200', qualifier: 'more than', subject: 'victims', action: 'rescued' });
  });

  it('gives a number its offsets in the sentence', () => {
    const sentence = 'So far, 84 kids have been recovered.';
    const [finding] = findCounts(sentence);
    expect(sentence.slice(finding!.start, finding!.end)).toBe('84');
  });
});
