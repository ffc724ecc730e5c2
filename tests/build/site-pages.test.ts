import { beforeAll, describe, expect, it } from 'vitest';
import { readArticles, htmlText } from '../support/archive-content.ts';
import { assertBuilt, listFiles, readDist } from '../support/dist.ts';

const articles = readArticles();
const storyFile = (slug: string) => `stories/${slug}/index.html`;
/** The page's markup without its scripts (the inline shortcut script names the attribute too). */
const markup = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
const bodyAttribute = /\sdata-pagefind-body[\s>=]/;
const bodyAttributes = new RegExp(bodyAttribute.source, 'g');

describe('story pages in the real build', () => {
  beforeAll(assertBuilt);

  it('builds one page per article copy', () => {
    const built = listFiles().filter((file) => /^stories\/[^/]+\/index\.html$/.test(file));
    expect(built.sort()).toEqual([...articles.keys()].map(storyFile).sort());
  });

  for (const [slug, article] of articles) {
    describe(slug, () => {
      const html = () => readDist(storyFile(slug));

      it('carries the search contract on the article only', () => {
        const page = html();
        const sort = article.date ?? '0000-00-00';
        expect(markup(page).match(bodyAttributes)).toHaveLength(1);
        expect(page).toMatch(new RegExp(`<article class="story" data-pagefind-body data-pagefind-sort="date:${sort}">`));
        expect(page).toMatch(/<h1 data-pagefind-meta="title" data-pagefind-ignore>/);
        const filters = [...page.matchAll(/<span hidden[^>]* data-pagefind-(filter|meta)="([a-z]+)">([^<]*)<\/span>/g)].map(
          (m) => `${m[1]}:${m[2]}=${htmlText(m[3]!)}`,
        );
        expect(filters).toContain(`filter:year=${article.date?.slice(0, 4) ?? 'Undated'}`);
        expect(filters).toContain(`meta:date=${article.date ?? 'date not stated'}`);
        if (article.outlet) expect(filters).toContain(`filter:outlet=${article.outlet}`);
        else expect(filters.some((f) => f.startsWith('filter:outlet='))).toBe(false);
        if (article.dateline) expect(filters).toContain(`filter:place=${article.dateline}`);
        else expect(filters.some((f) => f.startsWith('filter:place='))).toBe(false);
        expect(filters.filter((f) => f.startsWith('filter:operation=')).length).toBe(new Set(article.operations.map((o) => o.id)).size);
        // Chrome around the article is kept out of the index.
        expect(page).toMatch(/<div class="story-afterword" data-pagefind-ignore="all">/);
      });

      it("links every figure to a marked sentence that is exactly the figure's sentence", () => {
        const page = html();
        const panel = /<aside class="figures-panel"[\s\S]*?<\/aside>/.exec(page)![0];
        const targets = [...panel.matchAll(/<a href="#(s-\d+)">/g)].map((m) => m[1]!);
        expect(targets).toHaveLength(article.figures.length);
        article.figures.forEach((figure, index) => {
          const span = new RegExp(`<span id="${targets[index]}" class="cited">([^<]*)</span>`).exec(page);
          expect(span, `figure ${index} (${figure.text})`).not.toBeNull();
          expect(htmlText(span![1]!)).toBe(figure.sentence.replace(/\s+/g, ' ').trim());
        });
      });

      it('states the date the way the article gives it', () => {
        const meta = htmlText(/<dl class="story-meta"[\s\S]*?<\/dl>/.exec(html())![0]);
        if (article.dateSource === 'unknown') {
          expect(meta).toContain('date not stated');
          if (article.dateEvidence) expect(meta).toContain(`date not stated (${article.dateEvidence})`);
          expect(html()).not.toContain('article:published_time');
        } else {
          expect(html()).toContain(`<time datetime="${article.date}">`);
          if (article.dateSource === 'inferred') expect(meta).toContain(`inferred from: ${article.dateEvidence}`);
        }
      });

      it('says the archive wrote the headline, and where the story was first published as far as the copy records it', () => {
        const page = html();
        const note = htmlText(/<p class="headline-note"[^>]*>[\s\S]*?<\/p>/.exec(page)![0]);
        const first = htmlText(/<p class="story-original"[^>]*>[\s\S]*?<\/p>/.exec(page)![0]);
        const original = article.original;
        expect(note).toBe(
          original?.headline
            ? `Headline written by the archive. Original headline: ${original.headline}`
            : 'Headline written by the archive; the original headline is not recorded.',
        );
        const outlet = original?.outlet ?? article.outlet;
        if (outlet) expect(first).toContain(`First published by ${outlet}`);
        if (original?.url) expect(page).toContain(`<a class="original-url" href="${original.url}"`);
        else expect(first).toMatch(/original address not recorded\.$/);
      });

      it('has NewsArticle JSON-LD with only what the article states, that cannot close its script', () => {
        const page = html();
        const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
        expect(script).not.toContain('<');
        const data = JSON.parse(script) as Record<string, unknown>;
        expect(data['@type']).toBe('NewsArticle');
        expect(data['headline']).toBe(article.title);
        expect('datePublished' in data).toBe(article.dateSource === 'source');
        expect(data['dateline']).toBe(article.dateline ?? undefined);
        expect((data['publisher'] as { name: string } | undefined)?.name).toBe(article.outlet ?? undefined);
        expect((data['about'] as unknown[]).length).toBe(new Set(article.operations.map((o) => o.id)).size);
        expect(data['url']).toMatch(new RegExp(`/stories/${slug}/$`));
        expect((data['isBasedOn'] as { url: string } | undefined)?.url).toBe(article.original?.url ?? undefined);
        expect(page).toMatch(/<meta property="og:type" content="article">/);
        expect(page).toMatch(new RegExp(`<link rel="canonical" href="[^"]+/stories/${slug}/">`));
      });
    });
  }

  it('relates the two undated stories that report the same figures', () => {
    const undated = [...articles.values()].filter((a) => a.date === null).map((a) => a.slug);
    expect(undated).toHaveLength(2);
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(readDist(storyFile(undated[0]!)))?.[0] ?? '';
    expect(related).toContain(`href="/stories/${undated[1]}/"`);
  });

  it('no other page carries data-pagefind-body', () => {
    const others = listFiles().filter((file) => file.endsWith('.html') && !file.startsWith('stories/'));
    expect(others.filter((file) => bodyAttribute.test(markup(readDist(file))))).toEqual([]);
  });
});

