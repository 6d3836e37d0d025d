/**
 * Reads a count (killed, injured) in any of its three forms (docs/data-format.md): an integer ≥ 0, `null`
 * (not reported), or an array of reports `{ value?, low?, high?, source, reported?, url?, note? }`.
 */
import { type Count, type CountReport, countFrom, NOT_REPORTED } from '../counts';
import { isoDay } from './date-memo';
import { isObject, own, type RecordIssues, show } from './record-issues';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A figure of a report: absent → null; present → must be a whole number ≥ 0 (else undefined = bad). */
function figure(r: RecordIssues, obj: Record<string, unknown>, key: string, path: string) {
  const v = own(obj, key);
  if (v === undefined || v === null) return null;
  if (isCount(v)) return v;
  r.error(`${path}.${key}`, `must be a whole number of people, 0 or more, got ${show(v)}`);
  return undefined;
}

function readReport(r: RecordIssues, raw: unknown, path: string): CountReport | null {
  if (!isObject(raw)) {
    r.error(path, 'must be an object { value | low and high, source, reported? }');
    return null;
  }
  const before = r.errors;
  const value = figure(r, raw, 'value', path);
  const low = figure(r, raw, 'low', path);
  const high = figure(r, raw, 'high', path);
  const source = r.text(raw, 'source', `${path}.source`, true);
  const reported = r.text(raw, 'reported', `${path}.reported`, false);
  const url = r.text(raw, 'url', `${path}.url`, false);
  const note = r.text(raw, 'note', `${path}.note`, false);
  if (value === undefined || low === undefined || high === undefined) return null;
  if (value === null && (low === null || high === null)) {
    r.error(path, 'needs a "value", or both "low" and "high"');
  } else if ((low === null) !== (high === null)) {
    r.error(path, 'gives only one end of a range: give both "low" and "high"');
  } else if (low !== null && high !== null && low > high) {
    r.error(path, `low ${low} is above high ${high}`);
  } else if (value !== null && low !== null && high !== null && (value < low || value > high)) {
    r.error(path, `value ${value} lies outside its range ${low}\u2013${high}`);
  }
  if (reported !== null && isoDay(reported) === null) {
    r.error(`${path}.reported`, `${show(reported)} is not a real YYYY-MM-DD date`);
  }
  if (r.errors > before) return null;
  return { value, low, high, source, reported, url, note };
}

/**
 * The count at `obj[key]`, or null when it is wrong (the reasons are reported on `r`).
 * A missing member is "not reported" (an error in strict mode: write `null`).
 */
export function readCount(
  r: RecordIssues,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  strict: boolean,
): Count | null {
  const v = own(obj, key);
  if (v === undefined) {
    if (strict) r.error(path, 'is missing (use null for "not reported")');
    return NOT_REPORTED;
  }
  if (v === null) return NOT_REPORTED;
  if (Array.isArray(v)) {
    const reports = v.map((raw, i) => readReport(r, raw, `${path}[${i}]`));
    return reports.every((x) => x !== null) ? { reports: reports as CountReport[] } : null;
  }
  if (typeof v !== 'number') {
    const hint = typeof v === 'string' ? ' (a string)' : '';
    r.error(path, `must be an integer, null or a list of reports, got ${show(v)}${hint}`);
    return null;
  }
  if (!isCount(v)) {
    r.error(path, `must be a whole number of people, 0 or more, got ${v}`);
    return null;
  }
  return countFrom(v);
}
