/**
 * UCDP Georeferenced Event Dataset (GED) CSV → our properties (column table in docs/data-format.md).
 *
 * - `date_start` / `date_end` are a real interval and are kept as given. `date_prec` says how sure UCDP is
 *   of it: 1 (exact day), 2 (2–6 days) and 3 (a week) → precision `day` over the interval as given;
 *   4 (a month) and 5 (a year or more) → precision `month`, widened to whole calendar months.
 * - `where_prec` 1 (exact place) → exact; 2 (within ~25 km) → near; 3 (second-order admin area),
 *   4 (first-order admin area), 5 (linear feature, e.g. a road or river), 6 (country), 7 (international
 *   waters or airspace) → region.
 * - `best` with `low` and `high` → one count report `{ value: best, low, high, source: "UCDP GED" }`.
 * - side_a and side_b → actors with role `party` (UCDP's sides are the parties to a dyad, not a direction).
 */
import type { Attribute } from '../../incident';
import type { RecordIssues } from '../record-issues';
import { readDay } from './date-forms';
import type { CsvMapper } from './import-csv';
import type { RowCells } from './row-cells';

/** The columns that tell a UCDP GED file apart (all present in every GED release). */
export const UCDP_SIGNATURE = [
  'id',
  'date_start',
  'date_end',
  'date_prec',
  'where_prec',
  'side_a',
  'side_b',
  'best',
];

const FIELD: Record<string, string> = {
  id: 'id',
  title: 'dyad_name',
  date: 'date_start',
  datePrecision: 'date_prec',
  actors: 'side_a',
  fatalities: 'best',
  place: 'where_coordinates',
  locationPrecision: 'where_prec',
  sources: 'source_article',
  point: 'longitude, latitude',
};

const WHERE: Record<string, string> = {
  '1': 'exact',
  '2': 'near',
  '3': 'region',
  '4': 'region',
  '5': 'region',
  '6': 'region',
  '7': 'region',
};
const VIOLENCE: Record<string, string> = {
  '1': 'State-based conflict',
  '2': 'Non-state conflict',
  '3': 'One-sided violence',
};

function readDates(row: RowCells, r: RecordIssues): { date: string; datePrecision: string } | null {
  const start = readDay(row.get('date_start'));
  const endText = row.get('date_end');
  const end = endText === '' ? start : readDay(endText);
  if (!start.ok) r.error('date_start', row.get('date_start') === '' ? 'missing' : start.reason);
  if (!end.ok) r.error('date_end', end.reason);
  const prec = row.get('date_prec') || '1';
  if (!['1', '2', '3', '4', '5'].includes(prec)) {
    r.error('date_prec', `${JSON.stringify(prec)} is not 1–5`);
    return null;
  }
  if (!start.ok || !end.ok) return null;
  if (end.iso < start.iso) {
    r.error('date_end', `${end.iso} is before date_start ${start.iso}`);
    return null;
  }
  const date = end.iso === start.iso ? start.iso : `${start.iso}/${end.iso}`;
  return { date, datePrecision: prec === '4' || prec === '5' ? 'month' : 'day' };
}

/** Reads UCDP GED rows. */
export const ucdpMapper: CsvMapper = {
  format: 'ucdp',
  idColumn: 'id',
  fieldName: (key) => FIELD[key] ?? key,
  read(row, r) {
    const lat = row.number(r, 'latitude');
    const lon = row.number(r, 'longitude');
    const dates = readDates(row, r);
    const best = row.count(r, 'best');
    const low = row.count(r, 'low');
    const high = row.count(r, 'high');
    const where = row.get('where_prec');
    const locationPrecision = Object.hasOwn(WHERE, where) ? WHERE[where] : undefined;
    if (where !== '' && locationPrecision === undefined)
      r.error('where_prec', `${JSON.stringify(where)} is not 1–7`);
    const report =
      best === null || best === undefined
        ? null
        : { value: best, low: low ?? undefined, high: high ?? undefined, source: 'UCDP GED' };
    const attributes: Attribute[] = [];
    const violence = row.get('type_of_violence');
    if (violence !== '') {
      attributes.push({
        label: 'Type of violence',
        value: Object.hasOwn(VIOLENCE, violence) ? (VIOLENCE[violence] as string) : violence,
      });
    }
    const whereText = row.get('where_coordinates');
    if (whereText !== '') attributes.push({ label: 'Where (UCDP)', value: whereText });
    for (const col of ['where_prec', 'date_prec']) {
      const v = row.get(col);
      if (v !== '') attributes.push({ label: col, value: v });
    }
    const country = row.get('country');
    const adm1 = row.get('adm_1');
    const sides = ['side_a', 'side_b'].map((c) => row.get(c)).filter((s) => s !== '');
    const dyad = row.get('dyad_name') || sides.join(' \u2013 ');
    const place = whereText.replace(/\s*\([^)]*\)\s*$/, '') || adm1 || country;
    attributes.push(...row.rest());
    return {
      point: lat === null || lon === null ? null : { lon, lat },
      props: {
        title: `${dyad || row.get('conflict_name') || 'UCDP event'}${place === '' ? '' : `, ${place}`}`,
        summary: row.get('source_headline') || undefined,
        ...(dates ?? {}),
        actors: sides.map((name) => ({ name, role: 'party', attribution: 'unknown' })),
        fatalities: report === null ? null : [report],
        place: country === '' ? undefined : { name: place, admin1: adm1 || null, country },
        locationPrecision,
        sources: row.list('source_article').map((name) => ({ name, kind: 'other' })),
        attributes,
      },
    };
  },
};
