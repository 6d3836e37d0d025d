/**
 * Export as CSV with ACLED's column names where a field of ours has one (so the file opens in the tools
 * analysts use), followed by our own columns (`title`, `date`, `injured`, `source_url`). One number per
 * count, picked by the rule in force (`pickCount`). Safe against CSV injection: a text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so a spreadsheet never runs it as a formula.
 */
import { type CountRule, pickCount } from '../counts';
import { isoFromDay, partsFromDay } from '../date';
import { ACLED_COLUMNS } from '../import/csv/acled';
import type { Incident } from '../incident';

/** Rows per chunk of output. */
const ROWS_PER_CHUNK = 1000;

/** ACLED's 31 columns, then ours. */
export const CSV_COLUMNS = [...ACLED_COLUMNS, 'title', 'date', 'injured', 'source_url'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** A text cell, defused and quoted as RFC 4180 needs. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const TIME_PRECISION = { time: '1', day: '1', week: '2', month: '3' } as const;
const GEO_PRECISION = { exact: '1', near: '2', region: '3' } as const;

/** ACLED's event_date: the day the incident is dated at (the middle of a week or month, as ACLED does). */
function eventDay(incident: Incident): number {
  const { date } = incident;
  if (date.precision === 'week' || date.precision === 'month')
    return Math.floor((date.firstDay + date.lastDay) / 2);
  return date.start.day;
}

function row(incident: Incident, rule: CountRule): Record<Column, string> {
  const attr = (label: string) =>
    incident.attributes
      .filter((a) => a.label === label)
      .map((a) => a.value)
      .join('; ');
  const [actor1, actor2, ...assoc] = incident.actors.map((a) => a.name);
  const day = eventDay(incident);
  const number = (n: number | null) => (n === null ? '' : String(n));
  const cells: Partial<Record<Column, string>> = {
    event_id_cnty: incident.id,
    event_date: isoFromDay(day),
    year: String(partsFromDay(day).year),
    time_precision: TIME_PRECISION[incident.date.precision],
    disorder_type: attr('Disorder type'),
    event_type: incident.eventType ?? attr('ACLED event type'),
    sub_event_type: incident.subEventType ?? attr('ACLED sub-event type'),
    actor1: actor1 ?? '',
    assoc_actor_1: assoc.join('; '),
    inter1: attr('Actor 1 type'),
    actor2: actor2 ?? '',
    inter2: attr('Actor 2 type'),
    civilian_targeting: attr('Civilian targeting'),
    country: incident.place?.country ?? '',
    admin1: incident.place?.admin1 ?? '',
    location: incident.place?.name ?? '',
    geo_precision: GEO_PRECISION[incident.locationPrecision],
    source: incident.sources.map((s) => s.name).join('; '),
    notes: incident.summary,
    fatalities: number(pickCount(incident.fatalities, rule)),
    tags: attr('Tag'),
    title: incident.title,
    date: incident.date.text,
    injured: number(pickCount(incident.injured, rule)),
    source_url: incident.sources.flatMap((s) => (s.url === null ? [] : [s.url])).join('; '),
  };
  // Attributes kept from an ACLED import under ACLED's own column names (admin2, iso, timestamp, …).
  for (const col of ACLED_COLUMNS) if (cells[col] === undefined) cells[col] = attr(col);
  return cells as Record<Column, string>;
}

/** `incidents` as CSV chunks (header first, `\r\n` line ends as RFC 4180 says); `rule` picks counts. */
export function* exportCsv(incidents: readonly Incident[], rule: CountRule = 'latest'): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (let start = 0; start < incidents.length; start += ROWS_PER_CHUNK) {
    let chunk = '';
    for (const incident of incidents.slice(start, start + ROWS_PER_CHUNK)) {
      const cells = row(incident, rule);
      // Coordinates are numbers we wrote: never defused (a leading '-' is a sign, not a formula).
      chunk += `${CSV_COLUMNS.map((c) => (c === 'latitude' ? String(incident.lat) : c === 'longitude' ? String(incident.lon) : csvText(cells[c]))).join(',')}\r\n`;
    }
    yield chunk;
  }
}
