/**
 * The search page's behaviour: reads the search from the URL, runs it with
 * Pagefind, shows the results, and keeps the URL and history in step with
 * what the reader types and chooses.
 */
import { buildFilterControls, type FilterControls } from './filter-controls.ts';
import { historyStep } from './history-entry.ts';
import { loadPagefind, type FilterCounts, type PagefindApi } from './pagefind-api.ts';
import { listFeed, type ResultFeed } from './result-feed.ts';
import { operationFilter, planQuery, wordCheck, type OperationAlias } from './query-plan.ts';
import { renderResult, statusText } from './render-results.ts';
import {
  hasFilters,
  isBlank,
  pagefindOptions,
  preloadWords,
  readSearchState,
  searchStateUrl,
  searchTerm,
  typingPause,
  type SearchState,
} from './search-state.ts';

/** Results shown at once; each costs one fragment download. */
const pageSize = 10;
/** Fired on document after each search is shown; tests and measurements wait for it. */
export const renderedEvent = 'archive-search:rendered';
/** Fired on document when the page asks Pagefind for a batch of results' fragments (detail: how many). */
export const fetchingEvent = 'archive-search:fetching';

export interface SearchElements {
  form: HTMLFormElement;
  box: HTMLInputElement;
  sort: HTMLSelectElement;
  options: HTMLDetailsElement;
  filters: HTMLElement;
  heading: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  empty: HTMLElement;
}

function find<T extends Element>(root: ParentNode, selector: string, type: abstract new () => T): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`search page: ${selector} is missing`);
  return element;
}

/** The page's parts, by their data-search-* attributes. */
export function findSearchElements(root: ParentNode): SearchElements {
  return {
    form: find(root, '[data-search-form]', HTMLFormElement),
    box: find(root, '[data-search-box]', HTMLInputElement),
    sort: find(root, '[data-search-sort]', HTMLSelectElement),
    options: find(root, '[data-search-options]', HTMLDetailsElement),
    heading: find(root, '[data-search-heading]', HTMLElement),
    filters: find(root, '[data-search-filters]', HTMLElement),
    status: find(root, '[data-search-status]', HTMLElement),
    list: find(root, '[data-search-results]', HTMLOListElement),
    more: find(root, '[data-search-more]', HTMLButtonElement),
    empty: find(root, '[data-search-empty]', HTMLElement),
  };
}

/** Moves focus between result links with the arrow keys; Tab works as everywhere. */
function arrowKeys(elements: SearchElements): void {
  const links = (): HTMLAnchorElement[] => [...elements.list.querySelectorAll<HTMLAnchorElement>('.search-result h3 a')];
  elements.box.addEventListener('keydown', (event) => {
    const first = links()[0];
    if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    }
  });
  elements.list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const at = all.indexOf(event.target as HTMLAnchorElement);
    if (at === -1) return;
    event.preventDefault();
    const next = all[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) next.focus();
    else if (event.key === 'ArrowUp') elements.box.focus();
  });
}

/**
 * The archive's filter values and their counts, written into the page at
 * build time, so opening the page does not download Pagefind's filter index
 * (on a big archive the largest thing the page would fetch).
 */
export function readBuiltFilterCounts(doc: Document): FilterCounts {
  const element = doc.getElementById('search-filter-counts');
  return element?.textContent ? (JSON.parse(element.textContent) as FilterCounts) : {};
}

/** The catalogue's operation names and aliases, written into the page at build time (see query-plan.ts). */
export function readOperationAliases(doc: Document): OperationAlias[] {
  const element = doc.getElementById('search-operation-aliases');
  return element?.textContent ? (JSON.parse(element.textContent) as OperationAlias[]) : [];
}

