/**
 * A CSV file (ACLED, UCDP GED or any other) read as its bytes arrive, straight into the columnar store:
 * rows are cut as the text comes (csv-stream.ts), each is read as `importCsv` reads it (`readRow`) and
 * added to a DatasetBuilder, then dropped. The file is never one string and never a table of rows, so an
 * ACLED export of a million events loads like a GeoJSON of as many features. The result is what
 * `importBytes` followed by `deriveDataset` gives for the same bytes: the same problems in the same order,
 * the same counts, the same arrays.
 *
 * Ids: a row without one cannot be named until every id of the file is known (a generated `line-12` must
 * not take the id a later row states), so it is named when the rows end, as a streamed GeoJSON feature is.
 */
import { DatasetBuilder } from '../../dataset';
import type { Incident } from '../../incident';
import { fileIssue, type LoadIssue } from '../../issues';
import type { PointTrail } from '../../point-trail';
import { missingIdMessage } from '../build-incident';
import { LaterIds } from '../ids';
import { csvMapperFor, type ImportOptions, NO_COLUMNS, NO_ROWS } from '../import-text';
import { type DerivedImport, type ImportResult, OutsideCheck, unreadable } from '../result';
import { utf8Problem } from '../sniff';
import { CsvRowStream } from './csv-stream';
import { type CsvRowSetup, csvRowSetup, idColumnWarning, readRow, rowId } from './import-csv';

/** A data row kept for the sample, with papaparse's problem with it. */
interface HeldRow {
  readonly line: number;
  readonly cells: readonly string[];
  readonly problem: string | null;
}

export interface CsvStoreOptions extends ImportOptions {
  /** Keeps each incident's position as it is added, for a preview while the file is read. */
  readonly trail?: PointTrail | null;
  /** Hears each incident added to the store, in order (the loading worker keeps its record). */
  readonly onIncident?: (incident: Incident) => void;
}

/** Rows kept for the mapping dialog's sample when the columns must be chosen. */
const SAMPLE_ROWS = 5;

export class CsvStoreImport {
  private readonly rows: CsvRowStream;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly builder: DatasetBuilder;
  private readonly ids = new LaterIds([]);
  private readonly issues: LoadIssue[] = [];
  /** Problems on lines no data row starts on: about the file, given after the rows' own. */
  private readonly stray: { line: number; message: string }[] = [];
  /** Rows without an id: the base handed out, the issue that says so (or -1), their position (or -1). */
  private readonly unnamed: { base: string; issue: number; position: number }[] = [];
  private readonly outside = new OutsideCheck();
  /** The header, until the way its rows are read is chosen. */
  private pendingHeader: { headers: readonly string[]; delimiter: string } | null = null;
  private setup: CsvRowSetup | null = null;
  /** The rows read while the columns are still to be chosen (at most SAMPLE_ROWS). */
  private sample: HeldRow[] | null = null;
  private finished: ImportResult | null = null;
  private problem: string | null = null;
  /** Bytes decoded so far, and the last few of them (a character may continue past a piece's end). */
  private bytes = 0;
  private tail: Uint8Array = new Uint8Array(0);
  private started = false;
  /** Only white space so far. */
  private blank = true;
  private total = 0;
  private loaded = 0;

  constructor(
    private readonly file: string,
    private readonly options: CsvStoreOptions = {},
  ) {
    this.builder = new DatasetBuilder(options.trail ?? null);
    this.rows = new CsvRowStream({
      onHeader: (headers, delimiter) => this.header(headers, delimiter),
      onRow: (line, cells, problem) => this.row(line, cells, problem),
      onStrayProblem: (line, message) => this.stray.push({ line, message }),
    });
  }

  /** True once nothing more is needed: the file is unusable, or its columns must be chosen first. */
  get done(): boolean {
    return this.problem !== null || this.finished !== null;
  }

  /** Data rows read so far, for progress. */
  get rowCount(): number {
    return this.total;
  }

