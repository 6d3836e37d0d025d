/**
 * Incident dates in the incident's own local time.
 *
 * Everything here works on *local calendar days*: a day number is the count of days from 1970-01-01 to the
 * date as written in the data, ignoring the UTC offset. "2020-01-03T00:50+03:00" is day 18264 (3 January)
 * on every machine, whatever the browser's time zone, because no step converts to the reader's time zone.
 * Arithmetic goes through `Date.UTC`, which has no time zone.
 */
import type { DatePrecision } from './incident';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a local calendar date; an integer. */
export type DayNumber = number;

/** One end of a date: a calendar day, optionally a time of day and a UTC offset. */
export interface LocalDateTime {
  readonly day: DayNumber;
  /** Minutes after local midnight, or null when only the date is known. */
  readonly minutes: number | null;
  /** UTC offset in minutes (+180 for UTC+3), or null when the text gives none. */
  readonly offsetMinutes: number | null;
  /** True for a `YYYY-MM` date: only the month is known. */
  readonly monthOnly: boolean;
}

/** A parsed incident date. `firstDay`..`lastDay` is what filters compare against (inclusive). */
export interface IncidentDate {
  /** The ISO 8601 text as given. */
  readonly text: string;
  readonly precision: DatePrecision;
  readonly start: LocalDateTime;
  /** Same as `start` unless the text is an interval `start/end`. */
  readonly end: LocalDateTime;
  readonly isInterval: boolean;
  /** First local calendar day the incident may fall on, after widening by precision. */
  readonly firstDay: DayNumber;
  /** Last local calendar day the incident may fall on, after widening by precision. */
  readonly lastDay: DayNumber;
  /** Milliseconds for ordering: the start instant in UTC when the offset is known, else local midnight. */
  readonly sortKey: number;
}

