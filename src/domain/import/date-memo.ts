/**
 * Dates remembered while a file is read. A file repeats its dates — at a million incidents over a few
 * years, a day-precision date is one of a few thousand texts — so the builder parses each text once and
 * incidents share the result (a parsed date is immutable). A date with a time of day is nearly always
 * new, so it is parsed and not remembered, lest it push out the days. The memory is bounded: when full it
 * starts over.
 */
import { type DateResult, type DayNumber, dayFromIso, parseIncidentDate } from '../date';
import type { DatePrecision } from '../incident';

const MEMO = {
  entries: 8_192, // texts remembered per kind of date before starting over
};

type NoPrecision = 'inferred';

const incidentDates = new Map<DatePrecision | NoPrecision, Map<string, DateResult>>();
const isoDays = new Map<string, DayNumber | null>();

/** `parseIncidentDate(text, precision)`, remembered. */
export function incidentDate(text: string, precision: DatePrecision | null): DateResult {
  if (text.includes('T')) return parseIncidentDate(text, precision);
  const key = precision ?? 'inferred';
  let memo = incidentDates.get(key);
  if (memo === undefined) {
    memo = new Map();
    incidentDates.set(key, memo);
  }
  let date = memo.get(text);
  if (date === undefined) {
    date = parseIncidentDate(text, precision);
    if (memo.size >= MEMO.entries) memo.clear();
    memo.set(text, date);
  }
  return date;
}

/** `dayFromIso(text)`, remembered. */
export function isoDay(text: string): DayNumber | null {
  let day = isoDays.get(text);
  if (day === undefined) {
    day = dayFromIso(text);
    if (isoDays.size >= MEMO.entries) isoDays.clear();
    isoDays.set(text, day);
  }
  return day;
}
