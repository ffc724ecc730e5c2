import { describe, expect, it } from 'vitest';
import { readArticleDateline, readDateline } from '@/domain/ingest/dateline';

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
    expect(readDateline(paragraph)).toEqual({ dateline, outlet, date: null });
  });

  it.each([
    ['(Washington, D.C./Omaha) The FBI’s Omaha Field Office recovered two children.', 'Washington, D.C./Omaha', null],
    ['Mobile, AL - Three juveniles were recovered.', 'Mobile, AL', null],
    ['Anchorage, Alaska – Four people were arrested.', 'Anchorage, Alaska', null],
    ['WASHINGTON —The FBI said.', 'WASHINGTON', null],
    ['WASHINGTON, D.C.—Operation Independence Day recovered 220 children.', 'WASHINGTON, D.C.', null],
    ['DES MOINES, Iowa (KCCI) — Two men were arrested.', 'DES MOINES, Iowa', 'KCCI'],
    ['OMAHA, NE—The FBI said.', 'OMAHA, NE', null],
    ['Omaha, Nebraska—The FBI said.', 'Omaha, Nebraska', null],
  ])('reads the release form %j', (paragraph, dateline, outlet) => {
    expect(readDateline(paragraph)).toMatchObject({ dateline, outlet });
  });

  it.each([
    'Operation Cross Country, the FBI said - and police agreed.',
    'Agents, Officers - all of them - took part.',
    '(The FBI declined to comment.) Police said.',
    'U.S.-Mexico border towns took part.',
  ])('finds no dateline in the prose %j', (paragraph) => {
    expect(readDateline(paragraph)).toEqual({ dateline: null, outlet: null, date: null });
  });

  it('reads a day written in the dateline', () => {
    expect(readDateline('WASHINGTON, July 29, 2013 — The FBI said.')).toEqual({ dateline: 'WASHINGTON', outlet: null, date: '2013-07-29' });
  });

  it('reads past a letterhead, and takes the day it ends with', () => {
    expect(readArticleDateline(['FOR IMMEDIATE RELEASE March 4, 2015', 'WASHINGTON — The FBI said.'])).toEqual({
      dateline: 'WASHINGTON',
      outlet: null,
      date: '2015-03-04',
    });
    expect(readArticleDateline(['FBI Little Rock', 'October 18, 2017', 'LITTLE ROCK, Ark. — Agents said.'])).toMatchObject({
      dateline: 'LITTLE ROCK, Ark.',
      date: '2017-10-18',
    });
  });

  it('does not read a day inside a sentence as the release date', () => {
    expect(readArticleDateline(['Transcript of a June 23, 2014 press conference on Operation Cross Country VIII', 'MR. SMITH: Good morning.'])).toEqual({
      dateline: null,
      outlet: null,
      date: null,
    });
    expect(readArticleDateline(['Agents met on March 4, 2015. They made arrests.', 'WASHINGTON — Later.']).dateline).toBeNull();
  });

  it('does not take a quote source for the outlet', () => {
    expect(readDateline('CHARLOTTE, N.C. — An agent told NBC Charlotte about it.').outlet).toBeNull();
  });
});
