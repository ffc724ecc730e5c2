/**
 * A factual headline from what the article reports: the operation it is
 * about (with a numbered edition: 'Operation Cross Country XI') and its two
 * headline figures of that operation with different subjects ('84 children
 * recovered, 120 traffickers arrested'). Never a cut-off piece of the text.
 */
import type { Figure, FigureSubject, Operation, OperationMention } from '../schema.ts';

const singular: Readonly<Record<FigureSubject, string>> = {
  children: 'child',
  adults: 'adult',
  victims: 'victim',
  traffickers: 'trafficker',
  people: 'person',
  agencies: 'agency',
  'task forces': 'task force',
  'field offices': 'field office',
  investigations: 'investigation',
  cases: 'case',
};

/** '84 children recovered', 'more than 60 traffickers identified or arrested', '1 child rescued'. */
export function figurePhrase(figure: Figure): string {
  const noun = figure.value === 1 ? singular[figure.subject] : figure.subject;
  return [figure.qualifier, figure.value.toLocaleString('en-US'), noun, figure.action].filter(Boolean).join(' ');
}

/** The headline figures: this operation's own results first (not running totals), two subjects at most. */
function headlineFigures(figures: readonly Figure[], operation: string | null): Figure[] {
  const own = figures.filter((figure) => figure.scope.kind !== 'cumulative' && (operation === null || figure.operation === operation));
  const pool = [...own.filter((figure) => figure.scope.kind === 'operation'), ...own.filter((figure) => figure.scope.kind === 'region')];
  const chosen: Figure[] = [];
  // Another operation's figures never headline this one's name ('Operation Lost Lantern III … 18 arrests').
  for (const figure of pool.length > 0 ? pool : operation === null ? figures : []) {
    if (chosen.length === 2) break;
    if (!chosen.some((other) => other.subject === figure.subject)) chosen.push(figure);
  }
  return chosen;
}

/** The operation's name as the catalogue spells it, with a numbered edition when the text gives one. */
function operationName(mention: OperationMention, catalogue: readonly Operation[]): string {
  const name = catalogue.find((operation) => operation.id === mention.id)?.name ?? mention.text;
  return mention.edition !== null && /^(?:[IVXLC]+|\d+)$/.test(mention.edition) ? `${name} ${mention.edition}` : name;
}

export interface TitleInput {
  primary: string | null;
  mentions: readonly OperationMention[];
  figures: readonly Figure[];
  /** The lead's sentences, for an article with neither operation nor figures. */
  leadSentences: readonly string[];
  sourceFile: string;
}

const maxSentenceTitle = 140;

// Bidirectional embeddings, overrides, isolates and marks: invisible, yet they can show a headline reversed.
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The generated headline, without bidirectional controls. */
export function makeTitle(input: TitleInput, catalogue: readonly Operation[]): string {
  return composeTitle(input, catalogue).replace(bidiControls, '').trim();
}

function composeTitle(input: TitleInput, catalogue: readonly Operation[]): string {
  const mention = input.mentions.find((candidate) => candidate.id === input.primary);
  const name = mention ? operationName(mention, catalogue) : null;
  const figures = headlineFigures(input.figures, input.primary).map(figurePhrase).join(', ');
  if (name && figures) return `${name}: ${figures}`;
  if (name) return name;
  if (figures) return figures.charAt(0).toUpperCase() + figures.slice(1);
  // Neither operation nor figures: the lead's first whole sentence, without the dateline, if it is headline-sized.
  const lead = input.leadSentences[0]?.replace(/^[^—–]{0,60}?\s(?:—|–|--)\s/u, '').trim();
  if (lead && lead.length <= maxSentenceTitle) return lead;
  return `Report from ${input.sourceFile}`;
}
