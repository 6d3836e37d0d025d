/**
 * CSV rows from text that arrives in pieces: the same rows, lines and problems `readCsv` gives for the
 * whole text, without ever holding it. papaparse parses what has arrived; its last row may be cut short, so
 * it is held back and parsed again with the next piece (papaparse's own streaming does the same). Line
 * endings are normalised to `\n` across pieces (a `\r` at a piece's end waits for the next).
 */
import Papa from 'papaparse';
import { detectDelimiter } from './read-csv';

export interface CsvRowEvents {
  /** The header row (the first row that is not blank), trimmed, and the delimiter chosen on it. */
  onHeader(headers: readonly string[], delimiter: string): void;
  /** A data row (blank rows are left out), the line it starts on, and papaparse's problem with it, if any. */
  onRow(line: number, cells: readonly string[], problem: string | null): void;
  /** A problem on a line where no data row starts (a quote opened in the header, or on a blank row). */
  onStrayProblem(line: number, message: string): void;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export class CsvRowStream {
  /** Text not parsed for good yet: the last row, perhaps cut short, and what followed it. */
  private pending = '';
  /** The line `pending` starts on. */
  private line = 1;
  private delimiter: string | null = null;
  private header = false;
  private carriage = false;
  private ended = false;

  constructor(private readonly events: CsvRowEvents) {}

  /** The next piece of text (after the first, never starting with a byte order mark). */
  push(text: string): void {
    if (this.ended) throw new Error('CsvRowStream: push after end');
    this.pending += this.normalised(text);
    if (this.delimiter === null) {
      if (!this.pending.includes('\n')) return; // the header line is not complete yet
      this.delimiter = detectDelimiter(this.pending);
    }
    this.parse(false);
  }

  /** The text has ended: the rows held back are read for good. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.carriage) this.pending += '\n';
    this.carriage = false;
    this.delimiter ??= detectDelimiter(this.pending);
    this.parse(true);
  }

  /** `\r\n` and `\r` as `\n`; a `\r` at the end waits, as the next piece may start with its `\n`. */
  private normalised(text: string): string {
    let piece = this.carriage ? `\r${text}` : text;
    this.carriage = piece.endsWith('\r');
    if (this.carriage) piece = piece.slice(0, -1);
    return piece.replace(/\r\n?/g, '\n');
  }

  /** Parses `pending`; unless `last`, its last row stays pending (it may continue in the next piece). */
  private parse(last: boolean): void {
    const text = this.pending;
    if (text === '') return;
    const rows: { start: number; end: number; cells: string[]; problem: string | null }[] = [];
    let start = 0;
    Papa.parse<string[]>(text, {
      delimiter: this.delimiter ?? ',',
      newline: '\n',
      skipEmptyLines: false,
      step: (result) => {
        const end = result.meta.cursor; // just after the row's newline: where the next row starts
        const problem = result.errors.at(-1); // the last, as readCsv keeps per line
        rows.push({
          start,
          end,
          cells: result.data,
          problem:
            problem === undefined
              ? null
              : problem.code === 'MissingQuotes'
                ? 'MissingQuotes'
                : problem.message,
        });
        start = end;
      },
    });
    const keep = last ? rows.length : rows.length - 1;
    let counted = 0;
    let line = this.line;
    for (let k = 0; k < keep; k++) {
      const row = rows[k] as (typeof rows)[number];
      for (let i = counted; i < row.start; i++) if (text.charCodeAt(i) === 10) line++;
      counted = row.start;
      this.emit(line, row.cells, row.problem, text, row.start, row.end);
    }
    const rest = keep < rows.length ? (rows[keep] as (typeof rows)[number]).start : text.length;
    for (let i = counted; i < rest; i++) if (text.charCodeAt(i) === 10) line++;
    this.line = line;
    this.pending = text.slice(rest);
  }

  private emit(
    line: number,
    cells: string[],
    problem: string | null,
    text: string,
    start: number,
    end: number,
  ): void {
    let message = problem;
    if (problem === 'MissingQuotes') {
      let last = line;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) last++;
      message = `a quoted field opened on this line is never closed, so lines ${line}–${last} were read as one row; close the quote`;
    }
    if (isBlank(cells) || !this.header) {
      if (message !== null) this.events.onStrayProblem(line, message);
      if (isBlank(cells)) return;
      this.header = true;
      this.events.onHeader(
        cells.map((h) => h.trim()),
        this.delimiter ?? ',',
      );
      return;
    }
    this.events.onRow(line, cells, message);
  }
}
