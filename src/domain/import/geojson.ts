/**
 * The GeoJSON reader: turns each Feature of a decoded RFC 7946 document into a `RecordInput` for the
 * incident builder. Field names in messages are GeoJSON member paths (`geometry.coordinates`,
 * `properties.date`).
 */
import { fileIssue, type LoadIssue } from '../issues';
import { buildIncident, type RecordInput } from './build-incident';
import type { LonLat } from './check-point';
import { IdRegistry, idProblem } from './ids';
import { isObject, own, RecordIssues, show } from './record-issues';
import { type BuiltRecord, finishImport, type ImportResult, unreadable } from './result';

export interface GeoJsonOptions {
  /** The file name issues carry, or null. */
  readonly file?: string | null;
  /** Require every field and at least one source (the bundled dataset's standard). Default false. */
  readonly strict?: boolean;
  /**
   * The ids relations may point at, when they are not all in this document: a stored record (records.ts)
   * is read alone, and its relations were checked against its whole dataset when it was loaded.
   */
  readonly knownIds?: { has(id: string): boolean };
}

const fieldName = (key: string): string =>
  key === 'id' ? 'id' : key === 'point' ? 'geometry.coordinates' : `properties.${key}`;

/** `crs` was dropped by RFC 7946; WGS84 names are harmless, anything else means other coordinates. */
function checkCrs(json: Record<string, unknown>, file: string | null): LoadIssue | null {
  const crs = own(json, 'crs');
  if (crs === undefined) return null;
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  const text = typeof name === 'string' ? name : (JSON.stringify(crs) ?? '');
  if (/CRS84|EPSG::?4326\b/i.test(text)) {
    return fileIssue(
      file,
      `has a "crs" member (${show(text)}), which RFC 7946 removed; WGS84 is assumed`,
      'warning',
    );
  }
  return fileIssue(
    file,
    `declares the coordinate system ${show(text)}; GeoJSON (RFC 7946) is always WGS84 longitude/latitude. Reproject it (e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson) and open the result`,
  );
}

/** Reads geometry into a point, or reports why it is not one. */
function readPoint(r: RecordIssues, geometry: unknown): LonLat | null {
  if (!isObject(geometry)) {
    r.error('geometry', geometry === null ? 'is null (an incident needs a Point)' : 'must be a Point object');
    return null;
  }
  if (geometry.type !== 'Point') {
    r.error('geometry.type', `${show(geometry.type)} is not supported; an incident is a "Point"`);
    return null;
  }
  const c = geometry.coordinates;
  if (!Array.isArray(c) || c.length < 2 || c.length > 3) {
    r.error('geometry.coordinates', 'must be [longitude, latitude]');
    return null;
  }
  if (!c.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    r.error('geometry.coordinates', `must be numbers, got [${c.map(show).join(', ')}]`);
    return null;
  }
  return { lon: c[0] as number, lat: c[1] as number };
}

/**
 * The features to read and a note on how the document held them, or a message why there are none.
 * `streamed`: how many features of a FeatureCollection were handed over as a stream (then `features` is
 * null: they are not in `json`).
 */
function featuresOf(
  json: unknown,
  streamed?: number,
): { features: unknown[] | null; note: string | null } | string {
  if (Array.isArray(json)) {
    return { features: json, note: 'is a bare array, not a FeatureCollection; read as its features' };
  }
  if (!isObject(json)) return `expected a GeoJSON FeatureCollection, got ${show(json)}`;
  if (json.type === 'Feature') {
    return { features: [json], note: 'is a single Feature, not a FeatureCollection; read as one feature' };
  }
  if (json.type !== 'FeatureCollection') {
    const what = typeof json.type === 'string' ? `a GeoJSON ${json.type}` : 'an object without "type"';
    return `expected a GeoJSON FeatureCollection, got ${what}`;
  }
  if (streamed !== undefined)
    return streamed === 0 ? 'the FeatureCollection has no features' : { features: null, note: null };
  const features = own(json, 'features');
  if (!Array.isArray(features)) return '"features" must be an array';
  if (features.length === 0) return 'the FeatureCollection has no features';
  return { features, note: null };
}

/**
 * Builds incidents from features handed over one at a time, in file order — the whole document's, or a
 * stream's as its features arrive (stream-import.ts), so a million parsed features never sit in memory at
 * once. A feature that states its id is built at once; one without waits until every id of the file is
 * known (`end`), so a generated id never takes one the file gives later. Incidents come out in file order,
 * and problems in the order of the features they concern.
 */
