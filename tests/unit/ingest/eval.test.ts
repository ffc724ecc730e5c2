/**
 * The hand-labelled evaluation (npm run eval) as a test: every case, tuning
 * and held-out, must read exactly as labelled, and each class the issue
 * names has at least three cases.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCase, loadCases, parseExpectedFigure } from '../../../scripts/eval/evaluate.ts';
import { projectRoot } from '../../support/dist.ts';
import { catalogue } from './support.ts';

const cases = loadCases(path.join(projectRoot, 'tests/fixtures/eval'));

describe('the hand-labelled evaluation', () => {
  it.each(['scope', 'labels', 'nouns', 'dates', 'operations', 'datelines'])('has at least three cases of class %s', (kind) => {
    expect(cases.filter((evalCase) => evalCase.kind === kind && !evalCase.heldOut).length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases.map((evalCase) => [`${evalCase.heldOut ? 'held-out/' : ''}${evalCase.id}`, evalCase] as const))('%s reads as labelled', (_id, evalCase) => {
    expect(evaluateCase(evalCase, catalogue).problems).toEqual([]);
  });

  it('reads its labels strictly', () => {
    expect(parseExpectedFigure('56 field offices participated @national')).toEqual({
      value: 56,
      subject: 'field offices',
      action: 'participated',
      scope: 'national',
    });
    expect(parseExpectedFigure('4 children - @Salt Lake City')).toEqual({ value: 4, subject: 'children', action: null, scope: 'Salt Lake City' });
    expect(() => parseExpectedFigure('4 kittens recovered @national')).toThrow();
    expect(() => parseExpectedFigure('4 children recovered')).toThrow();
  });

  it('reports a wrong scope as a problem', () => {
    const evalCase = cases.find((candidate) => candidate.id === 'scope-3-metro')!;
    const wrong = { ...evalCase, figures: evalCase.figures.map((figure) => ({ ...figure, scope: 'national' })) };
    expect(evaluateCase(wrong, catalogue).problems).toHaveLength(2);
  });
});
