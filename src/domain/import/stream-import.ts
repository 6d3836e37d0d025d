/**
 * Imports a file that arrives in chunks. A GeoJSON FeatureCollection is split into features as the bytes
 * arrive (feature-stream.ts) and each is parsed on its own, so a file of any size is never one string;
 * anything else (CSV, or a file that turns out not to be a collection) is gathered and read by
 * `importBytes`, within the text limit. The result is the same `ImportResult` every importer gives.
 */
import { DatasetBuilder } from '../dataset';
import type { Incident } from '../incident';
import { fileIssue, type LoadIssue } from '../issues';
import type { PointTrail } from '../point-trail';
import { CsvStoreImport } from './csv/csv-store';
import { FeatureStream } from './feature-stream';
import { documentNotes, FeatureReader, named, readGeoJson } from './geojson';
import { detectFormat, type ImportOptions, importBytes } from './import-text';
import { type DerivedImport, type ImportResult, unreadable } from './result';
import { binaryProblem, textProblem } from './sniff';

export const STREAM_LIMITS = {
  // bytes: the longest text read whole (CSV and other non-collection input). Chromium cannot hold a
  // string over ~2^29 characters; stop well before.
  maxTextBytes: 500 * 1024 * 1024,
  // bytes of a streamed GeoJSON kept to re-read it whole when it proves to be invalid JSON, for an
  // exact line and column; a larger file reports the feature number instead.
  keepForDiagnosis: 64 * 1024 * 1024,
  // bytes: the largest GeoJSON read as a stream. Each incident takes memory once parsed (~1–2 KB), so a
  // file beyond this would exhaust a browser tab before it finished; split it instead.
  maxStreamBytes: 2 * 1024 * 1024 * 1024,
  // bytes: deriving a store (`store`, `elsewhere`), a text file that is not JSON and is at least this long
  // is looked at once its first bytes are here: CSV is then read as it arrives (csv/csv-store.ts), so no
  // CSV file is ever one string; a shorter one is read whole.
  csvStreamFrom: 64 * 1024,
} as const;

