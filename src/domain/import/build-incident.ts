/**
 * The one format-neutral incident builder. Every format (GeoJSON features, ACLED, UCDP and generic CSV rows)
 * reads its record into a `RecordInput` — an id, a point, and our properties (docs/data-format.md) as
 * JSON-like values — and this module validates it into an `Incident`, reporting every problem with the
 * format's own field names.
 *
 * Rules: a record needs a valid point, a `title` and a valid `date` to load; every other field is optional
 * with a stated default. A value that is present but wrong skips the record with the reason. Nothing is
 * silently fixed. `strict` (the bundled dataset) also requires every field and at least one source.
 */
import {
  ACLED_EVENT_TYPES,
  ACTOR_ROLES,
  type Actor,
  ATTRIBUTIONS,
  type Attribute,
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
} from '../incident';
import { checkPoint, type LonLat } from './check-point';
import { incidentDate, isoDay } from './date-memo';
import { type IdRegistry, idProblem } from './ids';
import { readCount } from './read-count';
import { isObject, type RecordIssues, show } from './record-issues';

/** One record as a format reads it, before validation. */
export interface RecordInput {
  /** The id as given: usually a string; undefined when the record has none (one is generated). */
  readonly id: unknown;
  /** Base of a generated id (`feature-3`, `line-12`), used when `id` is undefined. */
  readonly fallbackId: string;
  /** True when the format has no ids at all and said so once for the file: no warning per record. */
  readonly idsAbsent?: boolean;
  /** `[lon, lat]` in degrees as the format read it, or null when the format already reported why not. */
  readonly point: LonLat | null;
  /** Our properties (`title`, `date`, `actors`, …) as JSON-like values; absent members are undefined. */
  readonly props: Readonly<Record<string, unknown>>;
  /** What this format calls a field, for messages: `id`, `geometry.coordinates`, `properties.date`, `event_date`. */
  readonly fieldName: (key: string) => string;
}

export interface BuildContext {
  readonly strict: boolean;
  readonly ids: IdRegistry;
}

type Props = Readonly<Record<string, unknown>>;

/** What a record without an id is told: the id it is given instead. */
export const missingIdMessage = (made: string) =>
  `is missing; using "${made}", which changes if the file is reordered`;

function readId(input: RecordInput, r: RecordIssues, ctx: BuildContext): string | null {
  const field = input.fieldName('id');
  const { id } = input;
  if (typeof id === 'string' && id.trim() !== '') {
    const problem = idProblem(id);
    if (problem !== null) {
      r.error(field, problem);
      return null;
    }
    r.id = id;
    if (!ctx.ids.claim(id))
      r.error(
        field,
        `"${id}" is used by an earlier ${r.place.kind === 'feature' ? 'feature' : 'row'}; ids must be unique`,
      );
    return id;
  }
  if (id === undefined) {
    const made = ctx.ids.generate(input.fallbackId);
    if (input.idsAbsent === true && !ctx.strict) return made;
    const level = ctx.strict ? 'error' : 'warn';
    r[level](field, missingIdMessage(made));
    return made;
  }
  const hint = typeof id === 'number' ? ` (write it as "${id}")` : '';
  r.error(field, `must be a non-empty string, got ${show(id)}${hint}`);
  return null;
}

function readActors(r: RecordIssues, props: Props, name: (k: string) => string, strict: boolean): Actor[] {
  const actors: Actor[] = [];
  r.array(props, 'actors', name('actors'), strict).forEach((a, i) => {
    const path = `${name('actors')}[${i}]`;
    if (!isObject(a)) {
      r.error(path, 'must be an object { name, role, attribution }');
      return;
    }
    const actorName = r.text(a, 'name', `${path}.name`, true);
    const role = r.oneOf(a, 'role', `${path}.role`, ACTOR_ROLES, true);
    const attribution = r.oneOf(a, 'attribution', `${path}.attribution`, ATTRIBUTIONS, strict) ?? 'unknown';
    if (actorName !== null && role !== null) actors.push({ name: actorName.trim(), role, attribution });
  });
  return actors;
}

function readPlace(
  r: RecordIssues,
  props: Props,
  name: (k: string) => string,
  strict: boolean,
): Place | null {
  const p = props.place;
  const path = name('place');
  if (p === undefined || p === null) {
    if (strict) r.error(path, 'is missing');
    return null;
  }
  if (!isObject(p)) {
    r.error(path, 'must be an object { name, admin1?, country }');
    return null;
  }
  const placeName = r.text(p, 'name', `${path}.name`, true);
  const admin1 = r.text(p, 'admin1', `${path}.admin1`, false);
  const country = r.text(p, 'country', `${path}.country`, true);
  return placeName === null || country === null ? null : { name: placeName, admin1, country };
}

