/**
 * HTML built as strings, for the archive's long lists and tables (a figures
 * page has 1,000 rows, a timeline every story): Astro renders each
 * expression of a template through its async renderer, about 35 µs a table
 * row, where a string template takes 3. Every value interpolated into `html`
 * is escaped, unless it is itself Html made by this tag, so article text can
 * never become markup. Interpolate attribute values only inside double quotes.
 */

/** Markup made by `html`: safe to insert as it is (Astro: `set:html={fragment.value}`). */
export class Html {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: nothing (null, undefined, false), text, a number, markup, or a list of them. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const special = /[&<>'"]/g;
/** The same characters, for a test with no state: most text has none of them and is returned as it is. */
const anySpecial = /[&<>'"]/;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text made safe for an element's content or a double-quoted attribute value (the five characters Astro escapes). */
export function escapeHtml(text: string): string {
  return anySpecial.test(text) ? text.replace(special, (char) => entities[char]!) : text;
}

function serialise(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value as readonly HtmlValue[]) out += serialise(item);
    return out;
  }
  return escapeHtml(String(value));
}

/** A template of markup whose interpolated values are escaped (see HtmlValue). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += serialise(values[i]) + strings[i + 1]!;
  return new Html(out);
}
