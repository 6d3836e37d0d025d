/**
 * One CSV row's cells by column name, with the checks every CSV format shares (numbers, counts,
 * coordinates with a decimal point or, in `;`-separated files, a decimal comma). Records which columns
 * were read, so the rest can be kept as attributes.
 */
import type { Attribute } from '../../incident';
import type { RecordIssues } from '../record-issues';

/** Each column name's index (a duplicated header name: its first column), made once per file. */
export function columnIndex(headers: readonly string[]): ReadonlyMap<string, number> {
  const at = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!at.has(h)) at.set(h, i);
  });
  return at;
}

export class RowCells {
  /** Per column, 1 once read by name (a duplicated name marks its first column). */
  private readonly used: Uint8Array;

  /**
   * `headers` as found; `decimalComma`: the file is `;`- or tab-separated, so `33,5` means 33.5.
   * A duplicated header name reads its first column. `at`: `columnIndex(headers)`, when the caller keeps it
   * for every row of the file.
   */
  constructor(
    private readonly headers: readonly string[],
    private readonly cells: readonly string[],
    private readonly decimalComma: boolean,
    private readonly at: ReadonlyMap<string, number> = columnIndex(headers),
  ) {
    this.used = new Uint8Array(headers.length);
  }

  /** The cell of column `name`, trimmed; '' when the column is absent or the cell empty. */
  get(name: string): string {
    const i = this.at.get(name);
    if (i === undefined) return '';
    this.used[i] = 1;
    return (this.cells[i] ?? '').trim();
  }

  /** True when the file has column `name`. */
  has(name: string): boolean {
    return this.at.has(name);
  }

  /** A `;`-separated list cell, each part trimmed, empty parts dropped. */
  list(name: string): string[] {
    const out: string[] = [];
    for (const part of this.get(name).split(';')) {
      const p = part.trim();
      if (p !== '') out.push(p);
    }
    return out;
  }

  /** A decimal number; null after reporting when missing or malformed. */
  number(r: RecordIssues, name: string): number | null {
    const text = this.get(name);
    if (text === '') {
      r.error(name, 'missing');
      return null;
    }
    const normal = this.decimalComma ? text.replace(',', '.') : text;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal)) {
      const hint =
        !this.decimalComma && /^[+-]?\d+,\d+$/.test(text)
          ? ' (a decimal comma in a comma-separated file?)'
          : '';
      r.error(name, `${JSON.stringify(text)} is not a number${hint}`);
      return null;
    }
    return Number(normal);
  }

  /** A count of people: '' → null (not reported); a whole number ≥ 0; undefined after reporting otherwise. */
  count(r: RecordIssues, name: string): number | null | undefined {
    const text = this.get(name);
    if (text === '') return null;
    if (!/^\d+$/.test(text)) {
      r.error(name, `${JSON.stringify(text)} is not a whole number of people, 0 or more`);
      return undefined;
    }
    return Number(text);
  }

  /** Every column not read so far with a non-empty cell, as `{ label: header, value }`, in file order. */
  rest(): Attribute[] {
    const out: Attribute[] = [];
    this.headers.forEach((h, i) => {
      if (h === '' || this.used[this.at.get(h) ?? i] === 1) return;
      const value = (this.cells[i] ?? '').trim();
      if (value !== '') out.push({ label: h, value });
    });
    return out;
  }
}