function readSources(r: RecordIssues, props: Props, name: (k: string) => string, strict: boolean): Source[] {
  const sources: Source[] = [];
  r.array(props, 'sources', name('sources'), false).forEach((s, i) => {
    const path = `${name('sources')}[${i}]`;
    if (!isObject(s)) {
      r.error(path, 'must be an object { name, url?, kind }');
      return;
    }
    const sourceName = r.text(s, 'name', `${path}.name`, true);
    const url = r.text(s, 'url', `${path}.url`, false);
    const kind = r.oneOf(s, 'kind', `${path}.kind`, SOURCE_KINDS, strict) ?? 'other';
    const published = r.text(s, 'published', `${path}.published`, false);
    if (published !== null && isoDay(published) === null) {
      r.error(`${path}.published`, `${show(published)} is not a real YYYY-MM-DD date`);
    }
    if (sourceName !== null) sources.push({ name: sourceName, url, kind, published });
  });
  if (sources.length === 0) {
    if (strict) r.error(name('sources'), 'needs at least one source');
    else r.warn(name('sources'), 'no source given: nobody says so');
  }
  return sources;
}

function readRelated(r: RecordIssues, props: Props, name: (k: string) => string, strict: boolean) {
  const related: RelatedIncident[] = [];
  r.array(props, 'related', name('related'), strict).forEach((x, i) => {
    const path = `${name('related')}[${i}]`;
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

function readAttributes(r: RecordIssues, props: Props, name: (k: string) => string): Attribute[] {
  const out: Attribute[] = [];
  r.array(props, 'attributes', name('attributes'), false).forEach((a, i) => {
    const path = `${name('attributes')}[${i}]`;
    if (!isObject(a)) {
      r.error(path, 'must be an object { label, value }');
      return;
    }
    const label = r.text(a, 'label', `${path}.label`, true);
    const value = r.text(a, 'value', `${path}.value`, true);
    if (label !== null && value !== null) out.push({ label, value });
  });
  return out;
}

function readEventType(r: RecordIssues, props: Props, name: (k: string) => string, strict: boolean) {
  const eventType = r.oneOf<EventType>(props, 'eventType', name('eventType'), EVENT_TYPES, strict);
  const subEventType = r.text(props, 'subEventType', name('subEventType'), strict);
  if (subEventType !== null && eventType !== null) {
    const allowed: readonly string[] = ACLED_EVENT_TYPES[eventType];
    if (!allowed.includes(subEventType)) {
      r.error(name('subEventType'), `${show(subEventType)} is not an ACLED sub-event type of "${eventType}"`);
    }
  }
  return { eventType, subEventType };
}

/**
 * Validates one record into an incident, or null when it must be skipped; every problem is reported on `r`.
 * Relations are checked against the whole dataset afterwards (`resolveRelations`).
 */
export function buildIncident(input: RecordInput, r: RecordIssues, ctx: BuildContext): Incident | null {
  const { props, fieldName: name } = input;
  const { strict } = ctx;
  const id = readId(input, r, ctx);
  const title = r.text(props, 'title', name('title'), true);
  const summary = r.text(props, 'summary', name('summary'), strict) ?? '';
  const precision = r.oneOf<DatePrecision>(
    props,
    'datePrecision',
    name('datePrecision'),
    DATE_PRECISIONS,
    strict,
  );
  const dateText = r.text(props, 'date', name('date'), true);
  const date = dateText === null ? null : incidentDate(dateText, precision);
  if (date !== null && !date.ok) r.error(name('date'), date.reason);
  const { eventType, subEventType } = readEventType(r, props, name, strict);
  const actors = readActors(r, props, name, strict);
  const fatalities = readCount(r, props, 'fatalities', name('fatalities'), strict);
  const injured = readCount(r, props, 'injured', name('injured'), strict);
  const place = readPlace(r, props, name, strict);
  const locationPrecision =
    r.oneOf(props, 'locationPrecision', name('locationPrecision'), LOCATION_PRECISIONS, strict) ?? 'exact';
  const point =
    input.point === null ? null : checkPoint(r, input.point, name('point'), place?.country ?? null);
  const sources = readSources(r, props, name, strict);
  const related = readRelated(r, props, name, strict);
  const attributes = readAttributes(r, props, name);

  if (r.errors > 0 || id === null || point === null || title === null || date === null || !date.ok)
    return null;
  if (fatalities === null || injured === null) return null;
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
    attributes,
  };
}
