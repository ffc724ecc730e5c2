/**
 * The hand-labelled evaluation of ingest's reading (tests/fixtures/eval/):
 * each case is a source text under YAML labels, ingested alone; figures are
 * compared by value, subject, action and scope, and the date, dateline and
 * operations must match exactly. Cases under held-out/ were written before
 * any tuning, those under held-out-2/ after it and before any further change;
 * both are reported apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { planIngest } from '../../src/domain/ingest/batch.ts';
import type { Catalogue } from '../../src/domain/ingest/build-article.ts';
import { parseManifest } from '../../src/domain/ingest/manifest.ts';
import { figureSubjects, type Article, type FigureSubject } from '../../src/domain/schema.ts';

/** One expected figure: '12 people arrested @Omaha', '84 children recovered @national', '6500 children recovered @cumulative'. */
export interface ExpectedFigure {
  value: number;
  subject: FigureSubject;
  action: string | null;
  /** 'national' (an operation's own national result), 'cumulative', or a region's name. */
  scope: string;
}

export interface EvalCase {
  /** File name without extension. */
  id: string;
  /** scope, labels, nouns, dates, operations, datelines, whole. */
  kind: string;
  heldOut: boolean;
  source: string;
  dateline: string | null;
  date: string | null;
  dateSource: Article['dateSource'];
  /** 'operation-cross-country@XI', 'operation northern light@' (names not in the catalogue lower-cased). */
  operations: string[];
  figures: ExpectedFigure[];
}

const subjectsLongestFirst = [...figureSubjects].sort((a, b) => b.length - a.length);

/** Parses '12 people arrested @Omaha'; '-' stands for no action. */
export function parseExpectedFigure(line: string): ExpectedFigure {
  const at = line.lastIndexOf('@');
  if (at < 0) throw new Error(`expected figure '${line}' has no @scope`);
  const [valueText, ...rest] = line.slice(0, at).trim().split(/\s+/);
  const words = rest.join(' ');
  const subject = subjectsLongestFirst.find((candidate) => words === candidate || words.startsWith(`${candidate} `));
  if (subject === undefined || !/^\d+$/.test(valueText ?? '')) throw new Error(`expected figure '${line}' does not read as VALUE SUBJECT ACTION @SCOPE`);
  const action = words.slice(subject.length).trim();
  return { value: Number(valueText), subject, action: action === '' || action === '-' ? null : action, scope: line.slice(at + 1).trim() };
}

function operationKey(name: string, edition: string | null): string {
  return `${name.toLowerCase()}@${edition ?? ''}`;
}

/** 'operation-cross-country @XI' or 'Operation Safe Harbor @II' as a comparable key. */
function parseExpectedOperation(line: string): string {
  const [name, edition] = line.split('@').map((part) => part.trim());
  return operationKey(name!, edition === undefined || edition === '' ? null : edition);
}

interface Labels {
  class: string;
  heldOut?: boolean;
  expect: { dateline: string | null; date: string | Date | null; dateSource: Article['dateSource']; operations: string[]; figures: string[] };
}

/** Reads every case under `folder` (cases/ and held-out/). */
export function loadCases(folder: string): EvalCase[] {
  const cases: EvalCase[] = [];
  for (const sub of ['cases', 'held-out', 'held-out-2']) {
    const dir = path.join(folder, sub);
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .sort()) {
      // No cache: gray-matter caches by text, and each file is read once.
      const parsed = matter(readFileSync(path.join(dir, file), 'utf8'), {});
      const labels = parsed.data as Labels;
      const date = labels.expect.date instanceof Date ? labels.expect.date.toISOString().slice(0, 10) : labels.expect.date;
      cases.push({
        id: file.replace(/\.txt$/, ''),
        kind: labels.class,
        heldOut: labels.heldOut === true || sub !== 'cases',
        source: parsed.content,
        dateline: labels.expect.dateline,
        date,
        dateSource: labels.expect.dateSource,
        operations: (labels.expect.operations ?? []).map(parseExpectedOperation),
        figures: (labels.expect.figures ?? []).map(parseExpectedFigure),
      });
    }
  }
  return cases;
}

/** The scope of an ingested figure in the labels' words. */
export function scopeLabel(scope: Article['figures'][number]['scope']): string {
  if (scope.kind === 'cumulative') return scope.region ? `cumulative:${scope.region}` : 'cumulative';
  if (scope.kind === 'region') return scope.region ?? 'region';
  return 'national';
}

/** Counts for one case or a sum of cases. */
export interface Tally {
  expected: number;
  found: number;
  value: number;
  subject: number;
  action: number;
  scope: number;
  cases: number;
  datesRight: number;
  operationsRight: number;
  datelinesRight: number;
  passed: number;
}

export interface CaseResult {
  case: EvalCase;
  tally: Tally;
  /** What differed, one line each; empty when the case passes. */
  problems: string[];
}

