/**
 * Splits CSV text into rows with papaparse (never by hand), keeping for each row the line where it starts
 * as a text editor counts it: 1-based, and a quoted field that spans lines moves the next row down.
 */
import Papa from 'papaparse';

/** One data row: its cells in header order as found, and the line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A problem papaparse found in the text itself (an unterminated quote). */
export interface CsvProblem {
  readonly line: number;
  readonly message: string;
}

export interface CsvTable {
  readonly delimiter: string;
  readonly headers: readonly string[];
  /** Data rows, blank lines left out (they are not records). */
  readonly rows: readonly CsvRow[];
  readonly problems: readonly CsvProblem[];
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Counts `ch` outside double quotes in `line`. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter, chosen on the header line, which never holds decimal commas: the candidate that occurs
 * most often there (`,` on a tie). Data rows are not used: `33,3;44,4` would count commas.
 */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  let best: string = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = countOutsideQuotes(header, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Parses CSV text (line endings normalised to `\n` first). The first non-blank row is the header. Never
 * throws: an unterminated quote becomes a problem at the line where its row starts.
 */
export function readCsv(rawText: string): CsvTable {
  const text = rawText.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let start = 0; // offset where the next row starts
  let counted = 0; // offset up to which newlines have been counted
  let line = 1; // line number at `counted`
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      for (let i = counted; i < start; i++) if (text.charCodeAt(i) === 10) line++;
      counted = start;
      const rowLine = line;
      start = result.meta.cursor + 1; // the cursor stops before the row's newline
      const cells = result.data;
      for (const error of result.errors) {
        const last = line + (text.slice(counted, result.meta.cursor).match(/\n/g)?.length ?? 0);
        problems.push({
          line: rowLine,
          message:
            error.code === 'MissingQuotes'
              ? `a quoted field opened on this line is never closed, so lines ${rowLine}–${last} were read as one row; close the quote`
              : `${error.message}`,
        });
      }
      if (isBlank(cells)) return;
      if (headers === null) headers = cells.map((h) => h.trim());
      else rows.push({ line: rowLine, cells });
    },
  });
  return { delimiter, headers: headers ?? [], rows, problems };
}
