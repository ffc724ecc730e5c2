import { describe, expect, it } from 'vitest';
import { escapeHtml, html, Html } from '@/html/html';
import { figureItemsHtml } from '@/html/figures-panel';
import { figureRowsHtml } from '@/html/figures-table';
import { measureRowsHtml } from '@/html/measure-table';
import { runningTotalRowsHtml } from '@/html/running-totals';
import { neighbourItemsHtml, neighbourNoteHtml, relatedItemsHtml } from '@/html/story-afterword';
import { storyBodyHtml } from '@/html/story-body';
import { storyDateHtml } from '@/html/story-date';
import { storyListHtml } from '@/html/story-list';
import { citeFigures } from '@/domain/citations';
import { buildFigureRows } from '@/domain/figures-table';
import { buildOperationTimeline, selectVariants } from '@/domain/operation-timeline';
import { storyDate } from '@/domain/story-date';
import { buildStoryListItem } from '@/domain/story-list';
import { operationSchema, type Operation } from '@/domain/schema';
import { figure, story } from './story-factory.ts';

const hostile = `<script>alert("x")</script><img src=x onerror='y'> & more`;
const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; more';

const crossCountry: Operation = operationSchema.parse({
  id: 'operation-cross-country',
  name: 'Operation Cross Country',
  kind: 'sweep',
  aliases: [],
  description: 'A nationwide sweep.',
});

