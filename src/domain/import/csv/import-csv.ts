/**
 * The loop every CSV format shares: each data row is checked for its field count, read by the format's
 * mapper into our properties, and handed to the incident builder. Issues carry the row's line.
 */
import type { Incident } from '../../incident';
import { fileIssue, type LoadIssue } from '../../issues';
import { buildIncident } from '../build-incident';
import type { LonLat } from '../check-point';
import { IdRegistry } from '../ids';
import { RecordIssues } from '../record-issues';
import { type BuiltRecord, finishImport, type ImportFormat, type ImportResult } from '../result';
import type { CsvTable } from './read-csv';
import { columnIndex, RowCells } from './row-cells';

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

/** What reading the rows of one CSV file needs: its header, how numbers are written, and its format. */
export interface CsvRowSetup {
  readonly headers: readonly string[];
  readonly mapper: CsvMapper;
  readonly file: string | null;
  /** Decimal commas (`33,3`): the delimiter is not a comma. */
  readonly decimalComma: boolean;
  /** The id column's index, or -1 (ids are then made from line numbers). */
  readonly idAt: number;
  /** Each column name's index (`columnIndex`). */
  readonly columns: ReadonlyMap<string, number>;
}

export function csvRowSetup(
  headers: readonly string[],
  delimiter: string,
  mapper: CsvMapper,
  file: string | null,
): CsvRowSetup {
  const idAt = mapper.idColumn === null ? -1 : headers.indexOf(mapper.idColumn);
  return { headers, mapper, file, decimalComma: delimiter !== ',', idAt, columns: columnIndex(headers) };
}

/** The id a row states (trimmed), or '' when it states none. */
export function rowId(setup: CsvRowSetup, cells: readonly string[]): string {
  return setup.idAt < 0 ? '' : (cells[setup.idAt] ?? '').trim();
}

/** The warning of a file without an id column (given before its rows' problems). */
export function idColumnWarning(setup: CsvRowSetup): LoadIssue {
  const column = setup.mapper.idColumn ?? 'id';
  return fileIssue(
    setup.file,
    `has no "${column}" column: ids are made from line numbers (line-N), which change if rows are added or reordered`,
    'warning',
  );
}

/**
 * Reads one data row (starting on `line`; `problem`: papaparse's, if any) into an incident, with its
 * problems added to `issues`; null when it does not load.
 */
export function readRow(
  setup: CsvRowSetup,
  line: number,
  cells: readonly string[],
  problem: string | null,
  issues: LoadIssue[],
  ids: IdRegistry,
): Incident | null {
  const { headers, mapper, file } = setup;
  const r = new RecordIssues(issues, file, { kind: 'line', line });
  const id = rowId(setup, cells);
  if (id !== '') r.id = id;
  if (problem !== null) {
    r.error(null, problem);
    return null;
  }
  if (cells.length !== headers.length) {
    const what = cells.length > headers.length ? 'too many' : 'too few';
    r.error(
      null,
      `has ${cells.length} fields but the header has ${headers.length} (${what}; a stray delimiter or quote?)`,
    );
    return null;
  }
  const { point, props } = mapper.read(new RowCells(headers, cells, setup.decimalComma, setup.columns), r);
  // The mapper has said what is wrong in this format's terms; the builder would only repeat it.
  if (r.errors > 0) return null;
  const input = {
    id: id === '' ? undefined : id,
    fallbackId: `line-${line}`,
    idsAbsent: setup.idAt < 0,
    point,
    props,
    fieldName: (key: string) => mapper.fieldName(key),
  };
  return buildIncident(input, r, { strict: false, ids });
}

/** Reads every row of `table` with `mapper`. `file` names the file in issues. */
export function importCsv(table: CsvTable, mapper: CsvMapper, file: string | null): ImportResult {
  const issues: LoadIssue[] = [];
  const setup = csvRowSetup(table.headers, table.delimiter, mapper, file);
  const given = table.rows.map((row) => rowId(setup, row.cells)).filter((id) => id !== '');
  const ids = new IdRegistry(given);
  const broken = new Map(table.problems.map((p) => [p.line, p.message]));
  const built: BuiltRecord[] = [];
  if (setup.idAt < 0 && table.rows.length > 0) issues.push(idColumnWarning(setup));
  for (const { line, cells } of table.rows) {
    const incident = readRow(setup, line, cells, broken.get(line) ?? null, issues, ids);
    if (incident !== null) built.push({ incident, place: { kind: 'line', line } });
  }
  // A problem on a line no data row starts at (a quote opened in the header) is about the file.
  for (const p of table.problems) {
    if (!table.rows.some((row) => row.line === p.line))
      issues.push(fileIssue(file, `line ${p.line}: ${p.message}`));
  }
  return finishImport(mapper.format, file, built, issues, table.rows.length);
}
