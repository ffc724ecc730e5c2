/**
 * Article text is untrusted. This builds the site from a hostile fixture
 * archive (markup and script in titles, body, datelines, outlets, evidence)
 * into a temporary folder and checks it all renders as text, in the HTML
 * and in Chromium.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlText } from '../support/archive-content.ts';
import { launchBrowser } from '../support/browser.ts';
import { listFiles } from '../support/dist.ts';
import { checkLinks } from '../support/link-check.ts';
import { readFileSync } from 'node:fs';
import { buildFixtureArchive, type FixtureBuild } from '../support/fixture-build.ts';
import { serveStatic } from '../support/static-server.ts';

let build: FixtureBuild;
let outDir = '';
const read = (relative: string) => readFileSync(path.join(outDir, relative), 'utf8');
const dangerous = /<(?:script|img|b|i|u|em)\b[^>]*(?:onerror|onmouseover|alert)|<script>alert/i;
/**
 * The markup with every attribute value emptied. Inside a double-quoted value
 * `<` is only text (Astro escapes `"` there), so meta descriptions may quote
 * the hostile words verbatim; everywhere else they must be escaped.
 */
const markupOnly = (html: string) => html.replace(/="[^"]*"/g, '=""');

beforeAll(() => {
  build = buildFixtureArchive('tests/fixtures/articles-hostile');
  outDir = build.outDir;
  if (build.status !== 0) throw new Error(`hostile build failed:\n${build.output}`);
}, 120_000);

afterAll(() => build?.cleanup());

describe('a hostile archive renders as text', () => {
  it('puts no markup from article text into any page or the feed', () => {
    const files = listFiles(outDir).filter((file) => /\.(html|xml)$/.test(file));
    expect(files.length).toBeGreaterThan(8);
    expect(files.filter((file) => dangerous.test(markupOnly(read(file))))).toEqual([]);
  });

  it('shows the hostile words escaped in the story and its title', () => {
    const page = read('stories/hostile-markup/index.html');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;ld&quot;)&lt;/script&gt;');
    expect(page).toMatch(/<title>Sweep &lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;/);
    // The three scripts of a story page are the JSON-LD, the copy buttons and the inline shortcut: nothing was injected.
    expect(markupOnly(page).match(/<script\b/g)).toHaveLength(3);
  });

  it('keeps the JSON-LD inside its script element and parseable to the original text', () => {
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(read('stories/hostile-markup/index.html'))![1]!;
    const data = JSON.parse(script) as { headline: string; dateline: string; publisher: { name: string } };
    expect(data.headline).toBe('Sweep <script>alert("title")</script> & <img src=x onerror=alert(1)> recovers 12 children');
    expect(data.dateline).toBe('RALEIGH <b onmouseover=alert(1)>N.C.</b>');
    expect(data.publisher.name).toBe('WXYZ "News" & <i>Friends</i>');
    expect((data as unknown as { isBasedOn: unknown }).isBasedOn).toEqual({
      '@type': 'NewsArticle',
      url: "https://news.example/story?x='onmouseover=alert(7)&y=2",
      headline: '</q><script>alert("orig")</script>',
      author: { '@type': 'Person', name: '<b onmouseover=alert(9)>Jane</b>' },
      publisher: { '@type': 'Organization', name: '<img src=x onerror=alert(8)> Gazette' },
      datePublished: '2016-10-17',
    });
  });

  it("shows the story's original as text, its address only as an http(s) link", () => {
    const page = read('stories/hostile-markup/index.html');
    expect(page).toContain('<a class="original-url" href="https://news.example/story?x=&#39;onmouseover=alert(7)&amp;y=2" rel="noopener noreferrer">');
    expect(page).toContain('<span class="original-outlet">&lt;img src=x onerror=alert(8)&gt; Gazette</span>');
    expect(page).toContain('<q class="original-headline">&lt;/q&gt;&lt;script&gt;alert(&quot;orig&quot;)&lt;/script&gt;</q>');
    expect(page).toContain('<span class="original-author">&lt;b onmouseover=alert(9)&gt;Jane&lt;/b&gt;</span>');
  });

  it('shows conflicting numbers side by side, inferred dates with evidence, and every figure linked to its sentence', () => {
    const operation = read('operations/operation-cross-country/index.html');
    const entry = /<li class="timeline-entry edition" id="edition-10">[\s\S]*?<\/li>\s*<\/ol>/.exec(operation)![0];
    expect(htmlText(entry)).toMatch(/children recovered\s*Reports differ\s*12[\s\S]*at least 14/);
    expect(entry).toContain('href="/stories/hostile-markup/#s-1"');
    expect(entry).toContain('href="/stories/conflicting-report/#s-1"');
    // The editions table marks the same conflict in edition 10's children cell, each number with its source.
    const editions = /<table class="editions-table">[\s\S]*?<\/table>/.exec(operation)![0];
    expect(htmlText(editions)).toMatch(/Reports differ:\s*12\s*in story 1\s*at least 14\s*in story 2/);
    const report = read('stories/conflicting-report/index.html');
    expect(htmlText(report)).toContain('(inferred from: published three days after the <em>Monday</em> announcement)');
    expect(report).toMatch(/href="#s-2"[^>]*>[^<]*three victims/);
    expect(report).toContain('Operation &lt;u&gt;Unlisted&lt;/u&gt;');
    expect(htmlText(read('stories/undated-clues/index.html'))).toContain('date not stated (mentions "last month" <script>alert(4)</script>)');
  });

  it('resolves every internal link of the hostile build', () => {
    expect(checkLinks(outDir, process.env['SITE_URL'] ?? 'https://operations-archive.example').broken).toEqual([]);
  });

  it('runs no injected script and creates no injected element in Chromium', async () => {
    const server = await serveStatic(outDir);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const slug of ['hostile-markup', 'conflicting-report', 'undated-clues']) {
        await page.goto(`${server.url}/stories/${slug}/`);
        await page.waitForLoadState('load');
      }
      await page.goto(`${server.url}/stories/hostile-markup/`);
      const found = await page.evaluate(() => ({
        injected: document.querySelectorAll('main img, main b, main i, main script, head title script').length,
        text: document.querySelector('.story-body')!.textContent,
        title: document.title,
      }));
      expect(dialogs).toEqual([]);
      expect(found.injected).toBe(0);
      expect(found.text).toContain('<img src=x onerror=alert(2)>');
      expect(found.title).toContain('<script>alert("title")</script>');
      // In Chromium too, the editions table marks edition 10's conflicting counts in words, not colour alone.
      await page.goto(`${server.url}/operations/operation-cross-country/`);
      const conflict = page.locator('.editions-table td.conflict');
      expect(await conflict.count()).toBe(1);
      expect(await conflict.locator('.conflict-mark').isVisible()).toBe(true);
      expect(await conflict.locator('li > a').allTextContents()).toEqual(['12', 'at least 14']);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
