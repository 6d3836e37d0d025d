/**
 * Plain-text formatting of incident facts for people. Pure: returns strings, never markup, and does not
 * depend on the reader's time zone or locale (dates are shown as the incident's local time).
 */
import { type Count, type CountReport, isSingleFigure } from './counts';
import { dayFromIso, type IncidentDate, type LocalDateTime, partsFromDay } from './date';
import type { Actor, Attribution, LocationPrecision, Place, Relation, SourceKind } from './incident';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** English month names, January first. */
export const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `11 Mar 2020` */
export function formatDay(day: number): string {
  const { year, month, dayOfMonth } = partsFromDay(day);
  return `${dayOfMonth} ${MONTHS[month - 1]} ${year}`;
}

/** `March 2020` */
export function formatMonth(day: number): string {
  const { year, month } = partsFromDay(day);
  return `${MONTHS_LONG[month - 1]} ${year}`;
}

/** `UTC+3`, `UTC+5:30`, `UTC−4`, `UTC`. */
export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '\u2212';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function formatEnd(end: LocalDateTime, withTime: boolean): string {
  const day = formatDay(end.day);
  return withTime && end.minutes !== null ? `${day}, ${formatClock(end.minutes)}` : day;
}

function offsetSuffix(date: IncidentDate): string {
  const { start, end } = date;
  if (start.offsetMinutes === null) return ' (local time)';
  if (end.offsetMinutes !== null && end.offsetMinutes !== start.offsetMinutes) {
    return ` (${formatOffset(start.offsetMinutes)} to ${formatOffset(end.offsetMinutes)})`;
  }
  return ` (${formatOffset(start.offsetMinutes)})`;
}

/**
 * The date as the incident's own local time, at its precision:
 * `11 Mar 2020, 19:35 (UTC+3)`, `3 Jan 2020`, `31 Dec 2019 – 1 Jan 2020`, `week of 9 Mar 2020`, `March 2020`.
 */
export function formatIncidentDate(date: IncidentDate): string {
  const { precision, start, end, isInterval } = date;
  const dash = ' \u2013 ';
  switch (precision) {
    case 'time': {
      const text = isInterval
        ? `${formatEnd(start, true)}${dash}${formatEnd(end, true)}`
        : formatEnd(start, true);
      return text + offsetSuffix(date);
    }
    case 'day':
      return isInterval && end.day !== start.day
        ? `${formatDay(start.day)}${dash}${formatDay(end.day)}`
        : formatDay(start.day);
    case 'week': {
      const first = formatDay(date.firstDay);
      const lastWeek = formatDay(date.lastDay - 6);
      return date.lastDay - date.firstDay > 6 ? `weeks of ${first}${dash}${lastWeek}` : `week of ${first}`;
    }
    case 'month': {
      const first = formatMonth(date.firstDay);
      const last = formatMonth(date.lastDay);
      return first === last ? first : `${first}${dash}${last}`;
    }
  }
}

/** A short phrase for how exact the date is, for list hints: `exact time`, `day`, `2 days`, `week`, `month`. */
export function formatDatePrecision(date: IncidentDate): string {
  const days = date.lastDay - date.firstDay + 1;
  if (date.precision === 'time' && !date.isInterval) return 'exact time';
  if (date.precision === 'week' || date.precision === 'month') {
    return days > 31 || (date.precision === 'week' && days > 7) ? `within ${days} days` : date.precision;
  }
  return days === 1 ? 'day' : `${days}-day span`;
}

/** `3`, `0`, or `not reported` for null. */
export function formatCount(n: number | null): string {
  return n === null ? 'not reported' : String(n);
}

/** One report's figure: `18`, `none`, `10–15`, `12 (10–15)`. */
export function formatReportFigure(report: CountReport): string {
  const range = report.low !== null && report.high !== null ? `${report.low}\u2013${report.high}` : null;
  if (report.value === null) return range ?? 'not reported';
  const value = report.value === 0 ? 'none' : String(report.value);
  return range === null ? value : `${value} (${range})`;
}

/**
 * Each report of a count as one line, for the popup: `18 killed — SOHR, 11 Mar 2020`,
 * `26 killed — SOHR via AFP, 12 Mar 2020`, `none — Syrian state media (material damage only)`.
 * A plain number (one report without a source) is one line as today: `3`, `0`; no report: `not reported`.
 */
export function formatCountReportLines(count: Count, noun: string): string[] {
  const [only] = count.reports;
  if (only === undefined) return ['not reported'];
  if (isSingleFigure(count)) return [formatCount(only.value)];
  return count.reports.map((r) => {
    const figure = formatReportFigure(r);
    const head = figure === 'none' ? figure : `${figure} ${noun}`;
    const day = r.reported === null ? null : dayFromIso(r.reported);
    const by = [r.source, day === null ? r.reported : formatDay(day)].filter((x) => x !== null).join(', ');
    const note = r.note === null ? '' : ` (${r.note})`;
    return `${head}${by === '' ? '' : ` \u2014 ${by}`}${note}`;
  });
}

/** Every report of a count side by side on one line: `18 killed — SOHR, 11 Mar 2020 · 26 killed — …`. */
export function formatCountReports(count: Count, noun: string): string {
  return formatCountReportLines(count, noun).join(' \u00b7 ');
}

/** `Kataib Hezbollah — perpetrator, suspected` */
export function formatActor(actor: Actor): string {
  return `${actor.name} \u2014 ${actor.role}, ${actor.attribution}`;
}

export const ATTRIBUTION_MEANING: Record<Attribution, string> = {
  confirmed: 'acknowledged by the actor or established by independent sources',
  claimed: 'claimed by the actor itself',
  suspected: 'named by officials or analysts without confirmation',
  disputed: 'asserted by some sources and contested by others',
  unknown: 'not attributed',
};

export const LOCATION_PRECISION_LABEL: Record<LocationPrecision, string> = {
  exact: 'exact site',
  near: 'near this point',
  region: 'somewhere in this region',
};

/** `Camp Taji, Baghdad, Iraq` */
export function formatPlace(place: Place | null): string {
  if (place === null) return 'place not given';
  return [place.name, place.admin1, place.country].filter((p) => p !== null && p !== '').join(', ');
}

export const RELATION_LABEL: Record<Relation, string> = {
  prompted: 'Prompted',
  promptedBy: 'Prompted by',
  ledTo: 'Led to',
  resultedFrom: 'Resulted from',
  followedBy: 'Followed by',
  follows: 'Follows',
  notRelatedTo: 'Not related to (per sources)',
  context: 'Background',
};

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  official: 'official',
  media: 'news media',
  monitor: 'monitoring group',
  social: 'social media',
  reference: 'reference work',
  other: 'other',
};
