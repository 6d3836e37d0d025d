/**
 * Load issues: what was wrong with the input, where, and what happened to it.
 * `error` = the feature was skipped (or, with no feature index, the whole file could not be read);
 * `warning` = the feature loaded, with a default or a caveat.
 */
export interface LoadIssue {
  readonly severity: 'error' | 'warning';
  /** 0-based index into `features`, or null for a problem with the file as a whole. */
  readonly featureIndex: number | null;
  /** The feature's id as given, when it had a usable one. */
  readonly featureId: string | null;
  /** Dotted path of the offending member (`geometry.coordinates`, `properties.actors[1].role`), or null. */
  readonly field: string | null;
  readonly message: string;
}

/** Names where an issue is: `feature 3 (id bad-coords)`, counting features from 1 as people do. */
export function issueLocation(issue: LoadIssue): string {
  if (issue.featureIndex === null) return 'file';
  const n = `feature ${issue.featureIndex + 1}`;
  return issue.featureId === null ? n : `${n} (id ${issue.featureId})`;
}

/** One line a person can act on: `feature 3 (id bad-coords): geometry.coordinates: [200, 95] out of range`. */
export function formatIssue(issue: LoadIssue): string {
  const field = issue.field === null ? '' : `${issue.field}: `;
  return `${issueLocation(issue)}: ${field}${issue.message}`;
}

/** Counts features skipped (distinct feature indices with an error). */
export function countSkipped(issues: readonly LoadIssue[]): number {
  const skipped = new Set<number>();
  for (const issue of issues) {
    if (issue.severity === 'error' && issue.featureIndex !== null) skipped.add(issue.featureIndex);
  }
  return skipped.size;
}
