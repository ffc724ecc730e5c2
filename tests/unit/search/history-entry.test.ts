import { describe, expect, it } from 'vitest';
import { historyStep, isDraft } from '@/scripts/search/history-entry';

const committed = null;
const draft = { draft: true };

describe('history steps for searches', () => {
  it('starts a new entry when typing after a committed search', () => {
    expect(historyStep('/search/?q=charlotte', committed, '/search/?q=r', 'typing')).toEqual({ action: 'push', url: '/search/?q=r', mark: { draft: true } });
  });

  it('updates the same entry while typing goes on', () => {
    expect(historyStep('/search/?q=r', draft, '/search/?q=re', 'typing')).toEqual({ action: 'replace', url: '/search/?q=re', mark: { draft: true } });
  });

  it('commits the typed entry in place on Enter or leaving the box', () => {
    expect(historyStep('/search/?q=recovered', draft, '/search/?q=recovered', 'commit')).toEqual({
      action: 'replace',
      url: '/search/?q=recovered',
      mark: { draft: false },
    });
  });

  it('gives a filter change on a committed search its own entry', () => {
    expect(historyStep('/search/?q=recovered', { draft: false }, '/search/?q=recovered&year=2017', 'commit')).toEqual({
      action: 'push',
      url: '/search/?q=recovered&year=2017',
      mark: { draft: false },
    });
  });

  it('does nothing when the URL is unchanged and already committed', () => {
    expect(historyStep('/search/?q=x', committed, '/search/?q=x', 'commit')).toEqual({ action: 'none' });
    expect(historyStep('/search/?q=x', draft, '/search/?q=x', 'typing')).toEqual({ action: 'none' });
  });

  it('reads only its own marks as drafts', () => {
    expect(isDraft({ draft: true })).toBe(true);
    expect(isDraft({ draft: 'yes' })).toBe(false);
    expect(isDraft(null)).toBe(false);
    expect(isDraft('draft')).toBe(false);
  });
});
