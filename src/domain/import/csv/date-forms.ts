/**
 * The date forms spreadsheets and ACLED exports have used, read into an ISO `YYYY-MM-DD` day. A form that
 * could mean two days (`01/02/2024`: 1 February or January 2?) is reported, never guessed.
 *
 * Accepted: `2020-03-11` (and `2020-03-11 00:00:00.000`, UCDP), `11 March 2020`, `11 Mar 2020`,
 * `11-03-2020` (ACLED's dd-mm-yyyy: with `dashesDayFirst`, as in ACLED exports, dashes with the year last are
 * day first; elsewhere they are read like slashes), `11-Mar-20` (Excel), `11/03/2020` only when one part is
 * above 12 or both are equal, `2020/03/11`.
 * Two-digit years (Excel's `11-Mar-20`): 00–69 → 2000s, 70–99 → 1900s (ACLED begins in 1997).
 */
import { dayFromParts, isoFromDay } from '../../date';

export type DayResult = { ok: true; iso: string } | { ok: false; reason: string };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1–12 for an English month name or its three-letter abbreviation (`March`, `Mar`, `Sept`), else null. */
function monthOf(name: string): number | null {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((full) => full === n || full.slice(0, 3) === n);
  if (i >= 0) return i + 1;
  return n === 'sept' ? 9 : null;
}

const fullYear = (yy: number) => (yy < 70 ? 2000 + yy : 1900 + yy);

function day(text: string, year: number, month: number, dayOfMonth: number): DayResult {
  const d = dayFromParts(year, month, dayOfMonth);
  return d === null
    ? { ok: false, reason: `"${text}" is not a real calendar date` }
    : { ok: true, iso: isoFromDay(d) };
}

/**
 * Reads one day in any accepted form; the reason says what is wrong and how to write it instead.
 * `dashesDayFirst`: read `dd-mm-yyyy` as ACLED writes it (true only for ACLED files).
 */
export function readDay(raw: string, dashesDayFirst = false): DayResult {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$/.exec(text);
  if (m) return day(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return day(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const month = monthOf(m[2] as string);
    if (month === null) return { ok: false, reason: `"${text}": "${m[2]}" is not an English month name` };
    const y = m[3] as string;
    return day(text, y.length === 2 ? fullYear(Number(y)) : Number(y), month, Number(m[1]));
  }
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (m && dashesDayFirst) return day(text, Number(m[3]), Number(m[2]), Number(m[1]));
  m ??= /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return day(text, Number(m[3]), b, a);
    if (b > 12 && a <= 12) return day(text, Number(m[3]), a, b);
    if (a === b) return day(text, Number(m[3]), a, a);
    if (a <= 12 && b <= 12) {
      return {
        ok: false,
        reason: `"${text}" is ambiguous (day ${a} of month ${b}, or month ${a} day ${b}?); write it as YYYY-MM-DD`,
      };
    }
    return { ok: false, reason: `"${text}" is not a real calendar date` };
  }
  return {
    ok: false,
    reason: `"${text}" is not a date form this importer knows (use YYYY-MM-DD, e.g. 2020-03-11)`,
  };
}
