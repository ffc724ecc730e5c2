/**
 * Would the build accept this copy? Ingest keeps a copy edited by hand as it
 * is, and a kept copy the build refuses (malformed YAML, a bad slug, an
 * impossible date, a figure quoting a sentence the body no longer has) would
 * fail the next build far from the edit. Ingest checks each copy it keeps
 * with the rules the article loader (src/lib/article-loader.ts) applies, and
 * refuses it by name. Pure: the caller reads the file.
 */
import { parseArticleFile } from '../article-file.ts';
import { articleSchema, describeSchemaError, type Article } from '../schema.ts';
import { splitSentences } from '../sentences.ts';
import { figureSentenceNumbers } from '../story-sentences.ts';

export type CopyCheck = { ok: true; article: Article } | { ok: false; reason: string };

/** The loader's verdict on a copy's text: its validated frontmatter, or why the build would refuse it. */
export function checkCopy(raw: string): CopyCheck {
  let file;
  try {
    file = parseArticleFile(raw);
  } catch (error) {
    return { ok: false, reason: `cannot read its frontmatter: ${(error as Error).message.split('\n')[0]}` };
  }
  const checked = articleSchema.safeParse(file.data);
  if (!checked.success) return { ok: false, reason: `its frontmatter does not fit the article schema: ${describeSchemaError(checked.error)}` };
  const missing = figureSentenceNumbers(file.paragraphs.map(splitSentences), checked.data.figures).findIndex((number) => number === null);
  if (missing >= 0) return { ok: false, reason: `figures.${missing}.sentence is not a sentence of the body, so the figure cannot cite it` };
  return { ok: true, article: checked.data };
}
