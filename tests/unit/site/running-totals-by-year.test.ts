import { describe, expect, it } from 'vitest';
import { runningTotalYearRowsHtml } from '@/html/running-totals';
import { citeFigures } from '@/domain/citations';
import { buildOperationTimeline } from '@/domain/operation-timeline';
import { runningTotalsByYear } from '@/domain/running-totals-by-year';
import { operationSchema } from '@/domain/schema';
import { htmlProblems } from '../../support/html-validator.ts';
import { figure, mention, story } from './story-factory.ts';

const hostile = `<script>alert("x")</script>`;
const operation = operationSchema.parse({
  id: 'innocence-lost',
  name: 'Innocence Lost National Initiative',
  kind: 'initiative',
  aliases: [],
  description: 'A standing initiative.',
});

/** A story reporting 'more than <value> children recovered since 2003' on `date` (null: undated). */
function total(id: string, date: string | null, value: number): ReturnType<typeof story> {
  const sentence = `Since 2003, more than ${value} children have been recovered.`;
  return story(id, {
    title: `${hostile} ${id}`,
    date,
    dateSource: date === null ? 'unknown' : 'source',
    operations: [mention({ id: 'innocence-lost', text: 'Innocence Lost' })],
    paragraphs: [[sentence]],
    figures: [
      figure({
        sentence,
        value,
        text: `more than ${value}`,
        qualifier: 'more than',
        operation: 'innocence-lost',
        scope: { kind: 'cumulative', since: 2003, until: null, region: null },
      }),
    ],
  });
}

const stories = [
  total('a', '2015-02-01', 100),
  total('b', '2015-09-01', 150),
  total('u', null, 90),
  total('c', '2017-03-01', 200),
  total('d', '2015-05-01', 120),
];
const timeline = buildOperationTimeline(operation, stories, citeFigures);

describe('runningTotalsByYear', () => {
  it('gives each year its last report and its count, oldest year first, undated last and not placed', () => {
    const years = runningTotalsByYear(timeline.runningTotals);
    expect(years.map(({ year, last, reports }) => [year, last?.story.id ?? null, reports])).toEqual([
      [2015, 'b', 3],
      [2017, 'c', 1],
      [null, null, 1],
    ]);
  });
});

describe('runningTotalYearRowsHtml', () => {
  const rows = runningTotalYearRowsHtml(runningTotalsByYear(timeline.runningTotals), (year) => `/timeline/innocence-lost/${year ?? 'undated'}/`).value;

  it("shows the year's last totals linked to their sentence, and links the year's stories", () => {
    expect(rows.match(/<tr>/g)).toHaveLength(3);
    expect(rows).toContain('<a href="/stories/b/#s-1">more than 150 children recovered</a>');
    expect(rows).not.toContain('more than 100 children');
    expect(rows).toContain('3 reports in 2015, among <a href="/timeline/innocence-lost/2015/">the stories of 2015</a>');
    expect(rows).toContain('1 report without a date, among <a href="/timeline/innocence-lost/undated/">the undated stories</a>');
  });

  it('escapes article text and is valid in a table', async () => {
    expect(rows).not.toContain('<script');
    const page = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><table><tbody>${rows}</tbody></table></body></html>`;
    expect(await htmlProblems(page, 'rows.html')).toEqual([]);
  });
});
