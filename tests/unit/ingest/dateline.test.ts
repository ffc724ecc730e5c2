import { describe, expect, it } from 'vitest';
import { readDateline } from '@/domain/ingest/dateline';

describe('readDateline', () => {
  it.each([
    ['WASHINGTON (CBS/WNCN) — The FBI is cracking down.', 'WASHINGTON', 'CBS/WNCN'],
    ['CHARLOTTE, N.C. — Three children have been rescued.', 'CHARLOTTE, N.C.', null],
    ['ST. LOUIS, Mo. (AP) -- Police said.', 'ST. LOUIS, Mo.', 'AP'],
    ['NEW YORK – Agents said.', 'NEW YORK', null],
    ['(CNN) — The FBI said.', null, 'CNN'],
    ['More than 200 victims were rescued last month.', null, null],
    ['The Federal Bureau of Investigation announced — on Monday — a sweep.', null, null],
  ])('%s', (paragraph, dateline, outlet) => {
    expect(readDateline(paragraph)).toEqual({ dateline, outlet });
  });

  it('does not take a quote source for the outlet', () => {
    expect(readDateline('CHARLOTTE, N.C. — An agent told NBC Charlotte about it.').outlet).toBeNull();
  });
});
