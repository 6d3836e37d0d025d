/**
 * Parse and validate an incident FeatureCollection (RFC 7946) into typed incidents, once.
 *
 * This is the GeoJSON entry point existing callers use; the work is done by the GeoJSON reader
 * (`import/geojson.ts`) on top of the format-neutral incident builder (`import/build-incident.ts`), which
 * states the rules (docs/data-format.md). To read text or bytes of any format, use `import/import-text.ts`.
 */

import { readGeoJson } from './import/geojson';
import type { Incident } from './incident';
import type { LoadIssue } from './issues';

export interface ParseOptions {
  /** Require every field and at least one source (the bundled dataset's standard). Default false. */
  readonly strict?: boolean;
  /** The file name every issue carries (shown by `formatIssue`), or null. Default null. */
  readonly file?: string | null;
}

export interface ParseResult {
  /** Valid incidents, in file order. Array positions are the indices every index and filter returns. */
  readonly incidents: Incident[];
  readonly issues: LoadIssue[];
  /** Features in the file; `incidents.length + skipped === total`. */
  readonly total: number;
  readonly skipped: number;
}

/**
 * Parses a decoded JSON value as an incident FeatureCollection.
 * Never throws on bad data: a value that is not a FeatureCollection gives no incidents and one file issue.
 */
export function parseIncidents(json: unknown, options: ParseOptions = {}): ParseResult {
  const { incidents, issues, total, skipped } = readGeoJson(json, options);
  return { incidents, issues, total, skipped };
}