/** Starts the page: loads Pagefind, shows the URL's search, and listens to the form. */
export async function startSearchPage(elements: SearchElements): Promise<void> {
  const { box, sort, status, list, more, empty } = elements;
  let api: PagefindApi;
  const available = readBuiltFilterCounts(document);
  const aliases = readOperationAliases(document);
  try {
    api = await loadPagefind();
  } catch (error) {
    status.textContent = 'Search is unavailable: its index could not be loaded. Browse the operations or the timeline instead.';
    empty.hidden = false;
    status.dataset['state'] = 'error';
    console.error(error);
    return;
  }
  const controls: FilterControls = buildFilterControls(document, elements.filters, available);
  // Beside the results on a wide screen; folded below them on a phone unless the URL chose a sort or filter.
  const initial = readSearchState(location.search);
  elements.options.open = matchMedia('(min-width: 56rem)').matches || hasFilters(initial) || initial.sort === 'date';
  elements.options.hidden = false;

  // Pagefind's filter index is fetched only once a reader reaches for the filters (or a URL names
  // one); until then result counts per value are not known, so none is shown beside a search.
  let filterIndex: Promise<void> | null = null;
  let filtersLoaded = false;
  const loadFilterIndex = (): Promise<void> =>
    (filterIndex ??= api.filters().then(() => {
      filtersLoaded = true;
    }));
  /** The search on screen, whose counts are refreshed when the filter index arrives. */
  let shown: SearchState | null = null;
  const reachForFilters = (): void => {
    if (filterIndex !== null) return;
    void loadFilterIndex().then(async () => {
      const state = shown;
      if (state === null) return;
      const mine = generation;
      const response = await api.search(searchTerm(state) || null, pagefindOptions(state));
      if (mine === generation) controls.updateCounts(response.totalFilters);
    });
  };
  elements.filters.addEventListener('focusin', reachForFilters);
  elements.filters.addEventListener('pointerover', reachForFilters);

  const readControls = (): SearchState => ({
    query: box.value,
    filters: controls.read(),
    sort: sort.value === 'date' ? 'date' : 'relevance',
  });
  const showState = (state: SearchState): void => {
    box.value = state.query;
    sort.value = state.sort === 'date' ? 'date' : '';
    controls.apply(state.filters);
  };
  const recordHistory = (state: SearchState, kind: 'typing' | 'commit'): void => {
    const step = historyStep(location.pathname + location.search, history.state, searchStateUrl(state, location.pathname), kind);
    if (step.action === 'push') history.pushState(step.mark, '', step.url);
    if (step.action === 'replace') history.replaceState(step.mark, '', step.url);
  };

  let generation = 0;
  let pending: ResultFeed = listFeed([]);

  /** Loads and renders the next batch of pending results. */
  const nextBatch = async (): Promise<HTMLLIElement[]> => {
    const batch = await pending.next(pageSize);
    // Also for a search a newer keystroke supersedes while its fragments load, which never renders.
    document.dispatchEvent(new CustomEvent(fetchingEvent, { detail: { count: batch.length } }));
    const fragments = await Promise.all(batch.map((result) => result.data()));
    return fragments.map((fragment) => renderResult(document, fragment));
  };

  const showMore = async (): Promise<void> => {
    const mine = generation;
    const items = await nextBatch();
    if (mine !== generation) return;
    list.append(...items);
    more.hidden = pending.done();
    items[0]?.querySelector('a')?.focus();
  };

  const finish = (state: SearchState, total: number): void => {
    status.dataset['state'] = 'ready';
    status.dataset['url'] = searchStateUrl(state, location.pathname);
    document.dispatchEvent(new CustomEvent(renderedEvent, { detail: { url: status.dataset['url'], total, shown: list.children.length } }));
  };

  const run = async (state: SearchState, how: { typing: boolean; history: 'typing' | 'commit' | 'none' }): Promise<void> => {
    generation += 1;
    const mine = generation;
    status.dataset['state'] = 'searching';
    if (how.history !== 'none') recordHistory(state, how.history);
    if (isBlank(state)) {
      pending = listFeed([]);
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      status.textContent = '';
      shown = null;
      controls.updateCounts(available);
      finish(state, 0);
      return;
    }
    const term = searchTerm(state);
    const options = pagefindOptions(state);
    try {
      if (hasFilters(state)) await loadFilterIndex();
      // While the reader types, fetch the index chunks of the words typed so far (only words of three
      // letters or more: shorter prefixes mostly fetch chunks that the finished word does not need), then wait for a pause (a longer one after a short word: see typingPause); a newer
      // keystroke supersedes this search.
      if (how.typing) {
        const words = preloadWords(term);
        if (words !== '') void api.preload(words, options);
        await new Promise((resolve) => setTimeout(resolve, typingPause(state.query)));
        if (mine !== generation) return;
      }
      const plan = planQuery(term, aliases);
      // A word no story holds finds nothing, rather than the stories holding a prefix of it (see query-plan.ts).
      const checks = await Promise.all(plan.words.map((word) => api.search(wordCheck(word))));
      if (mine !== generation) return;
      const operations = operationFilter(state.filters.operation, plan.operations);
      const possible = operations !== null && checks.every((check) => check.results.length > 0);
      if (operations !== null && ('all' in operations || operations.any.length > 0)) options.filters = { ...options.filters, operation: operations };
      const response = possible ? await api.search(plan.term || null, options) : null;
      if (mine !== generation) return;
      const results = response?.results ?? [];
      pending = listFeed(results);
      const items = await nextBatch();
      if (mine !== generation) return;
      list.replaceChildren(...items);
      more.hidden = pending.done();
      const total = results.length;
      empty.hidden = total > 0;
      status.textContent = statusText(term, total, hasFilters(state), response?.unfilteredResultCount ?? 0);
      shown = state;
      controls.updateCounts(filtersLoaded && response !== null ? response.totalFilters : null);
      finish(state, total);
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = 'The search failed. Please try again.';
      status.dataset['state'] = 'error';
      console.error(error);
    }
  };

  box.addEventListener('input', () => void run(readControls(), { typing: true, history: 'typing' }));
  // Leaving the box (or Enter) settles what was typed into its own history entry.
  box.addEventListener('change', () => recordHistory(readControls(), 'commit'));
  elements.form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Submitted (Enter or the button): the reader is done typing, so focus goes to the results heading,
    // from where Tab reaches the first result; a screen reader announces it.
    void run(readControls(), { typing: false, history: 'commit' }).then(() => elements.heading.focus());
  });
  elements.filters.addEventListener('change', () => void run(readControls(), { typing: false, history: 'commit' }));
  sort.addEventListener('change', () => void run(readControls(), { typing: false, history: 'commit' }));
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    showState(readSearchState(location.search));
    void run(readControls(), { typing: false, history: 'none' });
  });
  arrowKeys(elements);

  showState(readSearchState(location.search));
  await run(readControls(), { typing: false, history: 'none' });
}
