/**
 * Parse and validate an incident FeatureCollection (RFC 7946) into typed incidents, once.
 *
 * Rules (docs/data-format.md):
 * - A feature needs a valid Point, a `title` and a valid `date` to load; every other field is optional
 *   with a stated default. A missing source or id is a warning.
 * - A value that is present but wrong (impossible date, coordinates out of range, a number given as a
 *   string, an unknown enum value) skips the feature with the reason. Nothing is silently fixed.
 * - One bad feature never costs the others: the result is `{ incidents, issues }`.
 * - `strict` (used for the bundled dataset) also requires every field and at least one source.
 */
import { dayFromIso, parseIncidentDate } from './date';
import {
  ACLED_EVENT_TYPES,
  ACTOR_ROLES,
  type Actor,
  ATTRIBUTIONS,
  DATE_PRECISIONS,
  type DatePrecision,
  EVENT_TYPES,
  type EventType,
  type Incident,
  type IncidentId,
  LOCATION_PRECISIONS,
  type Place,
  RELATIONS,
  type RelatedIncident,
  SOURCE_KINDS,
  type Source,
} from './incident';
import type { LoadIssue } from './issues';

export interface ParseOptions {
  /** Require every field and at least one source (the bundled dataset's standard). Default false. */
  readonly strict?: boolean;
}

export interface ParseResult {
  /** Valid incidents, in file order. Array positions are the indices every index and filter returns. */
  readonly incidents: Incident[];
  readonly issues: LoadIssue[];
}

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Describes a JSON value for a message: strings quoted and cut short, others by type. */
function show(v: Json): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** Collects the issues of one feature; `errors` counts the ones that skip it. */
class FeatureReader {
  errors = 0;
  constructor(
    private readonly issues: LoadIssue[],
    private readonly index: number,
    public featureId: string | null,
  ) {}

  error(field: string | null, message: string): void {
    this.errors++;
    this.push('error', field, message);
  }

  warn(field: string | null, message: string): void {
    this.push('warning', field, message);
  }

  private push(severity: LoadIssue['severity'], field: string | null, message: string): void {
    this.issues.push({ severity, featureIndex: this.index, featureId: this.featureId, field, message });
  }

  /** A string field; '' and whitespace-only count as missing. */
  text(obj: JsonObject, key: string, path: string, required: boolean): string | null {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (required) this.error(path, 'is missing');
      return null;
    }
    if (typeof v !== 'string') {
      this.error(path, `must be a string, got ${show(v)}`);
      return null;
    }
    if (v.trim() === '') {
      if (required) this.error(path, 'is empty');
      return null;
    }
    return v;
  }

  /** A value from a closed vocabulary. */
  oneOf<T extends string>(
    obj: JsonObject,
    key: string,
    path: string,
    allowed: readonly T[],
    required: boolean,
  ) {
    const v = this.text(obj, key, path, required);
    if (v === null) return null;
    if (!(allowed as readonly string[]).includes(v)) {
      this.error(path, `${show(v)} is not one of ${allowed.join(', ')}`);
      return null;
    }
    return v as T;
  }

  /** A non-negative integer count; null means "not reported". */
  count(obj: JsonObject, key: string, path: string, strict: boolean): number | null {
    const v = obj[key];
    if (v === undefined) {
      if (strict) this.error(path, 'is missing (use null for "not reported")');
      return null;
    }
    if (v === null) return null;
    if (typeof v !== 'number') {
      this.error(
        path,
        `must be an integer or null, got ${show(v)}${typeof v === 'string' ? ' (a string)' : ''}`,
      );
      return null;
    }
    if (!Number.isInteger(v) || v < 0) {
      this.error(path, `must be a whole number of people, 0 or more, got ${v}`);
      return null;
    }
    return v;
  }

  /** An array field; missing gives [], anything else that is not an array is an error. */
  array(obj: JsonObject, key: string, path: string, strict: boolean): Json[] {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (strict) this.error(path, 'is missing');
      return [];
    }
    if (!Array.isArray(v)) {
      this.error(path, `must be an array, got ${show(v)}`);
      return [];
    }
    return v;
  }
}

function readPoint(r: FeatureReader, geometry: Json): { lon: number; lat: number } | null {
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
  const [lon, lat] = c as number[];
  if (lon === undefined || lat === undefined) return null;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90 ? ' (are they in [lat, lon] order?)' : '';
    r.error(
      'geometry.coordinates',
      `[${lon}, ${lat}] out of range: longitude -180..180, latitude -90..90${swapped}`,
    );
    return null;
  }
  return { lon, lat };
}

