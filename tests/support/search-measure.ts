/**
 * Measures the search page as a reader meets it: a fresh Chromium profile
 * (nothing cached) opens /search/, then types each query in turn. For each
 * query it records the bytes the browser fetched from its first keystroke
 * until its results were shown, and the time from its last keystroke to
 * then. Used by the seed-archive browser test and by the benchmark.
 */
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from './browser.ts';

/** What one query cost. */
export interface QueryMeasurement {
  query: string;
  /** Response body bytes fetched from the first keystroke until the results were shown. */
  bytes: number;
  /** Requests finished in that time. */
  requests: number;
  /** Milliseconds from the last keystroke to the results shown (the typing pause included). */
  ms: number;
  /** Stories matching, as the page announced. */
  results: number;
  /**
   * The longest a keystroke of this query waited before the page's thread handled it, in ms: the page
   * is busy (a search on its thread) and the typed letter shows late.
   */
  keyWaitMs: number;
  /** Results on screen (the page shows ten at a time). */
  shown: number;
  /**
   * Results shown by every search the page rendered from the first keystroke to this query's results,
   * these included: a pause in typing longer than the page's wait (a loaded machine) shows a prefix's
   * results, and fetches their fragments, on the way.
   */
  shownWhileTyping: number;
  /**
   * Fragments the page asked Pagefind for from the first keystroke to this query's results, these
   * included: a search superseded while its fragments load asked for them and never shows them.
   */
  askedWhileTyping: number;
  /** Each response in that time, path and bytes. */
  resources: { path: string; bytes: number }[];
}

export interface SearchMeasurement {
  /** Bytes to open /search/ and get Pagefind ready (page, script, Pagefind's code, wasm and filters), before typing. */
  pageBytes: number;
  pageRequests: number;
  pageResources: { path: string; bytes: number }[];
  /** One per query, in the order typed. */
  queries: QueryMeasurement[];
}

interface Fetched {
  phase: number;
  path: string;
  bytes: number;
  /** HTTP status, 0 when the request failed outright. */
  status: number;
}

/** What the search page reports on document after showing a search. */
interface RenderedDetail {
  url: string;
  total: number;
  shown: number;
}

/** What the probe in the page records while a query is typed (window.searchProbe). */
interface SearchProbe {
  /** The last key event's own time. */
  lastKey: number;
  /** The longest a key event waited for its listener, ms. */
  keyWait: number;
  asked: { at: number; count: number }[];
  rendered: { at: number; detail: RenderedDetail }[];
}

/** The body size of a finished request: the transfer size, or the decoded body where Chromium reports none (worker scripts). */
export async function bodyBytes(request: Request): Promise<number> {
  const sizes = await request.sizes();
  if (sizes.responseBodySize > 0) return sizes.responseBodySize;
  const response = await request.response();
  return response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
}

/** Waits until no request has been in flight for `quietMs`. */
async function settle(inFlight: () => number, quietMs = 250, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('search-measure: requests still in flight after 30 s');
}

/** Milliseconds between keys: a fast typist, about 120 words a minute. */
export const keyIntervalMs = 100;

/**
 * Types `text` into the focused element one key every keyIntervalMs, each sent at its own time whether
 * or not the page has handled the last: a person's fingers do not wait for the page. (Playwright's
 * keyboard.type sends a key only once the page has handled the one before, so a page busy with a search
 * slows the typing down instead of making a key wait, and the wait goes unmeasured.)
 */
async function typeAsAPerson(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const sent: Promise<unknown>[] = [];
    for (const [index, key] of [...text].entries()) {
      if (index > 0) await new Promise((resolve) => setTimeout(resolve, keyIntervalMs));
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key }));
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key }));
    }
    await Promise.all(sent);
  } finally {
    await cdp.detach();
  }
}

/** Types `query` into the empty search box and waits for its results; returns the timings the page saw. */
async function typeQuery(
  page: Page,
  query: string,
  timeoutMs: number,
): Promise<{ ms: number; keyWaitMs: number; detail: RenderedDetail; shownWhileTyping: number; askedWhileTyping: number }> {
  await page.evaluate(() => {
    const probe = window as unknown as { searchProbe?: SearchProbe };
    if (probe.searchProbe) {
      probe.searchProbe.lastKey = 0;
      probe.searchProbe.keyWait = 0;
      probe.searchProbe.rendered = [];
      probe.searchProbe.asked = [];
      return;
    }
    const state: SearchProbe = { lastKey: 0, keyWait: 0, asked: [], rendered: [] };
    probe.searchProbe = state;
    // The key event's own time, not when its listener ran: a page busy with a search when the key
    // arrives would otherwise hide the wait from the measurement. The difference is the key's wait.
    document.addEventListener(
      'keydown',
      (event) => {
        state.lastKey = event.timeStamp;
        state.keyWait = Math.max(state.keyWait, performance.now() - event.timeStamp);
      },
      { capture: true },
    );
    document.addEventListener('archive-search:fetching', (event) => {
      state.asked.push({ at: performance.now(), count: (event as CustomEvent<{ count: number }>).detail.count });
    });
    document.addEventListener('archive-search:rendered', (event) => {
      state.rendered.push({ at: performance.now(), detail: (event as CustomEvent<RenderedDetail>).detail });
    });
  });
  const expectedUrl = `/search/?${new URLSearchParams({ q: query.trim() }).toString()}`;
  await typeAsAPerson(page, query);
  const handle = await page.waitForFunction(
    (url) => {
      const probe = (window as unknown as { searchProbe: SearchProbe }).searchProbe;
      const shown = probe.rendered.find((entry) => entry.at >= probe.lastKey && entry.detail.url === url);
      if (!shown) return null;
      const shownWhileTyping = probe.rendered.filter((entry) => entry.at <= shown.at).reduce((sum, entry) => sum + entry.detail.shown, 0);
      const askedWhileTyping = probe.asked.filter((entry) => entry.at <= shown.at).reduce((sum, entry) => sum + entry.count, 0);
      return { ms: shown.at - probe.lastKey, keyWaitMs: probe.keyWait, detail: shown.detail, shownWhileTyping, askedWhileTyping };
    },
    expectedUrl,
    { timeout: timeoutMs, polling: 20 },
  );
  return (await handle.jsonValue())!;
}