  /** The next bytes. Never throws on bad data. */
  push(chunk: Uint8Array): void {
    if (this.done) return;
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      this.problem = utf8Problem(this.unreadableAt(chunk));
      return;
    }
    this.tail = chunk.subarray(Math.max(0, chunk.length - 3));
    this.bytes += chunk.length;
    this.text(text);
  }

  /**
   * Where the bytes stop being UTF-8, when decoding `chunk` (the next bytes) failed: the first byte beyond
   * ASCII in it or in the end of the piece before, where a sequence cut short may have begun.
   */
  private unreadableAt(chunk: Uint8Array): number {
    const from = this.bytes - this.tail.length;
    const bytes = [...this.tail, ...chunk.subarray(0, 4096)];
    const k = bytes.findIndex((b) => b >= 0x80);
    return k < 0 ? this.bytes : from + k;
  }

  /** Ends the bytes and gives the columnar store, or why there is none. Never throws on bad data. */
  end(): DerivedImport | ImportResult {
    if (this.problem === null && this.finished === null) {
      try {
        this.text(this.decoder.decode());
      } catch {
        this.problem = utf8Problem(this.unreadableAt(new Uint8Array(0)));
      }
      if (this.problem === null) this.rows.end();
    }
    if (this.problem !== null) return unreadable(this.file, this.problem);
    if (this.sample !== null) this.chooseMapper(true);
    if (this.finished !== null) return this.finished;
    if (this.setup === null) return unreadable(this.file, this.blank ? 'is empty' : NO_COLUMNS);
    if (this.total === 0) return unreadable(this.file, NO_ROWS, 'csv');
    return this.derived(this.setup);
  }

  private text(text: string): void {
    if (text === '') return;
    if (this.blank && text.trim() !== '') this.blank = false;
    if (!this.started) {
      this.started = true;
      this.rows.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } else this.rows.push(text);
  }

  private header(headers: readonly string[], delimiter: string): void {
    if (headers.length < 2) {
      this.problem = NO_COLUMNS;
      return;
    }
    this.sample = [];
    this.pendingHeader = { headers, delimiter };
    this.chooseMapper(false);
  }

  /**
   * Chooses how rows are read once the header is known. A generic CSV whose columns are not recognised
   * needs the first rows as a sample for the mapping dialog: until it has them (or the rows end, `atEnd`)
   * the choice waits; then the result to give instead of a store is `finished`.
   */
  private chooseMapper(atEnd: boolean): void {
    const header = this.pendingHeader;
    const sample = this.sample;
    if (header === null || sample === null) return;
    const chosen = csvMapperFor(header.headers, sample, this.file, this.options);
    if ('result' in chosen) {
      if (sample.length < SAMPLE_ROWS && !atEnd) return; // gather the sample first
      this.finished = sample.length === 0 ? unreadable(this.file, NO_ROWS, 'csv') : chosen.result;
      return;
    }
    this.pendingHeader = null;
    this.sample = null;
    this.setup = csvRowSetup(header.headers, header.delimiter, chosen.mapper, this.file);
    for (const row of sample) this.read(this.setup, row.line, row.cells, row.problem);
  }

  private row(line: number, cells: readonly string[], problem: string | null): void {
    if (this.done) return;
    if (this.setup !== null) {
      this.read(this.setup, line, cells, problem);
      return;
    }
    this.sample?.push({ line, cells, problem });
    this.chooseMapper(false);
  }

  /** Reads one data row into the store (or its problems into the issues). */
  private read(setup: CsvRowSetup, line: number, cells: readonly string[], problem: string | null): void {
    if (this.total === 0 && setup.idAt < 0) this.issues.push(idColumnWarning(setup));
    this.total++;
    const issue = this.issues.length; // a missing id is the first problem `readRow` reports
    const incident = readRow(setup, line, cells, problem, this.issues, this.ids);
    const base = this.ids.pending.pop();
    const position = incident === null ? -1 : this.loaded;
    // Without an id column every id is made from its line, and no row is told so.
    if (base !== undefined) this.unnamed.push({ base, issue: setup.idAt < 0 ? -1 : issue, position });
    if (incident === null) {
      // Every id the file states is known before any is generated (at the end).
      const id = rowId(setup, cells);
      if (id !== '' && !this.ids.isTaken(id)) this.ids.give(id);
      return;
    }
    this.loaded++;
    this.builder.add(incident);
    this.outside.add(incident);
    this.options.onIncident?.(incident);
  }

  private derived(setup: CsvRowSetup): DerivedImport {
    for (const { base, issue, position } of this.unnamed) {
      const id = this.ids.generateNow(base);
      if (id === base) continue;
      if (position >= 0) this.builder.setId(position, id);
      const said = this.issues[issue];
      if (said !== undefined) this.issues[issue] = { ...said, message: missingIdMessage(id) };
    }
    const derived = this.builder.finish();
    for (const { line, message } of this.stray)
      this.issues.push(fileIssue(this.file, `line ${line}: ${message}`));
    this.outside.report(this.file, this.issues);
    return {
      format: setup.mapper.format,
      derived,
      issues: this.issues,
      total: this.total,
      skipped: this.total - this.loaded,
      readable: true,
      featureOf: new Uint32Array(0),
    };
  }
}