export type DateResult = { ok: true; value: IncidentDate } | { ok: false; reason: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Day number of a calendar date, or null when the date does not exist (2024-02-30). */
export function dayFromParts(year: number, month: number, day: number): DayNumber | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC maps years 0..99 onto 1900..1999; setUTCFullYear would fix that, but such years are not incidents.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** Parses `YYYY-MM-DD` into a day number; null when malformed or impossible. */
export function dayFromIso(text: string): DayNumber | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Formats a day number as `YYYY-MM-DD`. */
export function isoFromDay(day: DayNumber): string {
  const { year, month, dayOfMonth } = partsFromDay(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dayOfMonth)}`;
}

/** Calendar parts of a day number; `month` is 1-based. */
export function partsFromDay(day: DayNumber): { year: number; month: number; dayOfMonth: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate() };
}

/** Monday of the ISO week containing `day` (1970-01-01, day 0, was a Thursday). */
export function isoWeekStart(day: DayNumber): DayNumber {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
  return day - weekday;
}

/** First and last day of the calendar month containing `day`. */
export function monthBounds(day: DayNumber): { first: DayNumber; last: DayNumber } {
  const { year, month } = partsFromDay(day);
  const first = Math.round(Date.UTC(year, month - 1, 1) / MS_PER_DAY);
  const last = Math.round(Date.UTC(year, month, 1) / MS_PER_DAY) - 1;
  return { first, last };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

type EndResult = { ok: true; value: LocalDateTime } | { ok: false; reason: string };

function parseOffset(text: string): number | null {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return null;
  return sign * (hours * 60 + minutes);
}

function parseEnd(text: string): EndResult {
  const month = MONTH_RE.exec(text);
  if (month) {
    const day = dayFromParts(Number(month[1]), Number(month[2]), 1);
    if (day === null) return { ok: false, reason: `"${text}" is not a real month` };
    return { ok: true, value: { day, minutes: null, offsetMinutes: null, monthOnly: true } };
  }
  const date = DATE_RE.exec(text);
  if (date) {
    const day = dayFromParts(Number(date[1]), Number(date[2]), Number(date[3]));
    if (day === null) return { ok: false, reason: `"${text}" is not a real calendar date` };
    return { ok: true, value: { day, minutes: null, offsetMinutes: null, monthOnly: false } };
  }
  const dt = DATE_TIME_RE.exec(text);
  if (dt) {
    const day = dayFromParts(Number(dt[1]), Number(dt[2]), Number(dt[3]));
    if (day === null) return { ok: false, reason: `"${text}" is not a real calendar date` };
    const hours = Number(dt[4]);
    const minutes = Number(dt[5]);
    const seconds = dt[6] === undefined ? 0 : Number(dt[6]);
    if (hours > 23 || minutes > 59 || seconds > 59) {
      return { ok: false, reason: `"${text}" has an impossible time of day` };
    }
    let offsetMinutes: number | null = null;
    if (dt[7] !== undefined) {
      offsetMinutes = parseOffset(dt[7]);
      if (offsetMinutes === null) return { ok: false, reason: `"${text}" has an impossible UTC offset` };
    }
    return { ok: true, value: { day, minutes: hours * 60 + minutes, offsetMinutes, monthOnly: false } };
  }
  return {
    ok: false,
    reason: `"${text}" is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM-DDTHH:MM±HH:MM, YYYY-MM or start/end)`,
  };
}

/** The precision a date implies when the data does not state one. */
function inferPrecision(start: LocalDateTime): DatePrecision {
  if (start.monthOnly) return 'month';
  return start.minutes === null ? 'day' : 'time';
}

function widen(day: DayNumber, precision: DatePrecision): { first: DayNumber; last: DayNumber } {
  if (precision === 'week') {
    const first = isoWeekStart(day);
    return { first, last: first + 6 };
  }
  if (precision === 'month') return monthBounds(day);
  return { first: day, last: day };
}

function sortKeyOf(end: LocalDateTime): number {
  const local = end.day * MS_PER_DAY + (end.minutes ?? 0) * 60_000;
  return local - (end.offsetMinutes ?? 0) * 60_000;
}

/**
 * Parses an incident date: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`, `YYYY-MM`, or an interval
 * `start/end` of those. `precision` is the stated `datePrecision`, or null to infer it from the text.
 * Impossible dates and contradictions (precision `time` without a time of day) are rejected, never fixed.
 */
export function parseIncidentDate(text: string, precision: DatePrecision | null): DateResult {
  const parts = text.split('/');
  if (parts.length > 2)
    return { ok: false, reason: `"${text}" is not an ISO 8601 date or interval: more than one "/"` };
  const ends: LocalDateTime[] = [];
  for (const part of parts) {
    if (part.trim() !== part) return { ok: false, reason: `"${text}" has stray spaces` };
    const parsed = parseEnd(part);
    if (!parsed.ok) return parsed;
    ends.push(parsed.value);
  }
  const start = ends[0] as LocalDateTime;
  const end = ends[1] ?? start;
  if (end.day < start.day || (end.day === start.day && sortKeyOf(end) < sortKeyOf(start))) {
    return { ok: false, reason: `interval "${text}" ends before it starts` };
  }
  const effective = precision ?? inferPrecision(start);
  if (effective === 'time' && (start.minutes === null || end.minutes === null)) {
    return { ok: false, reason: `datePrecision "time" needs a time of day, but "${text}" has none` };
  }
  if ((start.monthOnly || end.monthOnly) && effective !== 'month') {
    return { ok: false, reason: `"${text}" gives only a month, so datePrecision must be "month"` };
  }
  const first = widen(start.day, effective).first;
  const last = widen(end.monthOnly ? monthBounds(end.day).last : end.day, effective).last;
  return {
    ok: true,
    value: {
      text,
      precision: effective,
      start,
      end,
      isInterval: parts.length === 2,
      firstDay: first,
      lastDay: last,
      sortKey: sortKeyOf(start),
    },
  };
}
