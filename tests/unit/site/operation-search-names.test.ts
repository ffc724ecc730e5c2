import { describe, expect, it } from 'vitest';
import { operationSearchNames } from '@/domain/search-data';
import type { Operation } from '@/domain/schema';

const crossCountry: Operation = {
  id: 'operation-cross-country',
  name: 'Operation Cross Country',
  aliases: ['Operation Cross County', 'Cross Country', 'operation cross-country'],
  kind: 'sweep',
  description: 'A sweep.',
};

describe('operationSearchNames', () => {
  it("maps every name and alias, with and without a leading 'Operation', to the catalogue name once each", () => {
    expect(operationSearchNames([crossCountry])).toEqual([
      { alias: 'Operation Cross Country', operation: 'Operation Cross Country' },
      { alias: 'Cross Country', operation: 'Operation Cross Country' },
      { alias: 'Operation Cross County', operation: 'Operation Cross Country' },
      { alias: 'Cross County', operation: 'Operation Cross Country' },
      { alias: 'operation cross-country', operation: 'Operation Cross Country' },
      { alias: 'cross-country', operation: 'Operation Cross Country' },
    ]);
  });
});