/**
 * Opens `${baseUrl}/search/` in a fresh Chromium and types each query in
 * turn (clearing the box in between), measuring bytes and time per query.
 * The first query pays for the index chunks it needs; later ones show what
 * the browser reuses.
 */
export async function measureSearch(
  baseUrl: string,
  queries: readonly string[],
  options: { timeoutMs?: number; /** Runs on the opened page before the first query is typed. */ prepare?: (page: Page) => Promise<void> } = {},
): Promise<SearchMeasurement> {
  if (queries.length === 0) throw new Error('measureSearch needs at least one query');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    let phase = 0;
    const started = new Map<Request, number>();
    const fetched: Fetched[] = [];
    const pending = new Set<Promise<void>>();
    // Context-wide: Pagefind fetches its index from a web worker, which page events miss.
    browser.context.on('request', (request) => void started.set(request, phase));
    const finish = (request: Request, ok: boolean): void => {
      const task = (async () => {
        const bytes = ok ? await bodyBytes(request) : 0;
        const status = ok ? ((await request.response())?.status() ?? 0) : 0;
        fetched.push({ phase: started.get(request) ?? phase, path: new URL(request.url()).pathname, bytes, status });
        started.delete(request);
      })();
      pending.add(task);
      void task.finally(() => pending.delete(task));
    };
    browser.context.on('requestfinished', (request) => finish(request, true));
    browser.context.on('requestfailed', (request) => finish(request, false));

    await page.goto(`${baseUrl}/search/`);
    await page.waitForSelector('[data-search-status][data-state="ready"]', { timeout: timeoutMs });
    await settle(() => started.size);
    await options.prepare?.(page);

    const measured: Omit<QueryMeasurement, 'bytes' | 'requests' | 'resources'>[] = [];
    for (const query of queries) {
      await page.fill('[data-search-box]', '');
      await page.focus('[data-search-box]');
      await settle(() => started.size);
      phase += 1;
      const { ms, keyWaitMs, detail, shownWhileTyping, askedWhileTyping } = await typeQuery(page, query, timeoutMs);
      measured.push({
        query,
        ms: Math.round(ms),
        keyWaitMs: Math.round(keyWaitMs),
        results: detail.total,
        shown: detail.shown,
        shownWhileTyping,
        askedWhileTyping,
      });
      await settle(() => started.size);
      await Promise.all(pending);
      // Requests that start after the results are shown (none expected) are not this query's.
      phase += 1;
    }
    await Promise.all(pending);
    // A missing file (a site rebuilt mid-run, a broken index) would make the figures meaningless.
    const failed = fetched.filter((entry) => entry.status < 200 || entry.status >= 400);
    if (failed.length > 0) {
      throw new Error(
        `search-measure: ${failed.length} requests failed: ${failed.map((entry) => `${entry.path} (${entry.status || 'no response'})`).join(', ')}`,
      );
    }

    const inPhase = (wanted: number): { path: string; bytes: number }[] =>
      fetched.filter((entry) => entry.phase === wanted).map(({ path, bytes }) => ({ path, bytes }));
    const sum = (entries: { bytes: number }[]): number => entries.reduce((total, entry) => total + entry.bytes, 0);
    const pageResources = inPhase(0);
    return {
      pageBytes: sum(pageResources),
      pageRequests: pageResources.length,
      pageResources,
      queries: measured.map((query, i) => {
        const resources = inPhase(2 * i + 1);
        return { ...query, bytes: sum(resources), requests: resources.length, resources };
      }),
    };
  } finally {
    await browser.close();
  }
}

/** A few lines a person can read: bytes and time per query. */
export function formatSearchMeasurement(measurement: SearchMeasurement): string {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [`open /search/: ${kb(measurement.pageBytes)} in ${measurement.pageRequests} requests (page, script, Pagefind code and wasm)`];
  for (const resource of measurement.pageResources) lines.push(`    ${resource.path} ${resource.bytes} B`);
  for (const query of measurement.queries) {
    lines.push(
      `query ${JSON.stringify(query.query)}: ${kb(query.bytes)} in ${query.requests} requests, ${query.ms} ms from last keystroke to results, ${query.results} results (${query.shown} shown), a key waited up to ${query.keyWaitMs} ms`,
    );
    for (const resource of query.resources) lines.push(`    ${resource.path} ${resource.bytes} B`);
  }
  return lines.join('\n');
}
