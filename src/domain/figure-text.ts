/**
 * How a figure reads on the page. The number is always shown as written in
 * the article ('more than 6,500'); the words around it come from the
 * figure's subject, action and scope.
 */
import type { Figure, FigureSubject, Scope } from './schema.ts';

/** 'more than 6,500 children recovered'. */
export function describeFigure(figure: Pick<Figure, 'text' | 'subject' | 'action'>): string {
  return [figure.text, figure.subject, figure.action].filter(Boolean).join(' ');
}

/**
 * A figure that may stand without its scope beside it (a headline, a card, a
 * list of totals): a regional one names its place, so it never reads as the
 * national figure ('3 children recovered (Charlotte)').
 */
export function describeFigureWithPlace(figure: Pick<Figure, 'text' | 'subject' | 'action' | 'scope'>): string {
  const region = figure.scope.region;
  return region ? `${describeFigure(figure)} (${region})` : describeFigure(figure);
}

/** 'children recovered': what a figure counts, without the number. */
export function describeMeasure(figure: Pick<Figure, 'subject' | 'action'>): string {
  return figure.action ? `${figure.subject} ${figure.action}` : figure.subject;
}

/** A year range as the text gives it: '2008–2017', 'since 2003', 'until 2017', or null when neither end is stated. */
export function describeYearRange(since: number | null, until: number | null): string | null {
  if (since !== null && until !== null) return since === until ? String(since) : `${since}–${until}`;
  if (since !== null) return `since ${since}`;
  if (until !== null) return `until ${until}`;
  return null;
}

/** 'operation total', 'cumulative, since 2003', 'cumulative, 2008–2017', 'region: North Carolina', 'cumulative, since 2010, region: Omaha'. */
export function describeScope(scope: Scope): string {
  if (scope.kind === 'region') return scope.region ? `region: ${scope.region}` : 'region';
  if (scope.kind === 'cumulative') {
    const range = describeYearRange(scope.since, scope.until);
    const place = scope.region ? `, region: ${scope.region}` : '';
    return `${range ? `cumulative, ${range}` : 'cumulative'}${place}`;
  }
  return 'operation total';
}

/** Subjects that make a headline, most telling first: the people the sweeps are about. */
export const headlineSubjects: readonly FigureSubject[] = ['children', 'victims', 'traffickers', 'adults', 'people'];

/**
 * A story's headline figure: the first operation-scope figure about the
 * highest-ranked subject, else its first figure at all, else null.
 */
export function headlineFigure<F extends Pick<Figure, 'subject' | 'scope'>>(figures: readonly F[]): F | null {
  for (const subject of headlineSubjects) {
    const found = figures.find((figure) => figure.scope.kind === 'operation' && figure.subject === subject);
    if (found) return found;
  }
  return figures[0] ?? null;
}

/**
 * What a figure measures, as a grouping key: two figures with the same key
 * count the same thing, so different values for one key are a conflict.
 */
export function measureKey(figure: Pick<Figure, 'subject' | 'action' | 'scope'>): string {
  const action = (figure.action ?? '').trim().toLowerCase();
  return [figure.subject, action, figure.scope.kind, (figure.scope.region ?? '').toLowerCase()].join('|');
}