describe('the html template', () => {
  it('escapes the five characters that can end text or a quoted attribute', () => {
    expect(escapeHtml(hostile)).toBe(escaped);
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it('inserts its own markup as it is, lists in order, and nothing for null, undefined or false', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}${[html`<i>1</i>`, '2 & 3', 4]}${null}${undefined}${false}</p>`.value).toBe('<p><b>a&lt;b</b><i>1</i>2 &amp; 34</p>');
  });

  it('escapes markup that only looks like its own: a string is text, whatever it holds', () => {
    const fake = { value: '<script></script>', toString: () => '<script></script>' };
    expect(html`${fake as unknown as string}`.value).toBe('&lt;script&gt;&lt;/script&gt;');
    expect(html`${new Html('<hr>')}`.value).toBe('<hr>');
  });
});

describe('story dates as markup', () => {
  it('shows stated dates in a time element, inferred ones marked, missing ones in words', () => {
    const stated = story('a', { date: '2017-10-19', dateSource: 'source', dateEvidence: null });
    expect(storyDateHtml(storyDate(stated)).value).toBe('<time datetime="2017-10-19">October 19, 2017</time>');
    const inferred = story('b', { date: '2017-10-19', dateSource: 'inferred', dateEvidence: `"last week" & <b>` });
    expect(storyDateHtml(storyDate(inferred)).value).toBe('<time datetime="2017-10-19">October 19, 2017</time><span class="date-note"> (inferred)</span>');
    expect(storyDateHtml(storyDate(inferred), true).value).toBe(
      '<time datetime="2017-10-19">October 19, 2017</time><span class="date-note"> (inferred from: <q>&quot;last week&quot; &amp; &lt;b&gt;</q>)</span>',
    );
    const unknown = story('c', { dateEvidence: 'a Tuesday' });
    expect(storyDateHtml(storyDate(unknown)).value).toBe('<span class="date-unknown">date not stated</span>');
    expect(storyDateHtml(storyDate(unknown), true).value).toBe('<span class="date-unknown">date not stated</span><span class="date-note"> (a Tuesday)</span>');
  });
});

describe('long lists as markup', () => {
  const bad = story('bad', {
    title: hostile,
    date: '2018-07-01',
    dateSource: 'source',
    paragraphs: [[`Agents recovered 84 children ${hostile}.`]],
    figures: [figure({ sentence: `Agents recovered 84 children ${hostile}.`, value: 84, text: '84' })],
  });
  const operations = new Map([[crossCountry.id, crossCountry]]);

  it('lists stories with their date, operations and headline figure, article text escaped', () => {
    const item = buildStoryListItem(bad, citeFigures, operations);
    const markup = storyListHtml([item]).value;
    expect(markup).toContain(`<a class="story-link" href="/stories/bad/">${escaped}</a>`);
    expect(markup).toContain('<time datetime="2018-07-01">July 1, 2018</time> · <a href="/operations/operation-cross-country/">Operation Cross Country</a>');
    expect(markup).toContain('<a class="figure-link" href="/stories/bad/#s-1">84 children recovered</a>');
    expect(markup).not.toContain('<script');
    const bare = storyListHtml([item], { hideOperations: true, hideHeadline: true }).value;
    expect(bare).not.toContain('/operations/');
    expect(bare).not.toContain('figure-link');
    expect(storyListHtml([]).value).toBe('<ul class="story-list"></ul>');
  });

  it('writes one figures-table row per figure, linked to its sentence, article text escaped', () => {
    const rows = buildFigureRows([bad], citeFigures, (id) => operations.get(id)?.name);
    const markup = figureRowsHtml(rows).value;
    expect(markup.match(/<tr>/g)).toHaveLength(1);
    expect(markup).toContain('<tr> <td> <a href="/stories/bad/#s-1">84</a> </td>');
    expect(markup).toContain(`<a href="/stories/bad/">${escaped}</a> </td> </tr>`);
    expect(markup).not.toContain('<script');
  });

  it('writes an operation timeline entry and its running totals with article text escaped', () => {
    const total = (id: string, date: string, value: number): ReturnType<typeof story> =>
      story(id, {
        title: `${hostile} ${id}`,
        date,
        dateSource: 'source',
        paragraphs: [[`Since 2003, more than ${value} children have been recovered.`]],
        figures: [
          figure({
            sentence: `Since 2003, more than ${value} children have been recovered.`,
            value,
            text: `more than ${value}`,
            qualifier: 'more than',
            scope: { kind: 'cumulative', since: 2003, until: null, region: null },
          }),
        ],
      });
    const stories = [total('t1', '2015-01-01', 100), total('t2', '2016-01-01', 100), total('t3', '2017-01-01', 200), bad];
    const timeline = buildOperationTimeline(crossCountry, stories, citeFigures);
    const totals = runningTotalRowsHtml(timeline.runningTotals).value;
    expect(totals.match(/<tr>/g)).toHaveLength(2);
    expect(totals).toContain('and 1 later report with the same totals');
    expect(totals).toContain('<time datetime="2015-01-01">January 1, 2015</time> to <time datetime="2016-01-01">January 1, 2016</time>');
    expect(totals).not.toContain('<script');
    const measures = timeline.entries.flatMap((entry) => entry.measures);
    expect(measures.length).toBeGreaterThan(0);
    const table = measureRowsHtml(measures).value;
    expect(table).toContain(`<a href="/stories/bad/">${escaped}</a>, <time datetime="2018-07-01">July 1, 2018</time>`);
    expect(table).not.toContain('<script');
  });

  it('writes a source headline once per table and names it by its number after that', () => {
    const sentence = 'So far, 84 kids have been recovered and 120 alleged traffickers have been arrested.';
    const one = story('one', {
      title: 'A long headline',
      date: '2017-10-19',
      dateSource: 'source',
      paragraphs: [[sentence]],
      figures: [figure({ sentence, value: 84, text: '84' }), figure({ sentence, value: 120, text: '120', subject: 'traffickers', action: 'arrested' })],
    });
    const table = measureRowsHtml(buildOperationTimeline(crossCountry, [one], citeFigures).entries[0]!.measures).value;
    expect(table.split('A long headline')).toHaveLength(2);
    expect(table).toContain(
      '<li><span class="source-key">[1]</span> <a href="/stories/one/">A long headline</a>, <time datetime="2017-10-19">October 19, 2017</time></li>',
    );
    expect(table).toContain('<li><a href="/stories/one/">story [1]</a> <span class="source-again">(above)</span></li>');
  });
});

describe('story page parts as markup', () => {
  it('anchors every sentence, marks cited ones, and escapes the text', () => {
    const markup = storyBodyHtml([
      [
        { n: 1, id: 's-1', text: hostile, cited: true },
        { n: 2, id: 's-2', text: 'Plain.', cited: false },
      ],
      [{ n: 3, id: 's-3', text: 'Second paragraph.', cited: false }],
    ]).value;
    expect(markup).toBe(`<p><span id="s-1" class="cited">${escaped}</span> <span id="s-2">Plain.</span></p><p><span id="s-3">Second paragraph.</span></p>`);
  });

  it('links each figure to its sentence and keeps labels and repeated names out of the search index', () => {
    const item = (indexed: boolean) => ({
      cited: { sentence: 4 },
      description: '84 children recovered',
      scope: 'operation total',
      scopeIndexed: indexed,
      operation: { name: hostile, href: '/operations/operation-cross-country/', indexed },
    });
    const markup = figureItemsHtml([item(true), item(false)] as unknown as Parameters<typeof figureItemsHtml>[0]).value;
    expect(markup).toBe(
      `<li><a href="#s-4">84 children recovered</a> <span class="figure-scope"><span>operation total</span> · <a href="/operations/operation-cross-country/">${escaped}</a></span></li>` +
        `<li><a href="#s-4">84 children recovered</a> <span class="figure-scope"><span data-pagefind-ignore>operation total</span> · <a href="/operations/operation-cross-country/" data-pagefind-ignore>${escaped}</a></span></li>`,
    );
  });

  it('lists the older and newer story and related stories with their dates, titles escaped', () => {
    const older = story('older', { title: hostile, date: '2016-01-02', dateSource: 'source' });
    const links = neighbourItemsHtml([
      { side: 'prev', rel: 'prev', label: 'Older story', story: older },
      { side: 'next', rel: null, label: 'No newer story', story: null },
    ]).value;
    expect(links).toBe(
      `<li class="prev"><span class="neighbour-label">Older story</span> <a href="/stories/older/" rel="prev">${escaped}</a> <time datetime="2016-01-02">January 2, 2016</time></li>` +
        '<li class="next"><span class="neighbour-label">No newer story</span></li>',
    );
    // A link into the undated stories carries no rel: it is no step in time.
    expect(neighbourItemsHtml([{ side: 'next', rel: null, label: 'Back to the oldest dated story', story: older }]).value).toBe(
      `<li class="next"><span class="neighbour-label">Back to the oldest dated story</span> <a href="/stories/older/">${escaped}</a> <time datetime="2016-01-02">January 2, 2016</time></li>`,
    );
    expect(neighbourNoteHtml({ text: 'Undated stories come last.', story: older, linkLabel: 'The first of them:' }).value).toBe(
      `<p class="undated-order">Undated stories come last. The first of them: <a href="/stories/older/">${escaped}</a>.</p>`,
    );
    const related = relatedItemsHtml([{ story: older, reasons: ['same edition', '2 figures in common'] }]).value;
    expect(related).toBe(
      `<li><a class="story-link" href="/stories/older/">${escaped}</a> <span class="story-facts"><time datetime="2016-01-02">January 2, 2016</time> · same edition; 2 figures in common</span></li>`,
    );
  });
});

describe('an operation timeline entry with many numbers for one measure', () => {
  const report = (id: string, value: number, day: number): ReturnType<typeof story> =>
    story(id, {
      date: `2018-07-${String(day).padStart(2, '0')}`,
      dateSource: 'source',
      paragraphs: [[`Agents recovered ${value} children during Operation Cross Country.`]],
      figures: [figure({ sentence: `Agents recovered ${value} children during Operation Cross Country.`, value, text: String(value) })],
    });
  // Nine numbers; 17 is given by three stories, 11 by two.
  const stories = [10, 11, 12, 13, 14, 15, 16, 17, 18].map((value, i) => report(`r${value}`, value, i + 1));
  stories.push(report('again-17a', 17, 20), report('again-17b', 17, 21), report('again-11', 11, 22));
  const measures = buildOperationTimeline(crossCountry, stories, citeFigures).entries.flatMap((entry) => entry.measures);
  const children = measures.find((row) => row.label === 'children recovered')!;

  it('keeps the six numbers most stories give, in order of first report, and counts the rest', () => {
    expect(children.variants.map((variant) => variant.text)).toEqual(['10', '11', '12', '13', '14', '15', '16', '17', '18']);
    const { shown, others } = selectVariants(children);
    expect(shown.map((variant) => variant.text)).toEqual(['10', '11', '12', '13', '14', '17']);
    expect(others).toEqual({ numbers: 3, stories: 3 });
    expect(selectVariants(children, 9)).toEqual({ shown: children.variants, others: null });
  });

  it('writes the kept numbers and a row that says where the others are', () => {
    const markup = measureRowsHtml([children]).value;
    expect(markup.match(/<tr[ >]/g)).toHaveLength(7);
    expect(markup).toContain('<th scope="rowgroup" rowspan="7">children recovered <strong class="differs">Reports differ</strong></th>');
    expect(markup).toContain(
      '<tr class="other-numbers"><td colspan="2">3 other numbers, given by 3 stories: every figure is in <a href="/figures/">the figures table</a></td></tr>',
    );
    expect(markup).not.toContain('>18</a>');
  });
});