function readActors(r: FeatureReader, props: JsonObject, strict: boolean): Actor[] {
  const actors: Actor[] = [];
  r.array(props, 'actors', 'properties.actors', strict).forEach((a, i) => {
    const path = `properties.actors[${i}]`;
    if (!isObject(a)) {
      r.error(path, 'must be an object { name, role, attribution }');
      return;
    }
    const name = r.text(a, 'name', `${path}.name`, true);
    const role = r.oneOf(a, 'role', `${path}.role`, ACTOR_ROLES, true);
    const attribution = r.oneOf(a, 'attribution', `${path}.attribution`, ATTRIBUTIONS, strict) ?? 'unknown';
    if (name !== null && role !== null) actors.push({ name: name.trim(), role, attribution });
  });
  return actors;
}

function readPlace(r: FeatureReader, props: JsonObject, strict: boolean): Place | null {
  const p = props.place;
  if (p === undefined || p === null) {
    if (strict) r.error('properties.place', 'is missing');
    return null;
  }
  if (!isObject(p)) {
    r.error('properties.place', 'must be an object { name, admin1?, country }');
    return null;
  }
  const name = r.text(p, 'name', 'properties.place.name', true);
  const admin1 = r.text(p, 'admin1', 'properties.place.admin1', false);
  const country = r.text(p, 'country', 'properties.place.country', true);
  return name === null || country === null ? null : { name, admin1, country };
}

function readSources(r: FeatureReader, props: JsonObject, strict: boolean): Source[] {
  const sources: Source[] = [];
  r.array(props, 'sources', 'properties.sources', false).forEach((s, i) => {
    const path = `properties.sources[${i}]`;
    if (!isObject(s)) {
      r.error(path, 'must be an object { name, url?, kind }');
      return;
    }
    const name = r.text(s, 'name', `${path}.name`, true);
    const url = r.text(s, 'url', `${path}.url`, false);
    const kind = r.oneOf(s, 'kind', `${path}.kind`, SOURCE_KINDS, strict) ?? 'other';
    const published = r.text(s, 'published', `${path}.published`, false);
    if (published !== null && dayFromIso(published) === null) {
      r.error(`${path}.published`, `${show(published)} is not a real YYYY-MM-DD date`);
    }
    if (name !== null) sources.push({ name, url, kind, published });
  });
  if (sources.length === 0) {
    if (strict) r.error('properties.sources', 'needs at least one source');
    else r.warn('properties.sources', 'no source given: nobody says so');
  }
  return sources;
}

function readRelated(r: FeatureReader, props: JsonObject, strict: boolean): RelatedIncident[] {
  const related: RelatedIncident[] = [];
  r.array(props, 'related', 'properties.related', strict).forEach((x, i) => {
    const path = `properties.related[${i}]`;
    if (!isObject(x)) {
      r.error(path, 'must be an object { id, relation }');
      return;
    }
    const id = r.text(x, 'id', `${path}.id`, true);
    const relation = r.oneOf(x, 'relation', `${path}.relation`, RELATIONS, true);
    if (id !== null && relation !== null) related.push({ id: id as IncidentId, relation });
  });
  return related;
}

function readEventType(r: FeatureReader, props: JsonObject, strict: boolean) {
  const eventType = r.oneOf<EventType>(props, 'eventType', 'properties.eventType', EVENT_TYPES, strict);
  const subEventType = r.text(props, 'subEventType', 'properties.subEventType', strict);
  if (subEventType !== null && eventType !== null) {
    const allowed: readonly string[] = ACLED_EVENT_TYPES[eventType];
    if (!allowed.includes(subEventType)) {
      r.error(
        'properties.subEventType',
        `${show(subEventType)} is not an ACLED sub-event type of "${eventType}"`,
      );
    }
  }
  return { eventType, subEventType };
}

