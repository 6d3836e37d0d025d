/**
 * ACLED CSV exports → our properties (column table in docs/data-format.md).
 *
 * - `time_precision` 1/2/3 → day / week / month. ACLED dates an event known only to the week (month) at the
 *   week's (month's) middle, so: 2 → the interval event_date−3 … event_date+3 at precision `week` (widened to
 *   the ISO weeks it touches); 3 → the calendar month of event_date at precision `month`.
 * - `geo_precision` 1/2/3 → exact / near / region.
 * - actor1, assoc_actor_1, actor2, assoc_actor_2 → actors with role `party`: ACLED's actors carry no
 *   direction, so they are never called perpetrator or target.
 * - Columns without a field of ours (disorder_type, tags, civilian_targeting, inter1/2, interaction, …, and any
 *   extra column) are kept as attributes.
 */
import { dayFromIso, isoFromDay } from '../../date';
import { ACLED_EVENT_TYPES, type Attribute, EVENT_TYPES, type EventType } from '../../incident';
import type { RecordIssues } from '../record-issues';
import { readDay } from './date-forms';
import type { CsvMapper } from './import-csv';
import type { RowCells } from './row-cells';

/** ACLED's 31 columns, in export order. Older exports lack some; extra columns are kept. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** ACLED's older numeric actor-type codes (inter1 / inter2), as the codebook names them. */
const INTER_CODES: Record<string, string> = {
  '0': 'No actor',
  '1': 'State forces',
  '2': 'Rebel groups',
  '3': 'Political militias',
  '4': 'Identity militias',
  '5': 'Rioters',
  '6': 'Protesters',
  '7': 'Civilians',
  '8': 'External/Other forces',
};

const FIELD: Record<string, string> = {
  id: 'event_id_cnty',
  title: 'sub_event_type',
  summary: 'notes',
  date: 'event_date',
  datePrecision: 'time_precision',
  eventType: 'event_type',
  subEventType: 'sub_event_type',
  actors: 'actor1',
  fatalities: 'fatalities',
  place: 'location',
  locationPrecision: 'geo_precision',
  sources: 'source',
  point: 'longitude, latitude',
};

function readDate(row: RowCells, r: RecordIssues): { date: string; datePrecision: string } | null {
  const day = readDay(row.get('event_date'), true);
  const precision = row.get('time_precision') || '1';
  if (!day.ok) {
    r.error('event_date', row.get('event_date') === '' ? 'missing' : day.reason);
    return null;
  }
  const d = dayFromIso(day.iso) as number;
  if (precision === '1') return { date: day.iso, datePrecision: 'day' };
  if (precision === '2') return { date: `${isoFromDay(d - 3)}/${isoFromDay(d + 3)}`, datePrecision: 'week' };
  if (precision === '3') return { date: day.iso.slice(0, 7), datePrecision: 'month' };
  r.error('time_precision', `${JSON.stringify(precision)} is not 1 (day), 2 (week) or 3 (month)`);
  return null;
}

const GEO: Record<string, string> = { '1': 'exact', '2': 'near', '3': 'region' };

function eventTypes(row: RowCells, r: RecordIssues, attributes: Attribute[]) {
  const type = row.get('event_type');
  const sub = row.get('sub_event_type');
  if (type === '') return { eventType: undefined, subEventType: sub || undefined };
  if ((EVENT_TYPES as string[]).includes(type)) {
    const subs: readonly string[] = ACLED_EVENT_TYPES[type as EventType];
    if (sub === '' || subs.includes(sub)) return { eventType: type, subEventType: sub || undefined };
    r.warn('sub_event_type', `"${sub}" is not a current ACLED sub-event type of "${type}"; kept as text`);
    attributes.push({ label: 'ACLED sub-event type', value: sub });
    return { eventType: type, subEventType: undefined };
  }
  // Older exports used other names ("Remote violence", "Riots/Protests"): keep them as text.
  r.warn('event_type', `"${type}" is not a current ACLED event type; kept as text`);
  attributes.push({ label: 'ACLED event type', value: type });
  if (sub !== '') attributes.push({ label: 'ACLED sub-event type', value: sub });
  return { eventType: undefined, subEventType: undefined };
}

function interLabel(text: string): string {
  return Object.hasOwn(INTER_CODES, text) ? (INTER_CODES[text] as string) : text;
}

/** Reads ACLED rows. */
export const acledMapper: CsvMapper = {
  format: 'acled',
  idColumn: 'event_id_cnty',
  fieldName: (key) => FIELD[key] ?? key,
  read(row, r) {
    const lat = row.number(r, 'latitude');
    const lon = row.number(r, 'longitude');
    const attributes: Attribute[] = [];
    const date = readDate(row, r);
    const { eventType, subEventType } = eventTypes(row, r, attributes);
    const actors = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2']
      .flatMap((col) => row.list(col))
      .map((name) => ({ name, role: 'party', attribution: 'unknown' }));
    const fatalities = row.count(r, 'fatalities');
    const geo = row.get('geo_precision');
    const locationPrecision = Object.hasOwn(GEO, geo) ? GEO[geo] : undefined;
    if (geo !== '' && locationPrecision === undefined) {
      r.error('geo_precision', `${JSON.stringify(geo)} is not 1 (exact), 2 (near) or 3 (region)`);
    }
    const location = row.get('location');
    const country = row.get('country');
    const admin1 = row.get('admin1');
    for (const d of row.list('disorder_type')) attributes.push({ label: 'Disorder type', value: d });
    for (const t of row.list('tags')) attributes.push({ label: 'Tag', value: t });
    const civilian = row.get('civilian_targeting');
    if (civilian !== '') attributes.push({ label: 'Civilian targeting', value: civilian });
    for (const [col, label] of [
      ['inter1', 'Actor 1 type'],
      ['inter2', 'Actor 2 type'],
    ] as const) {
      const v = row.get(col);
      if (v !== '') attributes.push({ label, value: interLabel(v) });
    }
    row.get('year'); // derived from event_date
    attributes.push(...row.rest());
    const what = subEventType ?? eventType ?? (row.get('event_type') || 'Event');
    return {
      point: lat === null || lon === null ? null : { lon, lat },
      props: {
        title: `${what} in ${location || admin1 || country || 'an unnamed place'}`,
        summary: row.get('notes') || undefined,
        ...(date ?? { date: undefined }),
        eventType,
        subEventType,
        actors,
        fatalities: fatalities ?? null,
        injured: undefined,
        place:
          location !== '' && country !== '' ? { name: location, admin1: admin1 || null, country } : undefined,
        locationPrecision,
        sources: row.list('source').map((name) => ({ name, kind: 'other' })),
        attributes,
      },
    };
  },
};
