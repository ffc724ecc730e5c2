import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleFile } from '@/domain/article-file';
import { readWebPage } from '@/domain/ingest/web-page';
import { savedPageName } from '@/domain/ingest/saved-page-name';
import { articleSchema } from '@/domain/schema';
import { fetchPage, savePage, type FetchLimits } from '../../../scripts/ingest/fetch-page.ts';
import { projectRoot } from '../../support/dist.ts';

const page = readFileSync(path.join(projectRoot, 'tests/fixtures/pages/amp-article.html'));
const limits: FetchLimits = { timeoutMs: 1500, maxBytes: 64 * 1024, maxRedirects: 3 };
const temporary = mkdtempSync(path.join(tmpdir(), 'ingest-fetch-'));
let server: Server;
let origin = '';
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    const url = request.url ?? '/';
    if (url === '/story') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    } else if (url === '/moved') {
      response.writeHead(301, { location: '/story' });
      response.end();
    } else if (url.startsWith('/hop/')) {
      const left = Number(url.slice('/hop/'.length));
      response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/story' });
      response.end();
    } else if (url === '/to-script') {
      response.writeHead(302, { location: 'javascript:alert(1)' });
      response.end();
    } else if (url === '/wall') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(readFileSync(path.join(projectRoot, 'tests/fixtures/pages/login-wall.html')));
    } else if (url === '/pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.7\n');
    } else if (url === '/big-declared') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200 * 1024) });
      response.end(Buffer.alloc(200 * 1024, 0x61));
    } else if (url === '/big-streamed') {
      // No length: the limit must hold while the body streams in.
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      for (let n = 0; n < 12; n += 1) response.write(chunk);
      response.end();
    } else if (url === '/slow') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body>');
      // Never ends: the time limit must end the exchange.
    } else {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body>Not found</body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(temporary, { recursive: true, force: true });
});

async function refused(route: string): Promise<string> {
  const result = await fetchPage(`${origin}${route}`, limits);
  if (result.ok) throw new Error(`${route} was fetched`);
  return result.reason;
}

describe('fetchPage against a local server', () => {
  it('fetches an HTML page', async () => {
    const result = await fetchPage(`${origin}/story`, limits);
    expect(result.ok && Buffer.from(result.bytes).equals(page)).toBe(true);
    expect(result.ok && result.url).toBe(`${origin}/story`);
  });

  it('follows redirects, a bounded number of times, and records where it ended', async () => {
    const moved = await fetchPage(`${origin}/moved`, limits);
    expect(moved.ok && moved.url).toBe(`${origin}/story`);
    const three = await fetchPage(`${origin}/hop/2`, limits);
    expect(three.ok).toBe(true);
    expect(await refused('/hop/3')).toBe('redirects more than 3 times');
    expect(await refused('/to-script')).toBe('redirects to javascript:alert(1), which is not an http or https address');
  });

  it('refuses a 404, naming the status', async () => {
    expect(await refused('/missing')).toBe('answered HTTP 404 Not Found');
  });

  it('gives up on a server that does not answer in time', async () => {
    const started = Date.now();
    expect(await refused('/slow')).toBe('did not answer in full within 1.5 s');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a page over the size limit, declared or streamed', async () => {
    expect(await refused('/big-declared')).toBe('is 0.2 MB, over the 0.1 MB limit for a page');
    expect(await refused('/big-streamed')).toBe('sent more than the 0.1 MB limit for a page');
  });

  it('refuses what is not HTML, and addresses that are not http(s)', async () => {
    expect(await refused('/pdf')).toBe('is not an HTML page (Content-Type: application/pdf)');
    expect(await fetchPage('javascript:alert(1)', limits)).toEqual({ ok: false, reason: 'is not an absolute http or https address' });
    expect(await fetchPage('file:///etc/passwd', limits)).toEqual({ ok: false, reason: 'is not an absolute http or https address' });
  });

  it('saves a page under a stable name with the address it came from, once', async () => {
    const folder = path.join(temporary, 'save');
    mkdirSync(folder);
    const first = await savePage(`${origin}/moved`, folder, limits);
    expect(first).toEqual({ saved: path.join(folder, savedPageName(`${origin}/moved`)), fetched: true });
    const saved = readFileSync(path.join(folder, savedPageName(`${origin}/moved`)));
    expect(saved.toString('utf8')).toMatch(new RegExp(`^<!-- saved from url=\\(\\d{4}\\)${origin}/story -->\n<!doctype html>`));
    expect(readdirSync(folder)).toEqual([savedPageName(`${origin}/moved`)]);
    const before = requests;
    expect(await savePage(`${origin}/moved`, folder, limits)).toEqual({ ...first, fetched: false });
    expect(requests).toBe(before);
    expect(await savePage(`${origin}/missing`, folder, limits)).toEqual({ refused: 'answered HTTP 404 Not Found' });
    expect(readdirSync(folder)).toHaveLength(1);
    // The saved page reads as the page did.
    const read = readWebPage(saved);
    expect(read.ok && read.text.original?.url).toBe('https://www.dailyherald.example/news/20170801/operation-independence-day-fbi-67-traffickers-arrested');
  });

  it('names saved pages by their address, readable and distinct', () => {
    expect(savedPageName('https://www.cbsnews.com/news/fbi-sweep-84-children/')).toMatch(/^cbsnews-com-news-fbi-sweep-84-children-[0-9a-f]{8}\.html$/);
    expect(savedPageName('https://example.com/a?id=1')).not.toBe(savedPageName('https://example.com/a?id=2'));
  });
});