function readFeature(
  feature: Json,
  index: number,
  issues: LoadIssue[],
  strict: boolean,
  seen: Set<string>,
): Incident | null {
  const r = new FeatureReader(issues, index, null);
  if (!isObject(feature) || feature.type !== 'Feature') {
    r.error(null, 'is not a GeoJSON Feature');
    return null;
  }
  let id: string;
  if (typeof feature.id === 'string' && feature.id.trim() !== '') {
    id = feature.id;
    r.featureId = id;
    if (seen.has(id)) r.error('id', `"${id}" is used by an earlier feature; ids must be unique`);
  } else if (feature.id === undefined) {
    id = `feature-${index + 1}`;
    r[strict ? 'error' : 'warn']('id', `is missing; using "${id}", which changes if the file is reordered`);
  } else {
    const hint = typeof feature.id === 'number' ? ` (write it as "${feature.id}")` : '';
    r.error('id', `must be a non-empty string, got ${show(feature.id)}${hint}`);
    return null;
  }
  const point = readPoint(r, feature.geometry);
  const props = isObject(feature.properties) ? feature.properties : null;
  if (props === null) {
    r.error('properties', 'must be an object with at least a title and a date');
    return null;
  }
  const title = r.text(props, 'title', 'properties.title', true);
  const summary = r.text(props, 'summary', 'properties.summary', strict) ?? '';
  const precision = r.oneOf<DatePrecision>(
    props,
    'datePrecision',
    'properties.datePrecision',
    DATE_PRECISIONS,
    strict,
  );
  const dateText = r.text(props, 'date', 'properties.date', true);
  const date = dateText === null ? null : parseIncidentDate(dateText, precision);
  if (date !== null && !date.ok) r.error('properties.date', date.reason);
  const { eventType, subEventType } = readEventType(r, props, strict);
  const actors = readActors(r, props, strict);
  const fatalities = r.count(props, 'fatalities', 'properties.fatalities', strict);
  const injured = r.count(props, 'injured', 'properties.injured', strict);
  const place = readPlace(r, props, strict);
  const locationPrecision =
    r.oneOf(props, 'locationPrecision', 'properties.locationPrecision', LOCATION_PRECISIONS, strict) ??
    'exact';
  const sources = readSources(r, props, strict);
  const related = readRelated(r, props, strict);

  if (r.errors > 0 || point === null || title === null || date === null || !date.ok) return null;
  seen.add(id);
  return {
    id: id as IncidentId,
    lon: point.lon,
    lat: point.lat,
    title,
    summary,
    date: date.value,
    eventType,
    subEventType,
    actors,
    fatalities,
    injured,
    place,
    locationPrecision,
    sources,
    related,
  };
}

/**
 * Drops relations that point at no loaded incident (or at the incident itself) so no dead link is drawn,
 * and reports each one: a warning, or an error in strict mode.
 */
function resolveRelations(
  incidents: readonly Incident[],
  featureIndexOf: ReadonlyMap<string, number>,
  issues: LoadIssue[],
  strict: boolean,
): Incident[] {
  return incidents.map((incident) => {
    const kept = incident.related.filter((rel, i) => {
      const self = rel.id === incident.id;
      if (featureIndexOf.has(rel.id) && !self) return true;
      issues.push({
        severity: strict ? 'error' : 'warning',
        featureIndex: featureIndexOf.get(incident.id) ?? null,
        featureId: incident.id,
        field: `properties.related[${i}].id`,
        message: self
          ? 'an incident cannot be related to itself'
          : `"${rel.id}" is not an incident in this dataset; the link is not shown`,
      });
      return false;
    });
    return kept.length === incident.related.length ? incident : { ...incident, related: kept };
  });
}

/**
 * Parses a decoded JSON value as an incident FeatureCollection.
 * Never throws on bad data: a value that is not a FeatureCollection gives no incidents and one file issue.
 */
export function parseIncidents(json: Json, options: ParseOptions = {}): ParseResult {
  const strict = options.strict ?? false;
  const issues: LoadIssue[] = [];
  const fileIssue = (message: string): ParseResult => ({
    incidents: [],
    issues: [{ severity: 'error', featureIndex: null, featureId: null, field: null, message }],
  });
  if (!isObject(json) || json.type !== 'FeatureCollection') {
    const what = isObject(json) && typeof json.type === 'string' ? `a GeoJSON ${json.type}` : show(json);
    return fileIssue(`expected a GeoJSON FeatureCollection, got ${what}`);
  }
  if (!Array.isArray(json.features)) return fileIssue('"features" must be an array');
  if (json.features.length === 0) return fileIssue('the FeatureCollection has no features');

  const incidents: Incident[] = [];
  const featureIndexOf = new Map<string, number>();
  const seen = new Set<string>();
  json.features.forEach((feature, index) => {
    const incident = readFeature(feature, index, issues, strict, seen);
    if (incident !== null) {
      incidents.push(incident);
      featureIndexOf.set(incident.id, index);
    }
  });
  return { incidents: resolveRelations(incidents, featureIndexOf, issues, strict), issues };
}
