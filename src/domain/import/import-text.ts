/**
 * The one entry point for opening a file of any supported format: bytes (or text) in,
 * `{ format, incidents, issues, total, skipped, readable, needsMapping? }` out. Pure and synchronous, so the
 * UI can call it directly or from a worker. Never throws on bad input.
 *
 * Detection: JSON text (first character `{` or `[`) is GeoJSON; otherwise CSV, told apart by its headers —
 * `event_id_cnty` + `event_date` = ACLED, UCDP's signature columns = UCDP GED, anything else = generic CSV
 * (recognised columns, or `options.mapping`). Whole-file problems give one file issue and `readable: false`.
 */
import { fileIssue } from '../issues';
import { type ColumnMapping, completeMapping, guessMapping, missingColumns } from './column-mapping';
import { acledMapper } from './csv/acled';
import { genericMapper } from './csv/generic';
import { type CsvMapper, importCsv } from './csv/import-csv';
import { type CsvRow, readCsv } from './csv/read-csv';
import { UCDP_SIGNATURE, ucdpMapper } from './csv/ucdp';
import { readGeoJson } from './geojson';
import { readJson } from './read-json';
import { FORMAT_LABEL, type ImportFormat, type ImportResult, unreadable } from './result';
import { binaryProblem, decodeUtf8, textProblem } from './sniff';

export interface ImportOptions {
  /** Column mapping for a generic CSV (from the mapping dialog). Ignored for other formats. */
  readonly mapping?: ColumnMapping;
  /** Read as this format instead of detecting it. */
  readonly format?: ImportFormat;
  /** GeoJSON only: the bundled dataset's strict standard. Default false. */
  readonly strict?: boolean;
  /** Refuse files larger than this many bytes (`importBytes` only). Default: no limit. */
  readonly maxBytes?: number;
}

/** The CSV format its headers say, in order of specificity. */
export function csvFormatOf(headers: readonly string[]): Exclude<ImportFormat, 'geojson' | 'arrow'> {
  if (headers.includes('event_id_cnty') && headers.includes('event_date')) return 'acled';
  if (UCDP_SIGNATURE.every((h) => headers.includes(h))) return 'ucdp';
  return 'csv';
}

/** The format of `text`, judged by content first and the file extension second. */
export function detectFormat(text: string, fileName: string): ImportFormat {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return 'geojson';
  if (/\.(geo)?json$/i.test(fileName) && !text.includes(',')) return 'geojson';
  return csvFormatOf(readCsv(text.slice(0, text.indexOf('\n') + 1 || text.length)).headers);
}

function needsMapping(
  headers: readonly string[],
  rows: readonly CsvRow[],
  file: string,
  guess: Partial<ColumnMapping>,
  absent: readonly string[] = [],
): ImportResult {
  const missing = (['latitude', 'longitude', 'date', 'title'] as const).filter((k) => guess[k] === undefined);
  const found = headers.map((h) => JSON.stringify(h)).join(', ');
  const message =
    absent.length > 0
      ? `the column mapping names columns this file does not have (${absent.map((c) => JSON.stringify(c)).join(', ')}; headers found: ${found}); choose which column is which`
      : `the columns for ${missing.join(', ')} were not recognised (headers found: ${found}); choose which column is which`;
  const total = rows.length;
  return {
    format: 'csv',
    incidents: [],
    issues: [fileIssue(file, message)],
    total,
    skipped: total,
    readable: true,
    needsMapping: { headers, guess, sample: rows.slice(0, 5).map((r) => r.cells) },
  };
}

/** The message for a first line with no delimiter in it. */
export const NO_COLUMNS =
  'is not GeoJSON or CSV: its first line has no comma, semicolon or tab between columns';
/** The message for a CSV file with a header and nothing else. */
export const NO_ROWS = 'has a header line but no data rows';

/**
 * How to read the rows of a CSV file with `headers`: its format's mapper, or the result to give instead
 * (the columns must be chosen: `rows` are the data rows read so far, for the mapping dialog's sample).
 */
export function csvMapperFor(
  headers: readonly string[],
  rows: readonly CsvRow[],
  file: string,
  options: ImportOptions,
): { readonly mapper: CsvMapper } | { readonly result: ImportResult } {
  const format = options.format ?? csvFormatOf(headers);
  if (format === 'acled') return { mapper: acledMapper };
  if (format === 'ucdp') return { mapper: ucdpMapper };
  const mapping = options.mapping ?? completeMapping(guessMapping(headers));
  if (mapping === null) return { result: needsMapping(headers, rows, file, guessMapping(headers)) };
  const missing = missingColumns(mapping, headers);
  if (missing.length > 0)
    return { result: needsMapping(headers, rows, file, guessMapping(headers), missing) };
  return { mapper: genericMapper(mapping) };
}

function importCsvText(text: string, file: string, options: ImportOptions): ImportResult {
  const table = readCsv(text);
  if (table.headers.length < 2) return unreadable(file, NO_COLUMNS);
  if (table.rows.length === 0) return unreadable(file, NO_ROWS, 'csv');
  const chosen = csvMapperFor(table.headers, table.rows, file, options);
  return 'result' in chosen ? chosen.result : importCsv(table, chosen.mapper, file);
}

/** Reads `text` (already decoded) named `fileName`. */
export function importText(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem = textProblem(clean);
  if (problem !== null) return unreadable(fileName, problem);
  const format = options.format ?? detectFormat(clean, fileName);
  if (format !== 'geojson') return importCsvText(clean, fileName, { ...options, format });
  const json = readJson(clean);
  if (!json.ok) return unreadable(fileName, json.message, 'geojson');
  return readGeoJson(json.value, { file: fileName, strict: options.strict ?? false });
}

/** Reads a file's bytes: checks they are UTF-8 text of a format we read, then `importText`. */
export function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
  if (bytes.length === 0) {
    return unreadable(
      fileName,
      'is empty (0 bytes): check that the download or export finished, then open it again',
    );
  }
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
    const mb = (n: number) => `${Math.round(n / 1e5) / 10} MB`;
    return unreadable(
      fileName,
      `is ${mb(bytes.length)}, more than the ${mb(options.maxBytes)} this page can open: split it into smaller files, or filter it before exporting`,
    );
  }
  const binary = binaryProblem(bytes);
  if (binary !== null) return unreadable(fileName, binary);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return unreadable(fileName, decoded.message);
  return importText(decoded.text, fileName, options);
}

export { FORMAT_LABEL };
