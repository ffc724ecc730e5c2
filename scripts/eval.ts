/**
 * `npm run eval [-- --verbose]`: ingests every hand-labelled case in
 * tests/fixtures/eval/ and prints, per class and overall (tuning cases and
 * held-out cases apart), precision and recall for value, subject, action and
 * scope, and how many dates, operations and datelines were right. Exits 1
 * when any case fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCatalogue } from '../src/domain/ingest/build-article.ts';
import { operationSchema } from '../src/domain/schema.ts';
import { addTally, emptyTally, evaluateCase, loadCases, precisionRecall, type CaseResult, type Tally } from './eval/evaluate.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');

const catalogue = prepareCatalogue(operationSchema.array().parse(JSON.parse(readFileSync(path.join(projectRoot, 'content/operations.json'), 'utf8'))));
const results: CaseResult[] = loadCases(path.join(projectRoot, 'tests/fixtures/eval')).map((evalCase) => evaluateCase(evalCase, catalogue));

function fixed(value: number): string {
  return value.toFixed(2);
}

function row(label: string, tally: Tally): string {
  const fields = (['value', 'subject', 'action', 'scope'] as const).map((field) => {
    const { precision, recall } = precisionRecall(tally[field], tally);
    return `${fixed(precision)}/${fixed(recall)}`;
  });
  const tail = [
    `${tally.datesRight}/${tally.cases}`,
    `${tally.operationsRight}/${tally.cases}`,
    `${tally.datelinesRight}/${tally.cases}`,
    `${tally.passed}/${tally.cases}`,
  ];
  return [
    label.padEnd(22),
    String(tally.expected).padStart(4),
    String(tally.found).padStart(6),
    ...fields.map((field) => field.padStart(10)),
    ...tail.map((field) => field.padStart(7)),
  ].join(' ');
}

const header = [
  'class'.padEnd(22),
  'exp'.padStart(4),
  'found'.padStart(6),
  ...['value P/R', 'subj P/R', 'action P/R', 'scope P/R'].map((h) => h.padStart(10)),
  ...['dates', 'ops', 'dateln', 'pass'].map((h) => h.padStart(7)),
].join(' ');

for (const heldOut of [false, true]) {
  const group = results.filter((result) => result.case.heldOut === heldOut);
  if (group.length === 0) continue;
  console.log(heldOut ? '\nHeld-out cases (written before tuning)' : 'Tuning cases');
  console.log(header);
  const total = emptyTally();
  for (const kind of [...new Set(group.map((result) => result.case.kind))].sort()) {
    const tally = emptyTally();
    for (const result of group.filter((candidate) => candidate.case.kind === kind)) addTally(tally, result.tally);
    addTally(total, tally);
    console.log(row(kind, tally));
  }
  console.log(row('overall', total));
}
const all = emptyTally();
for (const result of results) addTally(all, result.tally);
console.log(`\n${row('all cases', all)}`);

const failed = results.filter((result) => result.problems.length > 0);
for (const result of verbose ? results : failed) {
  if (result.problems.length === 0) continue;
  console.log(`\n${result.case.heldOut ? 'held-out/' : ''}${result.case.id}:`);
  for (const problem of result.problems) console.log(`  ${problem}`);
}
console.log(`\n${results.length - failed.length} of ${results.length} cases pass.`);
process.exitCode = failed.length > 0 ? 1 : 0;
