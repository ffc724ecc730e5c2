import { describe, expect, it } from 'vitest';
import { formatDay as siteFormatDay } from '@/domain/dates';
import { formatDay } from '@/scripts/search/format-day';
import { safeResultUrl, statusText } from '@/scripts/search/render-results';

describe('the search page date format', () => {
  it('matches the site formatDay on every day from 1990 to 2035', () => {
    const mismatches: string[] = [];
    for (let time = Date.UTC(1990, 0, 1); time <= Date.UTC(2035, 11, 31); time += 86_400_000) {
      const day = new Date(time).toISOString().slice(0, 10);
      if (formatDay(day) !== siteFormatDay(day)) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect(formatDay('2017-10-19')).toBe('October 19, 2017');
  });
});

describe('safeResultUrl', () => {
  const base = 'https://archive.example/search/?q=x';
  it('keeps links to pages on this site', () => {
    expect(safeResultUrl('/stories/a/?highlight=x', base)).toBe('/stories/a/?highlight=x');
    expect(safeResultUrl('https://archive.example/stories/a/', base)).toBe('https://archive.example/stories/a/');
  });
  it('refuses script, data and foreign URLs', () => {
    expect(safeResultUrl('javascript:alert(1)', base)).toBeNull();
    expect(safeResultUrl(' JavaScript:alert(1)', base)).toBeNull();
    expect(safeResultUrl('data:text/html,<b>x</b>', base)).toBeNull();
    expect(safeResultUrl('https://evil.example/', base)).toBeNull();
    expect(safeResultUrl('//evil.example/x', base)).toBeNull();
  });
});

describe('statusText', () => {
  it('counts stories for the terms', () => {
    expect(statusText('charlotte', 2, false, 2)).toBe('2 stories match “charlotte”.');
    expect(statusText('6,500', 1, false, 1)).toBe('1 story matches “6,500”.');
  });
  it('says how filters narrowed the terms', () => {
    expect(statusText('recovered', 1, true, 4)).toBe('1 story matches “recovered” with these filters, of 4 in all.');
    expect(statusText('', 2, true, 0)).toBe('2 stories match the chosen filters.');
  });
  it('says when nothing matches, and whether the filters are why', () => {
    expect(statusText('zzz', 0, false, 0)).toBe('No stories match “zzz”.');
    expect(statusText('charlotte', 0, true, 2)).toBe('No stories match “charlotte” with these filters (2 stories without them).');
  });
});
