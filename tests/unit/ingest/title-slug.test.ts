import { describe, expect, it } from 'vitest';
import { slugForTitle, slugify, uniqueSlug } from '@/domain/ingest/slug';
import { figurePhrase, makeTitle } from '@/domain/ingest/title';
import type { Figure } from '@/domain/schema';
import { catalogue } from './support.ts';

function figure(value: number, subject: Figure['subject'], action: string | null, overrides: Partial<Figure> = {}): Figure {
  return {
    value,
    text: String(value),
    qualifier: null,
    subject,
    action,
    scope: { kind: 'operation', since: null, until: null, region: null },
    operation: 'operation-cross-country',
    sentence: 'S.',
    ...overrides,
  };
}

describe('makeTitle', () => {
  const mention = { id: 'operation-cross-country', text: 'Operation Cross County', edition: 'XI', editionNumber: 11 };

  it('names the operation with its numbered edition and two headline figures of different subjects', () => {
    const figures = [
      figure(6500, 'children', 'recovered', { scope: { kind: 'cumulative', since: 2003, until: null, region: null }, qualifier: 'more than' }),
      figure(11, 'people', 'arrested', { scope: { kind: 'region', since: null, until: null, region: 'Ohio' } }),
      figure(84, 'children', 'recovered'),
      figure(90, 'children', 'rescued'),
      figure(120, 'traffickers', 'arrested'),
    ];
    expect(makeTitle({ primary: mention.id, mentions: [mention], figures, leadSentences: [], sourceFile: 'x.txt' }, catalogue.operations)).toBe(
      'Operation Cross Country XI: 84 children recovered, 120 traffickers arrested',
    );
  });

  it('uses the canonical name, not a misspelling, and leaves a worded edition out', () => {
    const worded = { ...mention, edition: '13th year', editionNumber: 13 };
    expect(makeTitle({ primary: worded.id, mentions: [worded], figures: [], leadSentences: [], sourceFile: 'x.txt' }, catalogue.operations)).toBe(
      'Operation Cross Country',
    );
  });

  it('falls back to the figures, then to the whole first sentence without its dateline, never a cut', () => {
    expect(makeTitle({ primary: null, mentions: [], figures: [figure(1, 'children', 'rescued')], leadSentences: [], sourceFile: 'x.txt' }, [])).toBe(
      '1 child rescued',
    );
    expect(
      makeTitle({ primary: null, mentions: [], figures: [], leadSentences: ['AKRON, Ohio — Police held a press conference.'], sourceFile: 'x.txt' }, []),
    ).toBe('Police held a press conference.');
    expect(makeTitle({ primary: null, mentions: [], figures: [], leadSentences: ['word '.repeat(40).trim()], sourceFile: 'x.txt' }, [])).toBe(
      'Report from x.txt',
    );
  });

  it('writes qualifiers and thousands', () => {
    expect(figurePhrase(figure(6500, 'children', 'recovered', { qualifier: 'more than' }))).toBe('more than 6,500 children recovered');
    expect(figurePhrase(figure(3, 'task forces', null))).toBe('3 task forces');
  });
});

describe('slugs', () => {
  it('kebab-cases the lead clause of the title, ASCII only, at most 60 characters at a word boundary', () => {
    expect(slugForTitle('Operation Cross Country XI: 84 children recovered, 120 traffickers arrested')).toBe(
      'operation-cross-country-xi-84-children-recovered',
    );
    expect(slugify('More than 6,500 niños rescued in São Paulo')).toBe('more-than-6500-ninos-rescued-in-sao-paulo');
    expect(slugify('a '.repeat(50)).length).toBeLessThanOrEqual(60);
    expect(slugify('word'.repeat(30))).toHaveLength(60);
    expect(slugify('—')).toBe('article');
  });

  it('numbers a taken slug deterministically', () => {
    expect(uniqueSlug('a', new Set())).toBe('a');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});
