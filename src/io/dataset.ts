/**
 * Validated incidents → a dataset, for callers that already hold decoded JSON (tests, tools). The app
 * itself reads bytes through `load-dataset.ts`, which uses the same importers.
 */
import { createDataset, type Dataset, type DatasetOrigin } from '../domain/dataset';
import type { ImportResult } from '../domain/import/result';
import type { LoadIssue } from '../domain/issues';
import { parseIncidents } from '../domain/parse';

export type { Dataset } from '../domain/dataset';

export type DatasetResult =
  | { ok: true; dataset: Dataset; issues: LoadIssue[] }
  | { ok: false; message: string; issues: LoadIssue[] };

/** The one message for an import that gave no incident: the file's own problem, or a count of problems. */
export function noIncidentMessage(result: Pick<ImportResult, 'issues'>, name: string): string {
  const fileIssue = result.issues.find((i) => i.location.kind === 'file' && i.severity === 'error');
  const n = result.issues.length;
  if (fileIssue && /^(is|has) /.test(fileIssue.message)) return `${name} ${fileIssue.message}.`;
  return fileIssue
    ? `${name} could not be used: ${fileIssue.message}.`
    : `${name} has no incident that could be loaded (${n.toLocaleString('en-US')} problem${n === 1 ? '' : 's'} listed below).`;
}

/** Builds a dataset from decoded JSON. Fails (with the reasons) only when no incident at all is valid. */
export function datasetFromJson(
  json: unknown,
  name: string,
  origin: DatasetOrigin = { kind: 'bundled' },
): DatasetResult {
  const result = parseIncidents(json, { file: name });
  if (result.incidents.length === 0)
    return { ok: false, message: noIncidentMessage(result, name), issues: result.issues };
  return { ok: true, dataset: createDataset(result.incidents, name, origin), issues: result.issues };
}
