import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { articleLoader } from '@/lib/article-loader';
import { sha256 } from '@/domain/sha256';
import { projectRoot } from '../support/dist';

const work = mkdtempSync(path.join(tmpdir(), 'article-loader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Entry = { id: string; data: Record<string, unknown>; digest?: string; filePath?: string };

/** Runs the loader over a copy of the bundled articles with a store that logs what is done to it, and when. */
async function loadWithLog(): Promise<{ events: string[]; turns: number[]; copies: number }> {
  const articles = path.join(work, `articles-${readdirSync(work).length}`);
  cpSync(path.join(projectRoot, 'content', 'articles'), articles, { recursive: true });
  const copies = readdirSync(articles).filter((name) => name.endsWith('.md')).length;
  const entries = new Map<string, Entry>([['gone-story', { id: 'gone-story', data: { detail: '/nowhere.json' } }]]);
  const events: string[] = [];
  const turns: number[] = [];
  // Counts the event loop's turns while the loader runs: changes made in one synchronous run share a turn.
  let turn = 0;
  let ticking = true;
  const tick = (): void => {
    turn += 1;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      events.push(`set ${entry.id}`);
      turns.push(turn);
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      events.push(`delete ${id}`);
      turns.push(turn);
      entries.delete(id);
    },
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    has: (id: string) => entries.has(id),
  };
  const context = {
    store,
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      events.push(`parse ${id}`);
      return data;
    },
    generateDigest: (value: string) => sha256(value).slice(0, 16),
    logger: { info: () => undefined, warn: () => undefined },
    config: { root: pathToFileURL(`${work}/`), cacheDir: pathToFileURL(`${path.join(work, `cache-${readdirSync(work).length}`)}/`) },
  } as unknown as LoaderContext;
  try {
    await articleLoader({ directory: articles }).load(context);
  } finally {
    ticking = false;
  }
  return { events, turns, copies };
}

describe('article loader', () => {
  it('changes the store only once every copy is read, all in one synchronous run', async () => {
    const { events, turns, copies } = await loadWithLog();
    const parses = events.filter((event) => event.startsWith('parse '));
    const changes = events.filter((event) => !event.startsWith('parse '));
    expect(parses).toHaveLength(copies);
    expect(changes).toEqual([...parses.map((event) => event.replace('parse', 'set')), 'delete gone-story']);
    // Every parse before the first change: Astro's debounced save never sees half a store.
    expect(events.slice(0, parses.length)).toEqual(parses);
    expect(new Set(turns).size).toBe(1);
  });
});