export class FeatureReader {
  private readonly ids = new IdRegistry([]);
  private readonly built: BuiltRecord[] = [];
  private readonly waiting: { feature: unknown; index: number }[] = [];
  private readonly issues: LoadIssue[] = [];
  private count = 0;
  private outOfOrder = false;

  constructor(private readonly options: GeoJsonOptions = {}) {}

  /** Features handed over so far. */
  get size(): number {
    return this.count;
  }

  /** The next feature of the file. */
  add(feature: unknown): void {
    const index = this.count++;
    if (isObject(feature) && typeof feature.id === 'string') {
      this.ids.give(feature.id);
      this.build(feature, index);
    } else this.waiting.push({ feature, index });
  }

  /** Ends the features: builds those that waited, and gives the result with `before` (file notes) first. */
  end(before: readonly LoadIssue[]): ImportResult {
    if (this.waiting.length > 0) this.outOfOrder = this.built.length > 0;
    for (const { feature, index } of this.waiting.splice(0)) this.build(feature, index);
    if (this.outOfOrder) {
      const at = (issue: LoadIssue) => (issue.location.kind === 'feature' ? issue.location.index : -1);
      this.built.sort((x, y) => featureIndex(x) - featureIndex(y));
      this.issues.sort((x, y) => at(x) - at(y)); // stable: a feature's own problems keep their order
    }
    const file = this.options.file ?? null;
    return finishImport(
      'geojson',
      file,
      this.built,
      [...before, ...this.issues],
      this.count,
      this.options.knownIds,
    );
  }

  private build(feature: unknown, index: number): void {
    const file = this.options.file ?? null;
    const place = { kind: 'feature' as const, index };
    const r = new RecordIssues(this.issues, file, place);
    if (!isObject(feature) || feature.type !== 'Feature') {
      r.error(null, 'is not a GeoJSON Feature');
      return;
    }
    const id = own(feature, 'id');
    if (typeof id === 'string' && id.trim() !== '' && idProblem(id) === null) r.id = id;
    const props = own(feature, 'properties');
    const point = readPoint(r, own(feature, 'geometry'));
    if (!isObject(props)) {
      r.error('properties', 'must be an object with at least a title and a date');
      return;
    }
    const input: RecordInput = { id, fallbackId: `feature-${index + 1}`, point, props, fieldName };
    const incident = buildIncident(input, r, { strict: this.options.strict ?? false, ids: this.ids });
    if (incident !== null) this.built.push({ incident, place });
  }
}

function featureIndex(b: BuiltRecord): number {
  return b.place.kind === 'feature' ? b.place.index : 0;
}

/**
 * The problems of a document as a whole, before its features: how it holds them, and its `crs`. A
 * string when it cannot be read at all (then nothing else is).
 */
export function documentNotes(
  json: unknown,
  options: GeoJsonOptions = {},
  streamed?: number,
): { notes: LoadIssue[]; features: unknown[] | null } | string {
  const file = options.file ?? null;
  const found = featuresOf(json, streamed);
  if (typeof found === 'string') return found;
  const notes: LoadIssue[] = [];
  if (found.note !== null) notes.push(fileIssue(file, found.note, 'warning'));
  const crs = isObject(json) ? checkCrs(json, file) : null;
  if (crs !== null) notes.push(crs);
  if (crs?.severity === 'error') return crs.message;
  return { notes, features: found.features };
}

/**
 * Reads a decoded JSON value as an incident FeatureCollection. Never throws on bad data. A top-level Feature
 * or a bare array of Features is read with a warning; anything else that is not a FeatureCollection gives
 * one file issue and no incidents.
 */
export function readGeoJson(json: unknown, options: GeoJsonOptions = {}): ImportResult {
  const document = documentNotes(json, options);
  if (typeof document === 'string') return unreadable(options.file ?? null, document, 'geojson');
  const reader = new FeatureReader(options);
  for (const feature of document.features ?? []) reader.add(feature);
  return named(reader.end(document.notes), json);
}

/** `result` with the name the document gives itself, if any. */
export function named(result: ImportResult, json: unknown): ImportResult {
  const name = collectionName(json);
  return name === null ? result : { ...result, name };
}

/** The longest dataset name taken from a collection's own `name` member. */
const MAX_NAME = 120;

/** The name a FeatureCollection gives itself (a top-level `name` string, as GDAL writes), if any. */
function collectionName(json: unknown): string | null {
  if (!isObject(json)) return null;
  const name = own(json, 'name');
  if (typeof name !== 'string' || name.trim() === '') return null;
  const trimmed = name.trim();
  return trimmed.length > MAX_NAME ? `${trimmed.slice(0, MAX_NAME - 1)}…` : trimmed;
}
