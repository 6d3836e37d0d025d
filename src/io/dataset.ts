/** What the page says of an import that gave no incident at all. */
import type { ImportResult } from '../domain/import/result';

export type { Dataset } from '../domain/dataset';

/** The one message for an import that gave no incident: the file's own problem, or a count of problems. */
export function noIncidentMessage(result: Pick<ImportResult, 'issues'>, name: string): string {
  const fileIssue = result.issues.find((i) => i.location.kind === 'file' && i.severity === 'error');
  const n = result.issues.length;
  if (fileIssue && /^(is|has) /.test(fileIssue.message)) return `${name} ${fileIssue.message}.`;
  return fileIssue
    ? `${name} could not be used: ${fileIssue.message}.`
    : `${name} has no incident that could be loaded (${n.toLocaleString('en-US')} problem${n === 1 ? '' : 's'} listed below).`;
}
