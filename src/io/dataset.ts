/**
 * Load → validate → index, for one dataset. The result holds the incident array that every index and
 * filter answers into, so the rest of the app never sees raw GeoJSON.
 */
import { createDataset, type Dataset, type DatasetOrigin } from '../domain/dataset';
import type { LoadIssue } from '../domain/issues';
import { parseIncidents } from '../domain/parse';

export type { Dataset } from '../domain/dataset';

export type DatasetResult =
  | { ok: true; dataset: Dataset; issues: LoadIssue[] }
  | { ok: false; message: string; issues: LoadIssue[] };

/** Builds a dataset from decoded JSON. Fails (with the reasons) only when no incident at all is valid. */
export function datasetFromJson(
  json: unknown,
  name: string,
  origin: DatasetOrigin = { kind: 'bundled' },
): DatasetResult {
  const { incidents, issues } = parseIncidents(json);
  if (incidents.length === 0) {
    const fileIssue = issues.find((i) => i.featureIndex === null);
    const message = fileIssue
      ? `${name} could not be used: ${fileIssue.message}.`
      : `${name} has no incident that could be loaded (${issues.length} problem${issues.length === 1 ? '' : 's'} listed below).`;
    return { ok: false, message, issues };
  }
  return { ok: true, dataset: createDataset(incidents, name, origin), issues };
}
