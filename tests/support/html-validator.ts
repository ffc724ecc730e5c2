/** The html-validate set-up the build tests hold every page to. */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes `<!DOCTYPE html>` in capitals and void elements without a slash: both valid HTML.
    'doctype-style': 'off',
    'void-style': 'off',
    // Long headlines and sentences are content, not markup problems.
    'long-title': 'off',
  },
});

/** html-validate's complaints about one page, as 'rule: message (line n)'; none for a valid page. */
export async function htmlProblems(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`));
}