describe('npm run ingest -- --fetch', () => {
  it('saves the page into the sources folder, ingests it with its original, and refuses a bad address or page by name', async () => {
    const sources = path.join(temporary, 'sources');
    const out = path.join(temporary, 'out');
    mkdirSync(sources);
    const result = await promisify(execFile)(
      process.execPath,
      ['scripts/ingest.ts', '--out', out, sources, '--fetch', `${origin}/story`, `${origin}/pdf`, `${origin}/wall`],
      {
        cwd: projectRoot,
        timeout: 60_000,
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`saved      ${path.join(sources, savedPageName(`${origin}/story`))} ← ${origin}/story`);
    expect(result.stderr).toContain(`refused    ${origin}/pdf: is not an HTML page (Content-Type: application/pdf)`);
    // A page fetched and then refused is not left behind to be refused by every later run.
    const wall = path.join(sources, savedPageName(`${origin}/wall`));
    expect(result.stderr).toContain(`refused    ${wall}: is a login page (it asks for a password), not the article`);
    expect(result.stderr).toContain(`(fetched from ${origin}/wall; the saved page is removed)`);
    expect(readdirSync(sources)).toEqual([savedPageName(`${origin}/story`)]);
    const copies = readdirSync(out).filter((name) => name.endsWith('.md'));
    expect(copies).toHaveLength(1);
    const article = articleSchema.parse(parseArticleFile(readFileSync(path.join(out, copies[0]!), 'utf8')).data);
    expect(article.source.file).toBe(savedPageName(`${origin}/story`));
    expect(article.original).toMatchObject({ outlet: 'Daily Herald', author: 'Mike Reilly', published: '2017-08-01' });
    expect(article.dateEvidence).toBe("Stated by the page's JSON-LD datePublished");
  }, 90_000);

  it('reads saved pages on extraction threads exactly as on the main thread', async () => {
    const sources = path.join(temporary, 'threaded-sources');
    mkdirSync(sources);
    for (const name of ['wordpress-news.html', 'gov-press-release.html'])
      copyFileSync(path.join(projectRoot, 'tests/fixtures/pages', name), path.join(sources, name));
    writeFileSync(path.join(sources, 'text.txt'), 'outlet: WNCN\n\nThe FBI said 84 children were recovered in Operation Cross Country XI.');
    const copies: string[][] = [];
    for (const threads of ['0', '2']) {
      const out = path.join(temporary, `threaded-out-${threads}`);
      await promisify(execFile)(process.execPath, ['scripts/ingest.ts', '--out', out, sources], {
        cwd: projectRoot,
        timeout: 60_000,
        env: { ...process.env, ARCHIVE_INGEST_THREADS: threads },
      });
      copies.push(
        readdirSync(out)
          .filter((name) => name.endsWith('.md'))
          .sort()
          .map((name) => readFileSync(path.join(out, name), 'utf8')),
      );
    }
    expect(copies[0]).toHaveLength(3);
    expect(copies[1]).toEqual(copies[0]);
    expect(copies[0]!.join('\n')).toContain('outlet: "United States Department of Justice"');
  }, 90_000);
});
