/**
 * Ingest's report is one line per article, refusal and note, read by people
 * and by scripts: a file name with a newline in it must not split a line, and
 * one with terminal escapes must not rewrite the screen. Control characters
 * (C0, DEL, C1, and the Unicode line and paragraph separators) are written as
 * escapes; a backslash is left as is, since paths hold them on some systems.
 */

const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape (\n, \r, \t, \xNN, \uNNNN): always one line. */
export function printable(text: string): string {
  return text.replace(control, (character) => {
    const code = character.charCodeAt(0);
    return named[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