describe('operation pages in the real build', () => {
  beforeAll(assertBuilt);
  const crossCountry = () => readDist('operations/operation-cross-country/index.html');

  it('shows Operation Cross Country XI in 2017, the 2008–2017 summary, and edition 13 without inventing its year, in that order', () => {
    const headings = [...crossCountry().matchAll(/<li class="timeline-entry [a-z]+" id="([^"]+)">\s*<h3>([^<]+)<\/h3>/g)].map((m) => [m[1], htmlText(m[2]!)]);
    expect(headings).toEqual([
      ['edition-11', '2017 — Edition 11 (XI)'],
      ['cumulative-2008-2017', '2008–2017 — cumulative summary'],
      ['edition-13', 'Edition 13 (13th year) — year not stated'],
    ]);
  });

  it('links each entry to the stories behind it, and keeps qualifiers as written', () => {
    const page = crossCountry();
    const entry = (id: string) =>
      new RegExp(`<li class="timeline-entry [a-z]+" id="${id}">[\\s\\S]*?</li>\\s*(?=<li class="timeline-entry|</ol>)`).exec(page)![0];
    const xi = [...articles.values()].find((a) => a.operations.some((o) => o.editionNumber === 11))!;
    expect(entry('edition-11')).toContain(`href="/stories/${xi.slug}/"`);
    expect(htmlText(entry('cumulative-2008-2017'))).toMatch(/more than 900[\s\S]*nearly 1,400/);
    for (const article of [...articles.values()].filter((a) => a.date === null)) {
      expect(entry('edition-13')).toContain(`href="/stories/${article.slug}/"`);
    }
  });

  it('draws the chart as accessible SVG with a table of the same numbers, for every edition, its year stated or not', () => {
    const page = crossCountry();
    const svg = /<svg class="bar-chart" role="img" aria-labelledby="([^"]+)"[\s\S]*?<\/svg>/.exec(page)!;
    expect(svg[0]).toMatch(/<title id="chart-figures-title">/);
    expect(svg[0]).toMatch(
      /<desc id="chart-figures-desc">2017 — Edition 11 \(XI\): 84 children recovered, 120 traffickers arrested; Edition 13 \(13th year\) — year not stated: 59 children recovered, /,
    );
    const table = /<details class="chart-data">[\s\S]*?<\/details>/.exec(page)![0];
    expect([...new Set([...table.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]))]).toEqual([
      '2017 — Edition 11 (XI)',
      'Edition 13 (13th year) — year not stated',
    ]);
    expect(htmlText(table)).toMatch(/children recovered\s*84[\s\S]*traffickers arrested\s*120/);
  });

  it('shows how Innocence Lost totals grew, report by report', () => {
    const totals = htmlText(/<table class="running-totals">[\s\S]*?<\/table>/.exec(readDist('operations/innocence-lost/index.html'))![0]);
    expect(totals.indexOf('more than 6,500')).toBeGreaterThan(-1);
    expect(totals.indexOf('more than 6,500')).toBeLessThan(totals.indexOf('more than 6,600'));
    expect(totals.indexOf('October 19, 2017')).toBeLessThan(totals.indexOf('August 8, 2019'));
  });
});

