/** The filters every story page declares with data-pagefind-filter, in the order the search page offers them. */
export const searchFilterKeys = ['operation', 'year', 'outlet', 'place'] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];
