import { jsonErrorAt } from './json-error-at';

/**
 * `JSON.parse` with a message a person can act on: the line and column of the first error (as a text
 * editor counts them), a hint for a trailing comma, and "truncated" when the text ends too early.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Line and column (both 1-based) of offset `at` in `text`. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** Parses JSON text; never throws. */
export function readJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const found = jsonErrorAt(text);
    if (found === null) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, message: `is not valid JSON (${message})` };
    }
    if (found.truncated) {
      return {
        ok: false,
        message:
          'is truncated: the JSON ends before it is complete (an interrupted download?); download it again',
      };
    }
    const { at } = found;
    const { line, column } = lineColumn(text, at);
    const before = text.slice(0, at).trimEnd();
    const hint =
      before.endsWith(',') && /^\s*[}\]]/.test(text.slice(at))
        ? ' (a trailing comma, which JSON does not allow)'
        : '';
    return { ok: false, message: `is not valid JSON: error at line ${line}, column ${column}${hint}` };
  }
}
