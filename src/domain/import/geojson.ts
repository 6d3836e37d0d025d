/**
 * The GeoJSON reader: turns each Feature of a decoded RFC 7946 document into a `RecordInput` for the
 * incident builder. Field names in messages are GeoJSON member paths (`geometry.coordinates`,
 * `properties.date`).
 */
import { findId, idAt } from '../columns';
import type { DatasetBuilder } from '../dataset';
import { withRoom } from '../growable';
import type { IncidentId, RelatedIncident } from '../incident';
import { fileIssue, type LoadIssue } from '../issues';
import { buildIncident, missingIdMessage, type RecordInput } from './build-incident';
import type { LonLat } from './check-point';
import { idProblem, LaterIds } from './ids';
import { isObject, own, RecordIssues, show } from './record-issues';
import {
  type BuiltRecord,
  type DerivedImport,
  deadLinkIssue,
  finishImport,
  type ImportResult,
  OutsideCheck,
  unreadable,
} from './result';

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

/** A feature without an id: where its record (if it loaded) and the issue naming its id are. */
interface Unnamed {
  readonly base: string;
  /** Position of the issue that names the id generated for it, in the reader's issues. */
  readonly issue: number;
  /** Its position among the incidents that loaded, or -1 when it was skipped. */
  readonly position: number;
}

/**
 * Builds incidents from features handed over one at a time, in file order — the whole document's, or a
 * stream's as its features arrive (stream-import.ts), so a million parsed features never sit in memory at
 * once. Each feature is validated as it arrives; one without an id gets it when the features end, once
 * every id of the file is known, so a generated id never takes one the file gives later. Incidents come
 * out in file order, and problems in the order of the features they concern.
 *
 * With a `DatasetBuilder`, each incident that loads is added to it and dropped (`endDerived`): the
 * columnar store is derived as the features arrive and no incident object is kept. Otherwise the
 * incidents are kept and returned (`end`).
 */
export class FeatureReader {
  private readonly ids = new LaterIds([]);
  private readonly built: BuiltRecord[] = [];
  private readonly unnamed: Unnamed[] = [];
  private readonly issues: LoadIssue[] = [];
  private readonly outside = new OutsideCheck();
  /** With a builder: the relations of incidents that state some, checked when every id is known. */
  private readonly stated: { position: number; index: number; related: readonly RelatedIncident[] }[] = [];
  private featureOf = new Uint32Array(1024);
  private loaded = 0;
  private count = 0;

  constructor(
    private readonly options: GeoJsonOptions = {},
    private readonly builder: DatasetBuilder | null = null,
  ) {}

  /** Features handed over so far. */
  get size(): number {
    return this.count;
  }

  /** The next feature of the file. */
  add(feature: unknown): void {
    const index = this.count++;
    const loaded = this.build(feature, index);
    // Every id the file states is known before any is generated (at the end): those of incidents that
    // loaded were taken as they were built; the others (a feature skipped before its id was read, an id
    // that cannot be one) are given here.
    if (!loaded && isObject(feature) && typeof feature.id === 'string' && !this.ids.isTaken(feature.id))
      this.ids.give(feature.id);
  }

  /** Ends the features and gives the incidents, with `before` (file notes) first. Without a builder only. */
  end(before: readonly LoadIssue[]): ImportResult {
    if (this.builder !== null) throw new Error('This reader derives a dataset: call endDerived()');
    for (const { base, issue, position } of this.unnamed) {
      const id = this.nameUnnamed(base, issue);
      const record = this.built[position];
      if (record !== undefined && id !== base)
        this.built[position] = { ...record, incident: { ...record.incident, id: id as IncidentId } };
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

  /**
   * Ends the features and gives the columnar store the builder derived, with `before` (file notes) first:
   * the same problems, counts and arrays as `end` followed by `deriveDataset`.
   */
  endDerived(before: readonly LoadIssue[]): DerivedImport {
    const builder = this.builder;
    if (builder === null) throw new Error('This reader keeps incidents: call end()');
    for (const { base, issue, position } of this.unnamed) {
      const id = this.nameUnnamed(base, issue);
      if (position >= 0 && id !== base) builder.setId(position, id);
    }
    const derived = builder.finish();
    const file = this.options.file ?? null;
    const issues = [...before, ...this.issues];
    const { ids } = derived.columns;
    const known = this.options.knownIds ?? { has: (id: string) => findId(ids, id) !== undefined };
    for (const { position, index, related } of this.stated) {
      const own = idAt(ids, position);
      related.forEach((rel, i) => {
        const self = rel.id === own;
        if (known.has(rel.id) && !self) return;
        issues.push(deadLinkIssue(file, { kind: 'feature', index }, own, i, rel.id, self));
      });
    }
    this.outside.report(file, issues);
    const loaded = this.loaded;
    return {
      format: 'geojson',
      derived,
      issues,
      total: this.count,
      skipped: this.count - loaded,
      readable: true,
      featureOf: this.featureOf.slice(0, loaded),
    };
  }

  /** Generates the id of a feature that had none, and says it in the issue noted when it was read. */
  private nameUnnamed(base: string, issue: number): string {
    const id = this.ids.generateNow(base);
    const said = this.issues[issue];
    if (id !== base && said !== undefined) this.issues[issue] = { ...said, message: missingIdMessage(id) };
    return id;
  }

  /** Builds one feature; true when its incident loaded. */
  private build(feature: unknown, index: number): boolean {
    const file = this.options.file ?? null;
    const place = { kind: 'feature' as const, index };
    const r = new RecordIssues(this.issues, file, place);
    if (!isObject(feature) || feature.type !== 'Feature') {
      r.error(null, 'is not a GeoJSON Feature');
      return false;
    }
    const id = own(feature, 'id');
    if (typeof id === 'string' && id.trim() !== '' && idProblem(id) === null) r.id = id;
    const props = own(feature, 'properties');
    const point = readPoint(r, own(feature, 'geometry'));
    if (!isObject(props)) {
      r.error('properties', 'must be an object with at least a title and a date');
      return false;
    }
    const input: RecordInput = { id, fallbackId: `feature-${index + 1}`, point, props, fieldName };
    const issue = this.issues.length; // a missing id is the first problem `buildIncident` reports
    const incident = buildIncident(input, r, { strict: this.options.strict ?? false, ids: this.ids });
    const position = incident === null ? -1 : this.loaded;
    const base = this.ids.pending.pop();
    if (base !== undefined) this.unnamed.push({ base, issue, position });
    if (incident === null) return false;
    this.loaded++;
    if (this.builder === null) {
      this.built.push({ incident, place });
      return true;
    }
    this.builder.add(incident);
    this.outside.add(incident);
    if (incident.related.length > 0) this.stated.push({ position, index, related: incident.related });
    this.featureOf = withRoom(this.featureOf, position + 1);
    this.featureOf[position] = index;
    return true;
  }
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
export function named<R extends { readonly name?: string }>(result: R, json: unknown): R {
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
