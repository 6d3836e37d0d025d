/**
 * The issues of one record (a GeoJSON feature or a CSV row) and the small value checks every format shares.
 * `errors` counts the issues that skip the record.
 */
import type { IssueLocation, LoadIssue } from '../issues';

/** Where a record is, before its id is known. */
export type RecordPlace = { kind: 'feature'; index: number } | { kind: 'line'; line: number };

type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own member of `obj` (never one inherited through `__proto__` or `constructor`). */
export function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Describes a value for a message: strings quoted and cut short, others by type. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

export class RecordIssues {
  errors = 0;
  /** The record's id as given, once known; shown in every later issue. */
  id: string | null = null;

  constructor(
    private readonly issues: LoadIssue[],
    private readonly file: string | null,
    readonly place: RecordPlace,
  ) {}

  location(): IssueLocation {
    return this.place.kind === 'feature'
      ? { kind: 'feature', index: this.place.index, id: this.id }
      : { kind: 'line', line: this.place.line, id: this.id };
  }

  error(field: string | null, message: string): void {
    this.errors++;
    this.push('error', field, message);
  }

  warn(field: string | null, message: string): void {
    this.push('warning', field, message);
  }

  private push(severity: LoadIssue['severity'], field: string | null, message: string): void {
    this.issues.push({ severity, location: this.location(), file: this.file, field, message });
  }

  /** A string member; '' and whitespace-only count as missing. */
  text(obj: JsonObject, key: string, path: string, required: boolean): string | null {
    const v = own(obj, key);
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

  /** An array member; missing gives [], anything else that is not an array is an error. */
  array(obj: JsonObject, key: string, path: string, required: boolean): unknown[] {
    const v = own(obj, key);
    if (v === undefined || v === null) {
      if (required) this.error(path, 'is missing');
      return [];
    }
    if (!Array.isArray(v)) {
      this.error(path, `must be an array, got ${show(v)}`);
      return [];
    }
    return v;
  }
}