/** The message for text too large to read whole. */
function tooMuchText(size: number): string {
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} MB`;
  return `is ${mb(size)} of text, more than this browser can read as one file (limit ${mb(STREAM_LIMITS.maxTextBytes)}): split it into smaller files and open them together, or convert it to GeoJSON, which is read as it arrives`;
}

/** The message for input larger than a tab can hold as incidents. */
const tooLarge = () =>
  `is more than ${STREAM_LIMITS.maxStreamBytes / 2 ** 30} GB, more than a browser tab can hold as incidents: split it into smaller files and open them together`;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** How a streamed FeatureCollection's features are read. */
export type FeatureReading =
  /** Each feature becomes an incident, all kept (`end`). */
  | 'incidents'
  /** Each feature is added to the columnar store and dropped (`endDerived`). */
  | 'store'
  /**
   * Features are only cut out here and read by the caller elsewhere (another worker) from
   * `onFeatureBytes`; it reports a feature that is not JSON with `failedAt` and finishes with
   * `endElsewhere`.
   */
  | 'elsewhere';

export interface StreamOptions {
  /** The size announced before the bytes (Content-Length, file size), when known. */
  readonly declaredSize?: number | null;
  /**
   * Hears each streamed feature's bytes, in order (views valid only during the call), and where they
   * begin in the input (bytes from its start), so a caller can keep or find a feature's exact text without
   * encoding it again (the loading worker's records).
   */
  readonly onFeatureBytes?: (bytes: readonly Uint8Array[], start: number) => void;
  /** Default `incidents`. */
  readonly reading?: FeatureReading;
  /** Deriving a store here: keeps each incident's position, for a preview. */
  readonly trail?: PointTrail | null;
  /** A CSV read as it arrives: hears each incident added to the store, in order (for its record). */
  readonly onIncident?: (incident: Incident) => void;
}

/** A streamed FeatureCollection whose features were read elsewhere: what the document says around them. */
export interface FeaturesElsewhere {
  readonly kind: 'elsewhere';
  /** The document's own problems, to put before those of its features. */
  readonly notes: LoadIssue[];
  /** The top-level members but `features`, parsed (its `name`, for `named`). */
  readonly collection: Record<string, unknown>;
}

export class StreamingImport {
  private mode: 'sniffing' | 'geojson' | 'whole' | 'csv' = 'sniffing';
  /** A CSV read as it arrives (mode `csv`). */
  private csv: CsvStoreImport | null = null;
  /** Whole, for now: a text that may prove to be CSV once `csvStreamFrom` bytes are here. */
  private maybeCsv = false;
  private readonly kept: Uint8Array[] = [];
  private keptBytes = 0;
  private keeping = true;
  /** Elsewhere: features cut before the kept bytes passed their limit, and how many were read since. */
  private cutWhileKept: number | null = null;
  private readElsewhere = 0;
  private stream: FeatureStream | null = null;
  private reader: FeatureReader;
  private problem: string | null = null;
  private readonly reading: FeatureReading;
  /** Bytes received so far. */
  received = 0;

  constructor(
    private readonly fileName: string,
    private readonly options: ImportOptions = {},
    private readonly streamOptions: StreamOptions = {},
  ) {
    this.reading = streamOptions.reading ?? 'incidents';
    this.reader = this.newReader();
  }

  private newReader(): FeatureReader {
    const trail = this.streamOptions.trail ?? null;
    return new FeatureReader(
      this.geoJsonOptions(),
      this.reading === 'store' ? new DatasetBuilder(trail) : null,
    );
  }

  private geoJsonOptions() {
    return { file: this.fileName, strict: this.options.strict ?? false };
  }

  /** True once the input is known to be unusable: the reader can stop early, `end()` says why. */
  get failed(): boolean {
    return this.problem !== null;
  }

  /**
   * True once no more input is needed: it is unusable (`failed`), or a CSV's columns must be chosen before
   * its rows can be read. `end()` says which.
   */
  get stopped(): boolean {
    return this.failed || (this.csv?.done ?? false);
  }

  /** True when the input was read as a stream of features (each was given to `onFeatureBytes`). */
  get streamed(): boolean {
    return this.mode === 'geojson';
  }

  /** True when the input is a CSV read as it arrives (`featureCount` counts its rows). */
  get readsRows(): boolean {
    return this.mode === 'csv';
  }

  /** Features split off (GeoJSON) or rows read (CSV read as it arrives) so far, for progress. */
  get featureCount(): number {
    return this.stream?.count ?? this.csv?.rowCount ?? 0;
  }

  /**
   * Elsewhere: the reader elsewhere has read `count` features in all, so the bytes kept to diagnose one of
   * them that is not JSON can go once it is past those it could have diagnosed.
   */
  readThrough(count: number): void {
    this.readElsewhere = count;
    if (this.cutWhileKept !== null && count >= this.cutWhileKept) this.dropKept();
  }

  /**
   * Elsewhere: feature `feature` (from 1) could not be read, with `why`: its bytes are not UTF-8 (`utf8`
   * false) or not JSON. The input is unusable, and `endElsewhere` says so as reading it here would have.
   */
  failedAt(feature: number, why: string, utf8 = true): void {
    if (this.problem !== null) return;
    const diagnosable = this.cutWhileKept === null || feature <= this.cutWhileKept;
    this.problem = this.jsonProblem(new SyntaxError(why), utf8 ? feature : undefined, diagnosable);
  }

  /** Feeds the next chunk. Never throws. */
  push(chunk: Uint8Array): void {
    this.received += chunk.length;
    if (this.problem !== null) return;
    if (this.mode === 'csv') {
      if (this.received > STREAM_LIMITS.maxStreamBytes) this.problem = tooLarge();
      else this.csv?.push(chunk);
      return;
    }
    if (this.mode === 'sniffing') this.sniff(chunk);
    if (this.keeping && this.cutWhileKept === null) {
      this.kept.push(chunk);
      this.keptBytes += chunk.length;
      const limit = this.mode === 'geojson' ? STREAM_LIMITS.keepForDiagnosis : STREAM_LIMITS.maxTextBytes;
      if (this.keptBytes > limit) {
        if (this.mode !== 'geojson') {
          this.problem = tooMuchText(this.streamOptions.declaredSize ?? this.keptBytes);
          this.dropKept();
        } else if (this.reading !== 'elsewhere') this.dropKept();
        else {
          // The features cut so far may still prove not to be JSON elsewhere: keep their bytes until read.
          this.cutWhileKept = this.featureCount;
          this.readThrough(this.readElsewhere);
        }
      }
    }
    if (this.received > STREAM_LIMITS.maxStreamBytes) {
      this.problem = tooLarge();
      return;
    }
    if (this.mode === 'geojson' && this.stream !== null) {
      try {
        this.stream.push(chunk);
      } catch (error) {
        this.problem = this.jsonProblem(error);
      }
    }
    if (this.maybeCsv && this.keptBytes >= STREAM_LIMITS.csvStreamFrom) this.streamCsv();
  }

  /**
   * A text long enough to stream, not JSON: when its first bytes are CSV (not a binary file, a web page
   * or XML, which reading it whole reports), its rows are read from now on as they arrive.
   */
  private streamCsv(): void {
    this.maybeCsv = false;
    const head = this.joined();
    if (binaryProblem(head) !== null) return;
    const text = new TextDecoder('utf-8').decode(head);
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (textProblem(clean) !== null || detectFormat(clean, this.fileName) === 'geojson') return;
    this.mode = 'csv';
    const { trail, onIncident } = this.streamOptions;
    this.csv = new CsvStoreImport(this.fileName, {
      ...this.options,
      ...(trail ? { trail } : {}),
      ...(onIncident ? { onIncident } : {}),
    });
    for (const part of this.kept) this.csv.push(part);
    this.dropKept();
  }

  /** Ends the input and returns the incidents read (reading `incidents`). Never throws on bad data. */
  end(): ImportResult {
    return this.finish('incidents') as ImportResult;
  }

  /**
   * Ends the input (reading `store`): a streamed FeatureCollection gives its columnar store
   * (`DerivedImport`), anything else (CSV, a lone Feature) its incidents. Never throws on bad data.
   */
  endDerived(): ImportResult | DerivedImport {
    return this.finish('store') as ImportResult | DerivedImport;
  }

  /**
   * Ends the input (reading `elsewhere`): for a streamed FeatureCollection, what the document says around
   * its features, for the caller to finish with what was read elsewhere (`named(result, collection)`);
   * anything else (CSV, a lone Feature, a failure) its incidents. Never throws on bad data.
   */
  endElsewhere(): ImportResult | FeaturesElsewhere {
    return this.finish('elsewhere') as ImportResult | FeaturesElsewhere;
  }

  private finish(reading: FeatureReading): ImportResult | DerivedImport | FeaturesElsewhere {
    if (reading !== this.reading)
      throw new Error(`This import reads features as ${this.reading}, not as ${reading}`);
    if (this.problem !== null) return this.fail(this.problem);
    if (this.mode === 'csv' && this.csv !== null) return this.csv.end();
    if (this.mode !== 'geojson' || this.stream === null)
      return importBytes(this.joined(), this.fileName, this.options);
    let ended: ReturnType<FeatureStream['end']>;
    try {
      ended = this.stream.end();
    } catch (error) {
      return this.fail(this.jsonProblem(error));
    }
    const collection: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(ended.members)) {
      try {
        collection[key] = JSON.parse(text);
      } catch (error) {
        return this.fail(this.jsonProblem(error));
      }
    }
    if (!ended.hasFeatures) return readGeoJson(collection, this.geoJsonOptions());
    // The features were built as they arrived; what the document says around them decides the rest.
    const document = documentNotes(collection, this.geoJsonOptions(), this.featureCount);
    if (typeof document === 'string') return unreadable(this.fileName, document, 'geojson');
    const reader = this.reader;
    this.reader = this.newReader();
    if (document.features === null) {
      if (reading === 'elsewhere') return { kind: 'elsewhere', notes: document.notes, collection };
      return named(
        reading === 'store' ? reader.endDerived(document.notes) : reader.end(document.notes),
        collection,
      );
    }
    // Not a FeatureCollection after all (a lone Feature with a "features" member): read it as it says.
    return readGeoJson(collection, this.geoJsonOptions());
  }

  private sniff(chunk: Uint8Array): void {
    let i = 0;
    if (this.received === chunk.length && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    while (i < chunk.length && isSpace(chunk[i] as number)) i++;
    if (i === chunk.length) return; // only whitespace so far
    if (chunk[i] === 0x7b && this.options.format === undefined) {
      this.mode = 'geojson';
      const onFeatureBytes = this.streamOptions.onFeatureBytes;
      const base = this.received - chunk.length; // earlier chunks held only whitespace (and a BOM)
      this.stream =
        this.reading === 'elsewhere'
          ? new FeatureStream((_, bytes, start) => onFeatureBytes?.(bytes, base + start), { decode: false })
          : new FeatureStream((text, bytes, start) => {
              onFeatureBytes?.(bytes, base + start);
              this.feature(text);
            });
      // Earlier chunks held only whitespace (and a BOM): nothing to replay.
    } else {
      this.mode = 'whole';
      this.maybeCsv = this.reading !== 'incidents' && chunk[i] !== 0x5b && this.options.format !== 'geojson';
      const size = this.streamOptions.declaredSize ?? 0;
      if (size > STREAM_LIMITS.maxTextBytes && !this.maybeCsv) this.problem = tooMuchText(size);
    }
  }

  private feature(text: string): void {
    try {
      this.reader.add(JSON.parse(text));
    } catch (error) {
      this.problem = this.jsonProblem(error, this.reader.size + 1);
    }
  }

  /** Invalid JSON: the exact line and column when the bytes were kept, else the feature number. */
  private jsonProblem(error: unknown, feature?: number, diagnosable = this.keeping): string {
    if (this.keeping && diagnosable) {
      const whole = importBytes(this.joined(), this.fileName, this.options);
      const issue = whole.issues.find((i) => i.location.kind === 'file' && i.severity === 'error');
      if (issue !== undefined) return issue.message;
    }
    const why = error instanceof Error ? error.message : String(error);
    return feature === undefined
      ? `is not valid JSON: ${why}`
      : `is not valid JSON: feature ${feature.toLocaleString('en-US')} cannot be read (${why})`;
  }

  private dropKept(): void {
    this.keeping = false;
    this.kept.length = 0;
    this.keptBytes = 0;
  }

  private joined(): Uint8Array {
    const bytes = new Uint8Array(this.keptBytes);
    let offset = 0;
    for (const part of this.kept) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  }

  private fail(message: string): ImportResult {
    const result = unreadable(this.fileName, message, this.mode === 'geojson' ? 'geojson' : null);
    return this.received === 0
      ? { ...result, issues: [fileIssue(this.fileName, 'is empty (0 bytes)')] }
      : result;
  }
}
