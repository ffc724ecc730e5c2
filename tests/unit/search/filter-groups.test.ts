import { describe, expect, it } from 'vitest';
import { filterGroups, orderFilterValues } from '@/scripts/search/filter-groups';
import { filterKeys } from '@/scripts/search/search-state';

describe('filter groups', () => {
  it('offers every filter the story pages declare, once, in display order', () => {
    expect(filterGroups.map((group) => group.key)).toEqual([...filterKeys]);
  });

  it('orders years newest first with Undated after them', () => {
    expect(orderFilterValues('year', ['2017', 'Undated', '2019', '2008', '2017'])).toEqual(['2019', '2017', '2008', 'Undated']);
  });

  it('orders other values alphabetically', () => {
    expect(orderFilterValues('operation', ['Operation Independence Day', 'Innocence Lost National Initiative', 'Operation Cross Country'])).toEqual([
      'Innocence Lost National Initiative',
      'Operation Cross Country',
      'Operation Independence Day',
    ]);
  });
});
