/** Where the article copies are: content/articles/, or ARCHIVE_ARTICLES (the benchmark builds generated archives). */
export function articlesFolder(env: Record<string, string | undefined>): string {
  return env['ARCHIVE_ARTICLES'] ?? 'content/articles';
}
