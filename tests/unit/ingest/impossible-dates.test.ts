import { describe, expect, it } from 'vitest';
import { formatArticleFile, parseArticleFile } from '@/domain/article-file';
import { articleSchema, isIsoDate, type Article } from '@/domain/schema';
import { expectedFrontmatter } from './support.ts';

const seed: Article = expectedFrontmatter('000_8f2de62f41e94ce4.txt');

/** The seed's copy with its date line replaced by `line`. */
function withDateLine(line: string): string {
  const raw = formatArticleFile(seed, ['Body.']);
  const edited = raw.replace(/^date: .*$/m, line);
  expect(edited).not.toBe(raw);
  return edited;
}

/** The schema's verdict on the copy, or the reader's error: what both ingest and the build go by. */
function verdict(raw: string): { date: string | null } | { refused: string } {
  try {
    const parsed = articleSchema.safeParse(parseArticleFile(raw).data);
    return parsed.success ? { date: parsed.data.date } : { refused: parsed.error.issues.map((issue) => issue.message).join('; ') };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('dates in a hand-edited copy are real calendar days', () => {
  it.each([
    ['unquoted, month 13', 'date: 2019-13-45'],
    ['unquoted, 29 February of a common year', 'date: 2019-02-29'],
    ['unquoted, 31 April', 'date: 2021-04-31'],
    ['quoted, 29 February of a common year', 'date: "2019-02-29"'],
    ['single-quoted, month 13', "date: '2019-13-45'"],
    ['unquoted, year 0000', 'date: 0000-01-01'],
    ['quoted, year 9999', 'date: "9999-12-31"'],
    ['unquoted, year 9999', 'date: 9999-12-31'],
    ['unquoted, year 1899', 'date: 1899-12-31'],
    ['explicit timestamp tag, impossible day', 'date: !!timestamp 2019-02-30'],
    ['unquoted with a time of day', 'date: 2019-02-28T23:00:00-05:00'],
  ])('refuses %s', (_case, line) => {
    expect(verdict(withDateLine(line))).toMatchObject({ refused: expect.any(String) });
  });

  it.each([
    ['unquoted', 'date: 2016-02-29', '2016-02-29'],
    ['quoted', 'date: "2018-03-01"', '2018-03-01'],
    ['at the range start', 'date: 1900-01-01', '1900-01-01'],
    ['at the range end', 'date: "2100-12-31"', '2100-12-31'],
  ])('accepts a real day, %s', (_case, line, day) => {
    expect(verdict(withDateLine(line))).toEqual({ date: day });
  });

  it('names the impossible day as written, not the day YAML would roll it over to', () => {
    expect(verdict(withDateLine('date: 2019-13-45'))).toEqual({ refused: expect.stringContaining("'2019-13-45' is not a real calendar day") });
  });

  it('checks an impossible unquoted day anywhere in the frontmatter, not only in date', () => {
    const raw = formatArticleFile(seed, ['Body.']).replace(/^outlet: .*$/m, 'outlet: 2019-02-29');
    expect(verdict(raw)).toMatchObject({ refused: expect.stringContaining("'2019-02-29' is not a real calendar day") });
  });

  it('keeps the year range in isIsoDate, which source date lines go through too', () => {
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('9999-12-31')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
