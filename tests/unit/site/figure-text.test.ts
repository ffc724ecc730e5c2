import { describe, expect, it } from 'vitest';
import { describeFigure, describeScope, describeYearRange, headlineFigure, measureKey } from '@/domain/figure-text';
import { figure } from './story-factory.ts';

const sentence = 'S.';

describe('figure wording', () => {
  it('keeps the number as written, qualifier included', () => {
    expect(describeFigure(figure({ sentence, text: 'more than 6,500', value: 6500 }))).toBe('more than 6,500 children recovered');
    expect(describeFigure(figure({ sentence, text: '56', subject: 'field offices', action: null }))).toBe('56 field offices');
  });

  it('words scopes and year ranges without inventing years', () => {
    expect(describeYearRange(2008, 2017)).toBe('2008–2017');
    expect(describeYearRange(2003, null)).toBe('since 2003');
    expect(describeYearRange(null, 2017)).toBe('until 2017');
    expect(describeYearRange(null, null)).toBeNull();
    expect(describeScope({ kind: 'cumulative', since: null, until: null, region: null })).toBe('cumulative');
    expect(describeScope({ kind: 'region', since: null, until: null, region: 'North Carolina' })).toBe('region: North Carolina');
    expect(describeScope({ kind: 'operation', since: null, until: null, region: null })).toBe('operation total');
  });

  it('picks children before victims before traffickers, national before regional', () => {
    const regional = figure({ sentence, value: 3, scope: { kind: 'region', since: null, until: null, region: 'NC' } });
    const traffickers = figure({ sentence, value: 120, subject: 'traffickers' });
    const victims = figure({ sentence, value: 200, subject: 'victims' });
    expect(headlineFigure([regional, traffickers, victims])).toBe(victims);
    expect(headlineFigure([regional])).toBe(regional);
    expect(headlineFigure([])).toBeNull();
  });

  it('treats the same subject, action and scope as one measure, case-insensitively', () => {
    expect(measureKey(figure({ sentence, action: 'Recovered' }))).toBe(measureKey(figure({ sentence, action: 'recovered ' })));
    expect(measureKey(figure({ sentence }))).not.toBe(measureKey(figure({ sentence, subject: 'victims' })));
  });
});
