import { describe, expect, it } from 'vitest';
import { bodyMarkdown, formatArticleFile, isPlainProse, parseArticleFile, readFrontmatter } from '@/domain/article-file';
import { paragraphsToMarkdown } from '@/domain/markdown-body';
import { articleSchema, type Article } from '@/domain/schema';
import { expectedFrontmatter } from './support.ts';

/** A small deterministic generator, so a failure names a reproducible case. */
function* randomStrings(alphabet: string, count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  const characters = [...alphabet];
  for (let index = 0; index < count; index += 1) {
    const length = 1 + (next() % 40);
    yield Array.from({ length }, () => characters[next() % characters.length]).join('');
  }
}

const prose = 'abcXYZ 0123456789.,;:\'"“”‘’—–()$%?/@!…&-éü';
const hostile = `${prose}#*_[]<>\`\\|~=+{}\n\t\u0000\u0007\u2028`;

describe('the Markdown body', () => {
  it('writes plain prose exactly as remark would, and reads it back unchanged', () => {
    let plain = 0;
    for (const text of randomStrings(prose, 3000, 7)) {
      const paragraph = text.trim();
      if (!paragraph || !isPlainProse(paragraph)) continue;
      plain += 1;
      expect(bodyMarkdown([paragraph, 'Second.'])).toBe(paragraphsToMarkdown([paragraph, 'Second.']));
    }
    expect(plain).toBeGreaterThan(1000);
  });

  it.each(['- a list', '1. a list', '3) a list', '# heading', '> quote', '&amp; entity', 'see http://x.example', '*stars*', 'under_score', 'a < b'])(
    'does not treat %j as plain prose',
    (text) => {
      expect(isPlainProse(text)).toBe(false);
    },
  );
});

describe('the frontmatter', () => {
  const seed = expectedFrontmatter('000_8f2de62f41e94ce4.txt');

  it('reads back every string exactly, whatever characters it holds', () => {
    for (const text of randomStrings(hostile, 500, 11)) {
      const article: Article = { ...seed, title: text, dateEvidence: text, outlet: `${text}: #`, dateline: `- ${text}` };
      const back = articleSchema.parse(parseArticleFile(formatArticleFile(article, ['Body.'])).data);
      expect(back).toEqual(article);
    }
  });

  it('writes YAML words that would read as booleans or null in quotes', () => {
    const article: Article = { ...seed, outlet: 'null', dateline: 'yes', title: 'true' };
    const back = parseArticleFile(formatArticleFile(article, ['Body.'])).data;
    expect([back['outlet'], back['dateline'], back['title']]).toEqual(['null', 'yes', 'true']);
  });
});

describe('frontmatter that would run code', () => {
  const probe = '__archiveFrontmatterRan';
  const body = '\nTitle text.\n';
  const attempts = {
    '---js': `---js\n{ title: (globalThis.${probe} = 'js', 'x') }\n---${body}`,
    '---javascript': `---javascript\n{ title: (globalThis.${probe} = 'javascript', 'x') }\n---${body}`,
    '--- js (spaced)': `--- js\n{ title: (globalThis.${probe} = 'spaced', 'x') }\n---${body}`,
    '---coffee': `---coffee\ntitle: (globalThis.${probe} = 'coffee')\n---${body}`,
    'BOM then ---js': `\uFEFF---js\n{ title: (globalThis.${probe} = 'bom', 'x') }\n---${body}`,
  };

  it.each(Object.entries(attempts))('refuses %s without evaluating it', (_name, raw) => {
    expect(() => parseArticleFile(raw)).toThrow(/only YAML frontmatter/);
    expect(() => readFrontmatter(raw)).toThrow(/only YAML frontmatter/);
    expect((globalThis as Record<string, unknown>)[probe]).toBeUndefined();
  });

  it('refuses YAML tags that construct functions or regular expressions', () => {
    for (const tag of ['!!js/function "function () { return 1 }"', '!!js/regexp /a/', '!!js/undefined ""']) {
      expect(() => parseArticleFile(`---\ntitle: ${tag}\n---\nBody.\n`)).toThrow(/unknown tag/);
    }
  });

  it('still reads plain YAML, with trailing spaces after the fence', () => {
    expect(parseArticleFile('---  \ntitle: A title\n---\nBody.\n').data).toEqual({ title: 'A title' });
  });
});
