/**
 * Load issues: what was wrong with the input, where, and what happened to it.
 * `error` = the record (feature or CSV row) was skipped, or, located at the file, the whole file could not
 * be read; `warning` = the record loaded, with a default or a caveat.
 */

/** Where a problem is. Features are counted from 1 as people do; lines as a text editor counts them. */
export type IssueLocation =
  | { readonly kind: 'file' }
  /** `index` is 0-based into `features`; `id` is the feature's id as given, when usable. */
  | { readonly kind: 'feature'; readonly index: number; readonly id: string | null }
  /** `line` is the 1-based line where the CSV row starts (a quoted field may span lines). */
  | { readonly kind: 'line'; readonly line: number; readonly id: string | null };

export const FILE_LOCATION: IssueLocation = { kind: 'file' };

export interface LoadIssue {
  readonly severity: 'error' | 'warning';
  readonly location: IssueLocation;
  /** The file (or URL) name the issue belongs to, or null when not known. */
  readonly file: string | null;
  /** The offending field: a GeoJSON member path (`geometry.coordinates`) or a CSV column, or null. */
  readonly field: string | null;
  readonly message: string;
}

/** A file-level issue (the file as a whole, not one record). */
export function fileIssue(file: string | null, message: string, severity: LoadIssue['severity'] = 'error') {
  return { severity, location: FILE_LOCATION, file, field: null, message } satisfies LoadIssue;
}

/** Names where an issue is: `feature 3 (id bad-coords)`, `line 5`, `line 5 (id IRQ123)`, or `file`. */
export function issueLocation(issue: LoadIssue): string {
  const at = issue.location;
  if (at.kind === 'file') return 'file';
  const n = at.kind === 'feature' ? `feature ${at.index + 1}` : `line ${at.line}`;
  return at.id === null ? n : `${n} (id ${at.id})`;
}

/**
 * One line a person can act on:
 * `mixed.geojson: feature 3 (id bad-coords): geometry.coordinates: [200, 95] out of range`,
 * `sheet.csv: line 5: longitude: missing`, `notes.csv: is empty (0 bytes)`, `file: is empty` (no name).
 */
export function formatIssue(issue: LoadIssue): string {
  const field = issue.field === null ? '' : `${issue.field}: `;
  // A file-level issue names the file once: `sheet.csv: is empty (0 bytes)`.
  if (issue.file !== null && issue.location.kind === 'file') return `${issue.file}: ${field}${issue.message}`;
  const file = issue.file === null ? '' : `${issue.file}: `;
  return `${file}${issueLocation(issue)}: ${field}${issue.message}`;
}

/** A key per record (feature or line); null for file issues. */
function recordKey(issue: LoadIssue): string | null {
  const at = issue.location;
  if (at.kind === 'file') return null;
  return at.kind === 'feature' ? `f${at.index}` : `l${at.line}`;
}

/** Counts records skipped (distinct features or lines with an error). */
export function countSkipped(issues: readonly LoadIssue[]): number {
  const skipped = new Set<string>();
  for (const issue of issues) {
    const key = issue.severity === 'error' ? recordKey(issue) : null;
    if (key !== null) skipped.add(key);
  }
  return skipped.size;
}