export function emptyTally(): Tally {
  return { expected: 0, found: 0, value: 0, subject: 0, action: 0, scope: 0, cases: 0, datesRight: 0, operationsRight: 0, datelinesRight: 0, passed: 0 };
}

export function addTally(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

function sameText(a: string | null, b: string | null): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

interface FoundFigure {
  value: number;
  subject: string;
  action: string | null;
  scope: string;
}

/**
 * Pairs found with expected figures of the same value, the pair that agrees
 * on most fields first, so one wrong subject does not shift every pairing.
 */
function pairFigures(expected: readonly ExpectedFigure[], found: readonly FoundFigure[]): [ExpectedFigure, FoundFigure][] {
  const score = (e: ExpectedFigure, f: FoundFigure): number =>
    Number(e.subject === f.subject) + Number(sameText(e.action, f.action)) + Number(sameText(e.scope, f.scope));
  const candidates: { e: number; f: number; score: number }[] = [];
  expected.forEach((e, ei) =>
    found.forEach((f, fi) => {
      if (e.value === f.value) candidates.push({ e: ei, f: fi, score: score(e, f) });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.e - b.e || a.f - b.f);
  const usedE = new Set<number>();
  const usedF = new Set<number>();
  const pairs: [ExpectedFigure, FoundFigure][] = [];
  for (const candidate of candidates) {
    if (usedE.has(candidate.e) || usedF.has(candidate.f)) continue;
    usedE.add(candidate.e);
    usedF.add(candidate.f);
    pairs.push([expected[candidate.e]!, found[candidate.f]!]);
  }
  return pairs;
}

function describe(figure: ExpectedFigure | FoundFigure): string {
  return `${figure.value} ${figure.subject} ${figure.action ?? '-'} @${figure.scope}`;
}

/** Ingests one case alone and compares it with its labels. */
export function evaluateCase(evalCase: EvalCase, catalogue: Catalogue): CaseResult {
  const plan = planIngest({
    sources: [{ file: `${evalCase.id}.txt`, path: `eval/${evalCase.id}.txt`, bytes: new TextEncoder().encode(evalCase.source) }],
    existing: [],
    manifest: parseManifest(null),
    catalogue,
  });
  const tally = emptyTally();
  tally.cases = 1;
  const problems: string[] = [];
  const article = plan.outcomes[0]?.article;
  if (!article) {
    problems.push(`refused: ${plan.refusals.map((refusal) => refusal.reason).join('; ')}`);
    tally.expected = evalCase.figures.length;
    return { case: evalCase, tally, problems };
  }
  const found: FoundFigure[] = article.figures.map((figure) => ({
    value: figure.value,
    subject: figure.subject,
    action: figure.action,
    scope: scopeLabel(figure.scope),
  }));
  const pairs = pairFigures(evalCase.figures, found);
  tally.expected = evalCase.figures.length;
  tally.found = found.length;
  tally.value = pairs.length;
  for (const [e, f] of pairs) {
    const subject = e.subject === f.subject;
    const action = sameText(e.action, f.action);
    const scope = sameText(e.scope, f.scope);
    tally.subject += Number(subject);
    tally.action += Number(action);
    tally.scope += Number(scope);
    if (!subject || !action || !scope) problems.push(`figure: expected ${describe(e)}, got ${describe(f)}`);
  }
  for (const e of evalCase.figures) if (!pairs.some(([pe]) => pe === e)) problems.push(`figure missed: ${describe(e)}`);
  for (const f of found) if (!pairs.some(([, pf]) => pf === f)) problems.push(`figure not expected: ${describe(f)}`);
  const dateRight = article.date === evalCase.date && article.dateSource === evalCase.dateSource;
  if (!dateRight) problems.push(`date: expected ${evalCase.date} (${evalCase.dateSource}), got ${article.date} (${article.dateSource})`);
  const operations = [
    ...article.operations.map((mention) => operationKey(mention.id, mention.edition)),
    ...(article.unlistedOperations ?? []).map((mention) => operationKey(mention.text, mention.edition)),
  ].sort();
  const expectedOperations = [...evalCase.operations].sort();
  const operationsRight = operations.join('|') === expectedOperations.join('|');
  if (!operationsRight) problems.push(`operations: expected ${expectedOperations.join(', ') || 'none'}, got ${operations.join(', ') || 'none'}`);
  const datelineRight = article.dateline === evalCase.dateline;
  if (!datelineRight) problems.push(`dateline: expected ${evalCase.dateline}, got ${article.dateline}`);
  tally.datesRight = Number(dateRight);
  tally.operationsRight = Number(operationsRight);
  tally.datelinesRight = Number(datelineRight);
  tally.passed = Number(problems.length === 0);
  return { case: evalCase, tally, problems };
}

/** Precision and recall of one field, as 'P 0.95 R 0.90'. */
export function precisionRecall(right: number, tally: Tally): { precision: number; recall: number } {
  return { precision: tally.found === 0 ? 1 : right / tally.found, recall: tally.expected === 0 ? 1 : right / tally.expected };
}
