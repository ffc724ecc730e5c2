/**
 * When a search gets its own browser history entry. Typing updates one draft
 * entry in place; pressing Enter, choosing a filter or a sort, or leaving the
 * box commits it, and the next change starts a new entry. So the back button
 * steps through searches, not keystrokes. Pure: the caller applies the step.
 */

/** What the page stores in history.state. */
export interface HistoryMark {
  /** True while the entry is still being typed. */
  draft: boolean;
}

export type HistoryStep = { action: 'none' } | { action: 'push' | 'replace'; url: string; mark: HistoryMark };

/** True when history.state is an entry this page marked as a draft. */
export function isDraft(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Partial<HistoryMark>).draft === true;
}

/**
 * The history step for moving from the current entry (its URL and state) to
 * `url`, either while typing or as a committed search.
 */
export function historyStep(currentUrl: string, currentState: unknown, url: string, kind: 'typing' | 'commit'): HistoryStep {
  const draft = isDraft(currentState);
  const mark: HistoryMark = { draft: kind === 'typing' };
  if (url === currentUrl) return draft && kind === 'commit' ? { action: 'replace', url, mark } : { action: 'none' };
  return { action: draft ? 'replace' : 'push', url, mark };
}
