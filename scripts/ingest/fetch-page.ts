/**
 * `npm run ingest -- --fetch <url>...`: saves each page into the sources
 * folder, as the source of record, before the run ingests it like any saved
 * page. Node's own fetch, bounded every way a remote server could hold the
 * run: one time limit for the whole exchange, a size limit checked while the
 * body streams in, HTML only, and a bounded number of redirects, each
 * checked to stay on http(s). Saved atomically under a name derived from
 * the address, with the address in the comment browsers write
 * (`<!-- saved from url=... -->`), so the page's origin is kept even when
 * its metadata names none.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { savedFromComment } from '../../src/domain/ingest/page-metadata.ts';
import { headerCharset, isHtmlMediaType, savedPageName } from '../../src/domain/ingest/saved-page-name.ts';
import { maxPageBytes } from '../../src/domain/ingest/page-reader.ts';
import { isHttpUrl } from '../../src/domain/schema.ts';

export interface FetchLimits {
  /** For the whole exchange: every redirect and the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const defaultFetchLimits: FetchLimits = { timeoutMs: 20_000, maxBytes: maxPageBytes, maxRedirects: 5 };

export type FetchResult = { ok: true; url: string; bytes: Uint8Array; charset: string | null } | { ok: false; reason: string };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads the body, giving up as soon as it passes `maxBytes` (a server may send no length, or a false one). */
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function describeError(error: unknown, limits: FetchLimits): string {
  const { name, message, cause } = error as Error & { cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return `did not answer in full within ${limits.timeoutMs / 1000} s`;
  return `cannot be fetched (${cause?.code ?? cause?.message ?? message})`;
}

/** Fetches one page within `limits`; a refusal says why, in words that name no internals. */
export async function fetchPage(address: string, limits: FetchLimits = defaultFetchLimits): Promise<FetchResult> {
  if (!isHttpUrl(address)) return { ok: false, reason: 'is not an absolute http or https address' };
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = address;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9', 'user-agent': 'operations-archive-ingest/1 (+saving one news page)' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        const next = new URL(response.headers.get('location')!, current).href;
        if (!isHttpUrl(next)) return { ok: false, reason: `redirects to ${next.slice(0, 80)}, which is not an http or https address` };
        if (redirects + 1 > limits.maxRedirects) return { ok: false, reason: `redirects more than ${limits.maxRedirects} times` };
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return {
          ok: false,
          reason: `answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${current === address ? '' : ` (at ${current})`}`,
        };
      }
      const contentType = response.headers.get('content-type');
      if (!isHtmlMediaType(contentType)) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: `is not an HTML page (Content-Type: ${contentType ?? 'none'})` };
      }
      const length = Number(response.headers.get('content-length'));
      if (Number.isFinite(length) && length > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, reason: `is ${megabytes(length)}, over the ${megabytes(limits.maxBytes)} limit for a page` };
      }
      const bytes = await readBounded(response, limits.maxBytes);
      if (bytes === null) return { ok: false, reason: `sent more than the ${megabytes(limits.maxBytes)} limit for a page` };
      return { ok: true, url: current, bytes, charset: headerCharset(contentType) };
    }
  } catch (error) {
    return { ok: false, reason: describeError(error, limits) };
  }
}

/** What a saved page's file holds: the saved-from comment, a charset the server gave only in its header, and the page. */
export function savedPageBytes(page: { url: string; bytes: Uint8Array; charset: string | null }): Uint8Array {
  const head = new TextDecoder('latin1').decode(page.bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=/i.test(head) || (page.bytes[0] === 0xef && page.bytes[1] === 0xbb);
  const prefix = savedFromComment(page.url) + (page.charset !== null && !declared ? `<meta charset="${page.charset}">\n` : '');
  const start = new TextEncoder().encode(prefix);
  const bytes = new Uint8Array(start.length + page.bytes.length);
  bytes.set(start);
  bytes.set(page.bytes, start.length);
  return bytes;
}

export type SaveResult = { saved: string; fetched: boolean } | { refused: string };

/**
 * Saves the page at `address` into `folder` under its stable name. A page already saved there is not fetched
 * again: the saved file is the source of record (delete it to fetch the page anew).
 */
export async function savePage(address: string, folder: string, limits: FetchLimits = defaultFetchLimits): Promise<SaveResult> {
  if (!isHttpUrl(address)) return { refused: 'is not an absolute http or https address' };
  const file = path.join(folder, savedPageName(address));
  if (existsSync(file)) return { saved: file, fetched: false };
  const page = await fetchPage(address, limits);
  if (!page.ok) return { refused: page.reason };
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, savedPageBytes(page), { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    return { refused: `cannot be saved as ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  return { saved: file, fetched: true };
}
