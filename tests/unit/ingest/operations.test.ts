import { describe, expect, it } from 'vitest';
import { editDistance, findOperations } from '@/domain/ingest/operations';
import { catalogue } from './support.ts';

function mentions(...sentences: string[]) {
  return findOperations(sentences, catalogue.compiled);
}

describe('findOperations', () => {
  it('maps spelling variants to the catalogue id, keeping the words as written', () => {
    for (const text of ['Operation Cross County', 'Operation Cross-Country', 'operation cross country', 'Operation Crosscountry', 'Operation Cross Countrty']) {
      expect(mentions(`Agents joined ${text} this week.`).mentions).toEqual([{ id: 'operation-cross-country', text, edition: null, editionNumber: null }]);
    }
  });

  it('reads a Roman numeral edition after the name', () => {
    expect(mentions('It’s called Operation Cross Country XI – part of a national initiative called Innocence Lost.').mentions).toEqual([
      { id: 'operation-cross-country', text: 'Operation Cross Country', edition: 'XI', editionNumber: 11 },
      { id: 'innocence-lost', text: 'Innocence Lost', edition: null, editionNumber: null },
    ]);
  });

  it('reads a single-letter Roman numeral, but not the pronoun I', () => {
    expect(mentions('Eighty-two children were rescued in Operation Cross Country X, the FBI said.').mentions[0]).toMatchObject({
      edition: 'X',
      editionNumber: 10,
    });
    expect(mentions('As part of Operation Cross Country I think it went well.').mentions[0]).toMatchObject({ edition: null });
  });

  it('reads an ordinal edition before the name', () => {
    expect(mentions('The eighth annual Operation Cross Country ended Sunday.').mentions[0]).toMatchObject({ edition: 'eighth', editionNumber: 8 });
  });

  it("gives 'the 13th year' to the operation the article is about when the sentence names none", () => {
    const found = mentions('Agents ran “Operation Cross County.”', 'This is the 13th year that the enforcement initiative has taken place.');
    expect(found.mentions).toEqual([{ id: 'operation-cross-country', text: 'Operation Cross County', edition: '13th year', editionNumber: 13 }]);
  });

  it('lists each operation once, with its first wording, in reading order', () => {
    const found = mentions(
      'The initiative, dubbed Operation Independence Day, ran in July.',
      'In past years, the FBI ran Operation Cross Country.',
      'It was part of the Innocence Lost National Initiative and the Innocence Lost task forces.',
      'Operation Independence Day continues.',
    );
    expect(found.mentions.map((mention) => [mention.id, mention.text])).toEqual([
      ['operation-independence-day', 'Operation Independence Day'],
      ['operation-cross-country', 'Operation Cross Country'],
      ['innocence-lost', 'Innocence Lost National Initiative'],
    ]);
    expect(found.primary).toBe('operation-independence-day');
  });

  it('reports operation names that are not in the catalogue instead of guessing', () => {
    const found = mentions('The FBI also ran Operation Not Forgotten in Indian Country.');
    expect(found.mentions).toEqual([]);
    expect(found.unknown).toEqual(['Operation Not Forgotten']);
  });

  it('does not take a word that merely starts with a name', () => {
    expect(mentions('Innocence Lostness is not a name.').mentions).toEqual([]);
  });

  it('measures edit distance', () => {
    expect(editDistance('cross county', 'cross country')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
