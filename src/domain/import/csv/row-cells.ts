/**
 * One CSV row's cells by column name, with the checks every CSV format shares (numbers, counts,
 * coordinates with a decimal point or, in `;`-separated files, a decimal comma). Records which columns
 * were read, so the rest can be kept as attributes.
 */
import type { Attribute } from '../../incident';
import type { RecordIssues } from '../record-issues';

export class RowCells {
  private readonly used = new Set<string>();
  private readonly at = new Map<string, number>();

  /**
   * `headers` as found; `decimalComma`: the file is `;`- or tab-separated, so `33,5` means 33.5.
   * A duplicated header name reads its first column.
   */
  constructor(
    private readonly headers: readonly string[],
    private readonly cells: readonly string[],
    private readonly decimalComma: boolean,
  ) {
    headers.forEach((h, i) => {
      if (!this.at.has(h)) this.at.set(h, i);
    });
  }

  /** The cell of column `name`, trimmed; '' when the column is absent or the cell empty. */
  get(name: string): string {
    this.used.add(name);
    const i = this.at.get(name);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  /** True when the file has column `name`. */
  has(name: string): boolean {
    return this.at.has(name);
  }

  /** A `;`-separated list cell, each part trimmed, empty parts dropped. */
  list(name: string): string[] {
    return this.get(name)
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '');
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
      const value = (this.cells[i] ?? '').trim();
      if (!this.used.has(h) && value !== '' && h !== '') out.push({ label: h, value });
    });
    return out;
  }
}
