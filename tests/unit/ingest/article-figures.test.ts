import { describe, expect, it } from 'vitest';
import { extractFigures } from '@/domain/ingest/article-figures';
import { cumulativeSpan } from '@/domain/ingest/cumulative';
import { readDateline } from '@/domain/ingest/dateline';
import { findOperations } from '@/domain/ingest/operations';
import { splitSentences } from '@/domain/sentences';
import { catalogue } from './support.ts';

/** Figures of an article given as paragraphs, reduced to value, scope and operation. */
function figuresOf(...paragraphs: string[]) {
  const sentences = paragraphs.flatMap((text, paragraph) => splitSentences(text).map((sentence) => ({ paragraph, text: sentence })));
  const operations = findOperations(
    sentences.map((sentence) => sentence.text),
    catalogue.compiled,
  );
  return extractFigures(sentences, operations, readDateline(paragraphs[0]!)).map((figure) => ({
    value: figure.value,
    scope: figure.scope,
    operation: figure.operation,
  }));
}

const operationScope = { kind: 'operation', since: null, until: null, region: null };

describe('scope', () => {
  it("resolves 'in the state' to the state named before, and to the dateline's state", () => {
    expect(figuresOf('The sweep led to 9 arrests in Ohio.', 'Six agencies in the state took part.')).toEqual([
      { value: 9, scope: { kind: 'region', since: null, until: null, region: 'Ohio' }, operation: null },
      { value: 6, scope: { kind: 'region', since: null, until: null, region: 'Ohio' }, operation: null },
    ]);
    expect(figuresOf('TULSA, Okla. — Police made 14 arrests in the state.')[0]!.scope.region).toBe('Oklahoma');
  });

  it('takes a city the text places with its state, a known city or the dateline city; not an organisation', () => {
    expect(figuresOf('Four children were rescued in Mesa, Arizona.')[0]!.scope.region).toBe('Mesa, Arizona');
    expect(figuresOf('Four children were rescued in Atlanta.')[0]!.scope.region).toBe('Atlanta');
    expect(figuresOf('GREENVILLE, S.C. — Four children were rescued in Greenville.')[0]!.scope.region).toBe('Greenville');
    expect(figuresOf('Four children were rescued in Springfield.')[0]!.scope).toEqual(operationScope);
    expect(figuresOf('Ten agencies joined in North Carolina State Bureau raids.')[0]!.scope).toEqual(operationScope);
  });

  it('does not carry a region across “nationwide”', () => {
    expect(figuresOf('In Texas, 5 arrests were made, while nationwide 84 children were recovered.').map((figure) => figure.scope.region)).toEqual([
      'Texas',
      null,
    ]);
  });

  it.each([
    ['Since the program started in 2009, 4,000 victims have been identified.', { since: 2009, until: null }],
    ['The sweeps, held between 2008 and 2017, arrested 1,400 traffickers.', { since: 2008, until: 2017 }],
    ['Over the past decade, agents recovered 700 children.', { since: null, until: null }],
    ['Agents recovered 700 children since last week.', null],
  ])('reads %j as a running total %j', (sentence, span) => {
    expect(cumulativeSpan(sentence, [])).toEqual(span);
  });

  it("dates a 'to date' total from the launch year the paragraph states", () => {
    expect(cumulativeSpan('To date, 6,600 children have been recovered.', ['The initiative was launched in 2003 by the FBI.'])).toEqual({
      since: 2003,
      until: null,
    });
  });
});

describe('the operation a figure belongs to', () => {
  it('is the operation the article is about for its own results, the initiative for running totals', () => {
    expect(
      figuresOf(
        'Operation Cross Country XI is part of the Innocence Lost initiative. So far, 84 kids have been recovered.',
        'Since the initiative began in 2003, more than 6,500 children have been recovered.',
        'NCMEC has assisted in 400,000 cases since its founding in 1984.',
      ).map((figure) => figure.operation),
    ).toEqual(['operation-cross-country', 'innocence-lost', 'innocence-lost']);
  });

  it('is null for a running total when the article names no initiative', () => {
    expect(
      figuresOf('Operation Cross Country freed 20 children.', 'NCMEC has assisted in 400,000 cases since its founding in 1984.').map(
        (figure) => figure.operation,
      ),
    ).toEqual(['operation-cross-country', null]);
  });

  it("follows 'the initiative' and 'the sweep' back to the last one named", () => {
    expect(
      figuresOf(
        'Operation Independence Day ran in July. Earlier, the Innocence Lost National Initiative began.',
        'The initiative includes 86 task forces. The sweep located 30 children.',
      ).map((figure) => figure.operation),
    ).toEqual(['innocence-lost', 'operation-independence-day']);
  });

  it('is the operation named earlier in the same sentence', () => {
    expect(figuresOf('Operation Independence Day began. In past years, Operation Cross Country sweeps recovered 900 children.')[0]!.operation).toBe(
      'operation-cross-country',
    );
  });
});
