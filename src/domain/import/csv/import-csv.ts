/**
 * The loop every CSV format shares: each data row is checked for its field count, read by the format's
 * mapper into our properties, and handed to the incident builder. Issues carry the row's line.
 */
import { fileIssue, type LoadIssue } from '../../issues';
import { buildIncident } from '../build-incident';
import type { LonLat } from '../check-point';
import { IdRegistry } from '../ids';
import { RecordIssues } from '../record-issues';
import { type BuiltRecord, finishImport, type ImportFormat, type ImportResult } from '../result';
import type { CsvTable } from './read-csv';
import { RowCells } from './row-cells';

/** How one CSV format reads a row. */
export interface CsvMapper {
  readonly format: ImportFormat;
  /** The column holding ids, or null (ids are then generated from line numbers). */
  readonly idColumn: string | null;
  /** This format's name for one of our fields, for messages (`date` → `event_date`). */
  fieldName(key: string): string;
  /** Our properties and the point of one row; format-specific problems are reported on `r`. */
  read(row: RowCells, r: RecordIssues): { point: LonLat | null; props: Record<string, unknown> };
}

/** Reads every row of `table` with `mapper`. `file` names the file in issues. */
export function importCsv(table: CsvTable, mapper: CsvMapper, file: string | null): ImportResult {
  const issues: LoadIssue[] = [];
  const { headers } = table;
  const decimalComma = table.delimiter !== ',';
  const idAt = mapper.idColumn === null ? -1 : headers.indexOf(mapper.idColumn);
  const idOf = (cells: readonly string[]) => (idAt < 0 ? '' : (cells[idAt] ?? '').trim());
  const given = table.rows.map((row) => idOf(row.cells)).filter((id) => id !== '');
  const ctx = { strict: false, ids: new IdRegistry(given) };
  const broken = new Map(table.problems.map((p) => [p.line, p.message]));
  const built: BuiltRecord[] = [];
  if (idAt < 0 && table.rows.length > 0) {
    const column = mapper.idColumn ?? 'id';
    issues.push(
      fileIssue(
        file,
        `has no "${column}" column: ids are made from line numbers (line-N), which change if rows are added or reordered`,
        'warning',
      ),
    );
  }
  for (const { line, cells } of table.rows) {
    const place = { kind: 'line' as const, line };
    const r = new RecordIssues(issues, file, place);
    const id = idOf(cells);
    if (id !== '') r.id = id;
    const quote = broken.get(line);
    if (quote !== undefined) {
      r.error(null, quote);
      continue;
    }
    if (cells.length !== headers.length) {
      const what = cells.length > headers.length ? 'too many' : 'too few';
      r.error(
        null,
        `has ${cells.length} fields but the header has ${headers.length} (${what}; a stray delimiter or quote?)`,
      );
      continue;
    }
    const { point, props } = mapper.read(new RowCells(headers, cells, decimalComma), r);
    // The mapper has said what is wrong in this format's terms; the builder would only repeat it.
    if (r.errors > 0) continue;
    const input = {
      id: id === '' ? undefined : id,
      fallbackId: `line-${line}`,
      idsAbsent: idAt < 0,
      point,
      props,
      fieldName: (key: string) => mapper.fieldName(key),
    };
    const incident = buildIncident(input, r, ctx);
    if (incident !== null) built.push({ incident, place });
  }
  // A problem on a line no data row starts at (a quote opened in the header) is about the file.
  for (const p of table.problems) {
    if (!table.rows.some((row) => row.line === p.line))
      issues.push(fileIssue(file, `line ${p.line}: ${p.message}`));
  }
  return finishImport(mapper.format, file, built, issues, table.rows.length);
}
