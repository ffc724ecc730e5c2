/** How each filter is offered on the search page, and the order of its values. Pure. */
import type { FilterKey } from './search-state.ts';

export interface FilterGroup {
  key: FilterKey;
  label: string;
  /** Checkboxes for short lists; a select where a big archive has hundreds of values. */
  control: 'checkbox' | 'select';
  /** The select's first option, which clears the filter. */
  anyLabel: string;
}

export const filterGroups: readonly FilterGroup[] = [
  { key: 'operation', label: 'Operation', control: 'checkbox', anyLabel: 'Any operation' },
  { key: 'year', label: 'Year', control: 'checkbox', anyLabel: 'Any year' },
  { key: 'outlet', label: 'Outlet', control: 'select', anyLabel: 'Any outlet' },
  { key: 'place', label: 'Place', control: 'select', anyLabel: 'Any place' },
];

/** Years newest first with non-years ('Undated') after them; other filters alphabetical. */
export function orderFilterValues(key: FilterKey, values: Iterable<string>): string[] {
  const unique = [...new Set(values)];
  if (key !== 'year') return unique.sort((a, b) => a.localeCompare(b, 'en'));
  const isYear = (value: string): boolean => /^\d{4}$/.test(value);
  return unique.sort((a, b) => {
    if (isYear(a) && isYear(b)) return Number(b) - Number(a);
    if (isYear(a) !== isYear(b)) return isYear(a) ? -1 : 1;
    return a.localeCompare(b, 'en');
  });
}
