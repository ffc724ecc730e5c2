/**
 * What a story gives the search index besides its text: filter values, the
 * sort date and result metadata. Story pages write it into hidden elements;
 * the search page counts the filter values at build time.
 */
import type { Operation } from './schema.ts';
import type { SearchFilterKey } from './search-filter-keys.ts';
import { searchSortDate, storyDate } from './story-date.ts';
import type { StoryRecord } from './story-record.ts';

export interface StorySearchData {
  /** `date:<value>` sort key: the date, or 0000-00-00 when undated. */
  sortDate: string;
  operations: string[];
  /** '2017', or 'Undated'. */
  year: string;
  outlet: string | null;
  place: string | null;
  /** The date meta: YYYY-MM-DD or 'date not stated'. */
  date: string;
}

/** A story's search data; operations by their catalogue names, each once. */
export function storySearchData(story: StoryRecord, operationById: ReadonlyMap<string, Operation>): StorySearchData {
  const names = [...new Set(story.data.operations.map((mention) => operationById.get(mention.id)?.name ?? mention.text))];
  return {
    sortDate: searchSortDate(story),
    operations: names,
    year: story.data.date?.slice(0, 4) ?? 'Undated',
    outlet: story.data.outlet ?? story.data.original?.outlet ?? null,
    place: story.data.dateline,
    date: story.data.date ?? storyDate(story).text,
  };
}

/** How many stories carry each value of each filter: what the search page offers before any search. */
export function countSearchFilters(
  stories: readonly StoryRecord[],
  operationById: ReadonlyMap<string, Operation>,
): Record<SearchFilterKey, Record<string, number>> {
  const counts: Record<SearchFilterKey, Record<string, number>> = { operation: {}, year: {}, outlet: {}, place: {} };
  const add = (key: SearchFilterKey, value: string | null): void => {
    if (value !== null) counts[key][value] = (counts[key][value] ?? 0) + 1;
  };
  for (const story of stories) {
    const data = storySearchData(story, operationById);
    for (const name of data.operations) add('operation', name);
    add('year', data.year);
    add('outlet', data.outlet);
    add('place', data.place);
  }
  return counts;
}

/**
 * Every name a reader may search an operation by: its catalogue name and aliases, and each of those
 * without a leading 'Operation' ('Cross County' for 'Operation Cross County'), mapped to the name the
 * operation filter uses. The search page turns any of them in a query into that filter.
 */
export function operationSearchNames(operations: readonly Operation[]): { alias: string; operation: string }[] {
  const names: { alias: string; operation: string }[] = [];
  const seen = new Set<string>();
  for (const operation of operations) {
    for (const name of [operation.name, ...operation.aliases]) {
      for (const alias of [name, name.replace(/^operation\s+/i, '')]) {
        const key = alias.toLowerCase();
        if (alias.trim() === '' || seen.has(key)) continue;
        seen.add(key);
        names.push({ alias, operation: operation.name });
      }
    }
  }
  return names;
}