describe('timeline, figures, feed and crawler files in the real build', () => {
  beforeAll(assertBuilt);

  it('groups the timeline by year with an undated group, and links each operation filter', () => {
    const page = readDist('timeline/index.html');
    const groups = [...page.matchAll(/<h2 id="(y-\d{4}|undated)">([^<]+)/g)].map((m) => m[1]);
    const years = [...new Set([...articles.values()].filter((a) => a.date).map((a) => `y-${a.date!.slice(0, 4)}`))].sort();
    expect(groups).toEqual([...years, 'undated']);
    for (const id of ['operation-cross-country', 'operation-independence-day', 'innocence-lost']) {
      expect(page).toContain(`href="/timeline/${id}/"`);
      expect(listFiles()).toContain(`timeline/${id}/index.html`);
    }
  });

  it('lists every figure once in the figures table, each linked to its sentence', () => {
    const page = readDist('figures/index.html');
    const rows = [...page.matchAll(/<tr> <td> <a href="(\/stories\/[^"#]+\/#s-\d+)">([^<]+)<\/a>/g)];
    const figures = [...articles.values()].flatMap((a) => a.figures.map((f) => f.text));
    expect(rows.map((m) => htmlText(m[2]!)).sort()).toEqual(figures.sort());
  });

  it('feeds every story, undated ones without a pubDate', () => {
    const feed = readDist('rss.xml');
    const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
    expect(items).toHaveLength(articles.size);
    for (const article of articles.values()) {
      const item = items.find((text) => text.includes(`/stories/${article.slug}/</link>`))!;
      expect(item).toBeDefined();
      expect(item.includes('<pubDate>')).toBe(article.date !== null);
    }
  });

  it('names the sitemap in robots.txt with an absolute URL, and the sitemap lists the pages but not the 404', () => {
    expect(readDist('robots.txt')).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap-index\.xml$/m);
    const sitemap = listFiles()
      .filter((file) => /^sitemap-\d+\.xml$/.test(file))
      .map(readDist)
      .join('');
    for (const slug of articles.keys()) expect(sitemap).toContain(`/stories/${slug}/</loc>`);
    expect(sitemap).toContain('/operations/operation-cross-country/</loc>');
    expect(sitemap).not.toContain('404');
  });

  it('makes the 404 page helpful: a search form and the newest stories, not indexed', () => {
    const page = readDist('404.html');
    expect(page).toMatch(/<form class="archive-search" action="\/search\/" method="get" role="search"[^>]*>/);
    expect((page.match(/class="story-link" href="\/stories\//g) ?? []).length).toBe(Math.min(5, articles.size));
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).not.toContain('rel="canonical"');
  });
});
