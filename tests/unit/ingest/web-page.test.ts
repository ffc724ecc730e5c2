import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWebPage } from '@/domain/ingest/web-page';
import { loadPageReader, maxPageBytes } from '@/domain/ingest/page-reader';
import { dayOf, savedFromComment } from '@/domain/ingest/page-metadata';
import { pageKey, SeenPages } from '@/domain/ingest/same-page';
import { formatArticleWithBody } from '@/domain/article-file';
import type { Article } from '@/domain/schema';
import { projectRoot } from '../../support/dist.ts';
import { ingestFresh, ingestInto, source, type Folder } from './support.ts';

const pagesDir = path.join(projectRoot, 'tests/fixtures/pages');
beforeAll(loadPageReader);
const page = (name: string): Uint8Array => readFileSync(path.join(pagesDir, name));
const encode = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): string {
  const result = readWebPage(bytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

/** Ingests one page alone and returns its copy's frontmatter and body paragraphs. */
function ingestPage(name: string): { article: Article; body: string } {
  const folder: Folder = new Map();
  const plan = ingestInto(folder, [source(name, page(name))]);
  if (plan.refusals.length > 0) throw new Error(plan.refusals.map((r) => r.reason).join('; '));
  const outcome = plan.outcomes[0]!;
  return { article: outcome.article, body: folder.get(outcome.copy)!.split('\n---\n')[1]! };
}

interface Expected {
  file: string;
  first: string;
  last: string;
  absent: string[];
  original: Article['original'];
  date: string;
  evidence: string;
}

const shapes: Expected[] = [
  {
    file: 'wordpress-news.html',
    first: 'CHARLOTTE, N.C. — The FBI said Monday that 105 children were recovered and 281 pimps were arrested',
    last: 'the National Center for Missing and Exploited Children.',
    absent: [
      'Skip to content',
      'Posted on',
      'Agents brief reporters',
      'Share this',
      'Facebook',
      'Related',
      'Sweep nets 79 children',
      'Thank you to every agent',
      'Leave a Reply',
      'Recent Posts',
      'Proudly powered',
      '_stq',
    ],
    original: {
      url: 'https://carolinaledger.example/2014/06/23/fbi-sweep-recovers-105-children/',
      outlet: 'The Carolina Ledger',
      headline: 'FBI sweep recovers 105 children in Operation Cross Country',
      author: 'Dana Whitfield',
      published: '2014-06-23',
    },
    date: '2014-06-23',
    evidence: "Stated by the page's JSON-LD datePublished",
  },
  {
    file: 'newsroom-jsonld.html',
    first: 'WASHINGTON (CBS/WNCN) — The FBI is cracking down',
    last: 'Anyone with information about a missing child can call 1-800-THE-LOST.',
    absent: [
      'BREAKING',
      'Posted:',
      'Share on Facebook',
      'FBI officials speak about the sweep',
      'Advertisement',
      'ADVERTISEMENT',
      'Story continues',
      'googletag',
      'Sign up for our daily newsletter',
      'Related stories',
      'Last year',
      'Human trafficking',
      'Nexstar',
    ],
    original: {
      url: 'https://www.wncn.example/news/national/fbi-84-children-recovered-operation-cross-country-xi/',
      outlet: 'WNCN CBS 17',
      headline: 'FBI: 84 children recovered, 120 traffickers arrested in Operation Cross Country XI',
      author: 'Sarah Krueger, Julia Jones',
      published: '2017-10-19',
    },
    date: '2017-10-19',
    // The text dates the announcement a day earlier: the metadata's day is kept, the other recorded.
    evidence:
      "Stated by the page's JSON-LD datePublished. The text's own date differs (2017-10-18): The text dates the announcement it reports: 'an Oct. 18, 2017 announcement'",
  },
  {
    file: 'gov-press-release.html',
    first: 'WASHINGTON—The FBI, in partnership with the Department of Justice',
    last: 'call 1-800-CALL-FBI.',
    absent: [
      'An official website',
      'Here’s how you know',
      'Skip to main content',
      'Press Releases',
      'For Immediate Release',
      'Press Release Number',
      'Return to Press Releases',
      'FOIA',
    ],
    original: {
      url: 'https://www.justice.example/opa/pr/fbi-announces-results-operation-cross-country-vii',
      outlet: 'United States Department of Justice',
      headline: 'FBI Announces Results of Operation Cross Country VII',
      author: null,
      published: '2013-07-29',
    },
    date: '2013-07-29',
    evidence:
      "Stated by the page's <time datetime>. The text's own date differs (2013-07-27): The text dates the announcement it reports: 'a July 27, 2013 statement'",
  },
  {
    file: 'amp-article.html',
    first: 'The FBI said Tuesday that 84 minors were recovered and 67 traffickers were arrested',
    last: 'which had run every year since 2008.',
    absent: ['By Mike Reilly', 'Advertisement', 'Sports', 'View full site', 'amp-start'],
    original: {
      url: 'https://www.dailyherald.example/news/20170801/operation-independence-day-fbi-67-traffickers-arrested',
      outlet: 'Daily Herald',
      headline: 'Operation Independence Day: FBI says 67 traffickers arrested, 84 minors recovered',
      author: 'Mike Reilly',
      published: '2017-08-01',
    },
    date: '2017-08-01',
    evidence: "Stated by the page's JSON-LD datePublished",
  },
  {
    file: 'cookie-banner-comments.html',
    first: 'Some 103 children have been rescued from sex traffickers',
    last: 'took part in the operation over several days.',
    absent: [
      'We value your privacy',
      'cookies',
      'Accept All',
      'Showbiz',
      'Wednesday 18 Oct',
      'reader123',
      'horrifying',
      'Praying',
      'Cookie policy',
      '__CMP_CONFIG__',
    ],
    original: {
      url: 'https://metrocourier.example/us-news/fbi-operation-recovers-103-children-sex-trafficking-9921',
      outlet: 'Metro Courier',
      headline: 'FBI operation recovers 103 children from sex trafficking',
      author: 'Alex Morgan',
      published: '2017-10-18',
    },
    date: '2017-10-18',
    evidence: "Stated by the page's meta date",
  },
];

describe('saved web pages in the shapes publishers use', () => {
  for (const shape of shapes) {
    it(`${shape.file}: the article's text, and its address, headline, outlet, author and date from the metadata`, () => {
      const { article, body } = ingestPage(shape.file);
      const paragraphs = body.trim().split('\n\n');
      expect(paragraphs[0]).toContain(shape.first);
      expect(paragraphs.at(-1)).toContain(shape.last);
      for (const words of shape.absent) expect(body, words).not.toContain(words);
      expect(article.original).toEqual(shape.original);
      expect([article.date, article.dateSource, article.dateEvidence]).toEqual([shape.date, 'source', shape.evidence]);
      expect(article.source.file).toBe(shape.file);
    });
  }

  it('extracts figures and operations from a page exactly as from a text source', () => {
    const { article } = ingestPage('newsroom-jsonld.html');
    expect(article.operations.map((operation) => [operation.id, operation.edition])).toContainEqual(['operation-cross-country', 'XI']);
    expect(article.figures.map((figure) => [figure.value, figure.subject])).toEqual(
      expect.arrayContaining([
        [84, 'children'],
        [120, 'traffickers'],
      ]),
    );
    expect(article.dateline).toBe('WASHINGTON');
    expect(article.outlet).toBe('CBS/WNCN');
  });

  it('takes the address from a saved-from comment when the page names none, and resolves a relative canonical link', () => {
    const html = new TextDecoder().decode(page('cookie-banner-comments.html')).replace(/<meta property="og:url"[^>]*>/, '');
    const saved = readWebPage(encode(savedFromComment('https://metrocourier.example/us-news/story-9921?utm_source=x') + html));
    expect(saved.ok && saved.text.original?.url).toBe('https://metrocourier.example/us-news/story-9921?utm_source=x');
    const relative = readWebPage(encode(html.replace('<head>', '<head><link rel="canonical" href="/us-news/story-9921">')));
    // A relative link with nothing to resolve it against is no address.
    expect(relative.ok && relative.text.original?.url).toBeNull();
  });

  it('keeps the article when the whole page is one form (ASP.NET) or its wrapper has a share or related class', () => {
    const html = new TextDecoder().decode(page('gov-press-release.html'));
    const expected = readWebPage(encode(html));
    if (!expected.ok) throw new Error(expected.reason);
    const wrapped = [
      html
        .replace('<body class="path-node page-node-type-press-release">', '$&<form method="post" action="./release.aspx" id="aspnetForm">')
        .replace('</body>', '</form></body>'),
      html.replace('<div class="field_body">', '<div class="field_body social-share-enabled related-content">'),
    ];
    for (const variant of wrapped) {
      const result = readWebPage(encode(variant));
      expect(result.ok && result.text.paragraphs).toEqual(expected.text.paragraphs);
    }
  });

  it('reads a publication day as written, without converting time zones', () => {
    expect(dayOf('2017-10-19T23:30:00-04:00')).toBe('2017-10-19');
    expect(dayOf('Thu, 19 Oct 2017 14:02:00 -0400')).toBe('2017-10-19');
    expect(dayOf('Monday, July 29, 2013')).toBe('2013-07-29');
    expect(dayOf('2017-02-30')).toBeNull();
    expect(dayOf('last week')).toBeNull();
  });

  it('reads a page in the character set it declares', () => {
    const html =
      '<html><head><meta charset="windows-1252"><title>T</title></head><body><article>' +
      '<p>The FBI said caf\u00e9 owners helped agents recover 84 children in the sweep, officials said on Thursday in Washington.</p>'.repeat(3) +
      '</article></body></html>';
    const bytes = Uint8Array.from([...html].map((character) => character.charCodeAt(0)));
    const result = readWebPage(bytes);
    if (!result.ok) throw new Error(result.reason);
    expect(result.text.paragraphs[0]).toContain('café owners');
  });
});

describe('bad pages are refused with a reason', () => {
  it('refuses a page with no article text (a section front of links)', () => {
    expect(refusal(page('section-front.html'))).toBe('has no article text (0 words found; an article has at least 40)');
  });

  it('refuses what is not an HTML page', () => {
    expect(refusal(encode('{"headline": "FBI sweep", "body": "84 children"}'))).toBe('is not an HTML page (no <html>, <head> or <body> near its start)');
    expect(refusal(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01]))).toBe(
      'is not an HTML page (it is binary: it contains NUL bytes)',
    );
    expect(refusal(encode('Just some text, saved with the wrong name.'))).toContain('is not an HTML page');
    expect(refusal(Uint8Array.from([0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e, 0xff, 0xfe]))).toContain('is not valid UTF-8 (invalid byte at offset 6)');
    expect(refusal(new Uint8Array())).toBe('is empty (0 bytes)');
  });

  it('refuses a page over the size limit', () => {
    const big = encode(`<html><body><p>${'a'.repeat(maxPageBytes)}</p></body></html>`);
    expect(refusal(big)).toBe(`is ${(big.length / 1024 / 1024).toFixed(1)} MB; saved pages over 5 MB are refused`);
  });

  it('refuses a login wall and a cookie consent wall, naming which', () => {
    expect(refusal(page('login-wall.html'))).toBe(
      'is a login page (it asks for a password), not the article: save the page as a reader sees it after signing in or accepting',
    );
    expect(refusal(page('consent-wall.html'))).toBe(
      'is a cookie consent wall, not the article: save the page as a reader sees it after signing in or accepting',
    );
  });

  it('refuses a second copy of a page already archived: the same address, or the same text', () => {
    const folder: Folder = new Map();
    ingestInto(folder, [source('wordpress-news.html', page('wordpress-news.html'))]);
    const html = new TextDecoder().decode(page('wordpress-news.html'));
    // The AMP edition of the same story: different text, the same canonical address (www. and a slash apart).
    const amp = html
      .replace(/<link rel="canonical" href="https:\/\/carolinaledger/, '<link rel="canonical" href="https://www.carolinaledger')
      .replace('over the weekend.', 'over the weekend, officials said.');
    const again = ingestInto(folder, [source('wordpress-news-amp.html', encode(amp)), source('wordpress-news-copy.htm', page('wordpress-news.html'))]);
    expect(again.refusals).toEqual([
      {
        path: 'in/wordpress-news-amp.html',
        reason:
          'is the same page as wordpress-news.html (address https://www.carolinaledger.example/2014/06/23/fbi-sweep-recovers-105-children/); not ingested twice',
      },
      { path: 'in/wordpress-news-copy.htm', reason: 'is the same article as wordpress-news.html (identical text); not ingested twice' },
    ]);
    // In one batch, the second of two sources claiming the address is refused.
    const batch = ingestInto(new Map(), [
      source('a.txt', 'url: https://example.com/story\n\nThe FBI said 84 children were recovered.'),
      source('b.txt', 'url: http://example.com/story/#top\n\nAgents said 84 children were recovered in the sweep.'),
    ]);
    expect(batch.refusals.map((r) => r.reason)).toEqual(['is the same page as in/a.txt (address http://example.com/story/#top); not ingested twice']);
  });
});

describe('SeenPages', () => {
  it("reads the folder's copies only for a source new to it, once, and knows one page by its variant addresses", () => {
    let reads = 0;
    const copy = {
      source: { file: 'old.html', sha256: '0'.repeat(64) },
      original: { url: 'https://example.com/story/', outlet: null, headline: null, author: null, published: null },
    };
    const seen = new SeenPages(() => {
      reads += 1;
      return [copy, null];
    });
    expect(seen.claim('https://example.com/story', { file: 'old.html', path: 'in/old.html' }, false)).toBeUndefined();
    expect(reads).toBe(0);
    expect(seen.claim('http://www.example.com/story?utm_source=feed#top', { file: 'new.html', path: 'in/new.html' }, true)).toEqual({
      file: 'old.html',
      path: 'in/old.html',
    });
    expect(seen.claim('https://example.com/other', { file: 'other.html', path: 'in/other.html' }, true)).toBeUndefined();
    expect(reads).toBe(1);
    expect(pageKey('https://WWW.Example.com/a/b/?b=2&a=1&fbclid=x#c')).toBe('example.com/a/b?a=1&b=2');
  });
});

describe('nothing of a hostile page reaches the site', () => {
  it('keeps only text: no script, style, handler, javascript: address or iframe survives into the copy', () => {
    const { article, body } = ingestPage('hostile.html');
    const copy = formatArticleWithBody(article, body);
    for (const bad of [
      'fetch(',
      'onload',
      'onclick',
      'onmouseover',
      'javascript:',
      'iframe',
      'passwd',
      'evil',
      'alert(5)',
      'alert(9)',
      'alert(12)',
      'background',
    ]) {
      expect(copy, bad).not.toContain(bad);
    }
    expect(article.original?.url).toBeNull();
    // Text that reads as markup stays text: the copy holds it as words, which the site escapes.
    expect(body).toContain('alert(10)');
    // The page's metadata, too, is only words: the story page escapes them (tests/unit/site/story-original.test.ts).
    expect(article.original?.outlet).toBe('<img src=x onerror=alert(3)>');
  });
});

describe('pages in a batch with text sources', () => {
  it('are ingested side by side, each copy its own', () => {
    const articles = ingestFresh([source('amp-article.html', page('amp-article.html')), source('a.txt', 'The FBI said 84 children were recovered.')]);
    expect(articles.get('amp-article.html')!.original?.outlet).toBe('Daily Herald');
    expect(articles.get('a.txt')).not.toHaveProperty('original');
  });
});
