import { describe, expect, it } from 'vitest';
import { citeFigures } from '@/domain/citations';
import { csvField, figureColumns, figureDataRows, figuresCsv, figuresJson, neutraliseFormula } from '@/domain/figures-data';
import { datedStory, figure, mention, story } from './story-factory.ts';

const names = new Map([['operation-cross-country', 'Operation Cross Country']]);
const operationName = (id: string): string | undefined => names.get(id);

/** A minimal RFC 4180 reader, to check the writer's output round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

const hostileSentence = '=HYPERLINK("http://evil.test","click"), they said, recovering 12 children.';
const xi = datedStory('xi', '2017-10-19', {
  title: 'Operation Cross Country XI: 84 children recovered',
  operations: [mention({ edition: 'XI', editionNumber: 11 })],
  paragraphs: [['Intro.', 'So far, 84 kids have been recovered.', hostileSentence]],
  figures: [
    figure({ sentence: 'So far, 84 kids have been recovered.', value: 84, text: '84' }),
    figure({ sentence: hostileSentence, value: 12, text: '12', scope: { kind: 'region', since: null, until: null, region: 'North "Carolina"' } }),
  ],
});
const undated = story('undated', {
  title: '-1 story, with a comma',
  dateEvidence: "Clues without a year: 'last month'",
  paragraphs: [['More than 200 victims were rescued.']],
  figures: [
    figure({
      sentence: 'More than 200 victims were rescued.',
      value: 200,
      text: 'More than 200',
      qualifier: 'more than',
      subject: 'victims',
      action: 'rescued',
      operation: null,
    }),
  ],
});

describe('open data rows', () => {
  const rows = figureDataRows([xi, undated], citeFigures, operationName);

  it('gives every figure with its story, date, operation, edition and sentence link', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      story_slug: 'xi',
      story_path: '/stories/xi/',
      story_title: 'Operation Cross Country XI: 84 children recovered',
      date: '2017-10-19',
      date_source: 'source',
      date_evidence: null,
      operation_id: 'operation-cross-country',
      operation_name: 'Operation Cross Country',
      edition: 'XI',
      edition_number: 11,
      value: 84,
      text: '84',
      qualifier: null,
      subject: 'children',
      action: 'recovered',
      scope_kind: 'operation',
      region: null,
      since: null,
      until: null,
      sentence: 'So far, 84 kids have been recovered.',
      sentence_path: '/stories/xi/#s-2',
      figure_index: 0,
    });
    expect(rows[2]).toMatchObject({
      story_slug: 'undated',
      date: null,
      date_source: 'unknown',
      operation_id: null,
      operation_name: null,
      edition: null,
      sentence_path: '/stories/undated/#s-1',
    });
  });

  it('has a value for every documented column and no other', () => {
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(figureColumns.map((column) => column.name).sort());
  });

  it('writes CSV that round-trips through an RFC 4180 reader, with formulas neutralised', () => {
    const csv = figuresCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(figureColumns.map((column) => column.name));
    expect(parsed).toHaveLength(4);
    const column = (name: string): number => parsed[0]!.indexOf(name);
    expect(parsed[2]![column('sentence')]).toBe(`'${hostileSentence}`);
    expect(parsed[2]![column('region')]).toBe('North "Carolina"');
    expect(parsed[3]![column('story_title')]).toBe("'-1 story, with a comma");
    expect(parsed[3]![column('date')]).toBe('');
    expect(parsed[1]![column('value')]).toBe('84');
    expect(parsed.every((row) => row.length === figureColumns.length)).toBe(true);
  });

  it('writes JSON with the documented columns and the rows unaltered', () => {
    const parsed = JSON.parse(figuresJson(rows)) as { documentation: string; columns: { name: string }[]; figures: Record<string, unknown>[] };
    expect(parsed.documentation).toBe('/data/');
    expect(parsed.columns.map((column) => column.name)).toEqual(figureColumns.map((column) => column.name));
    expect(parsed.figures[1]!['sentence']).toBe(hostileSentence);
    expect(parsed.figures[2]!['date']).toBeNull();
  });
});

describe('CSV cells', () => {
  it('quotes fields with commas, quotes and line breaks, and only those', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(6500)).toBe('6500');
  });

  it('prefixes text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'].map(neutraliseFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1"]);
    expect(neutraliseFormula('more than 200')).toBe('more than 200');
    expect(csvField(0)).toBe('0');
  });
});
