/**
 * Load → validate → index, for one dataset. The result holds the incident array that every index and
 * filter answers into, so the rest of the app never sees raw GeoJSON or CSV rows.
 */
import { buildIndex, type IncidentIndex } from '../domain/filter';
import { type ImportOptions, importBytes } from '../domain/import/import-text';
import type { ImportResult } from '../domain/import/result';
import type { Incident } from '../domain/incident';
import type { LoadIssue } from '../domain/issues';
import { parseIncidents } from '../domain/parse';
import { fetchJson } from './load-dataset';

export interface Dataset {
  /** What to call it in messages: the file name or URL. */
  readonly name: string;
  readonly incidents: readonly Incident[];
  readonly index: IncidentIndex;
  /** Incident id → position in `incidents`. */
  readonly positionOf: ReadonlyMap<string, number>;
}

export type DatasetResult =
  | { ok: true; dataset: Dataset; issues: LoadIssue[] }
  | { ok: false; message: string; issues: LoadIssue[] };

function fromResult(result: Pick<ImportResult, 'incidents' | 'issues'>, name: string): DatasetResult {
  const { incidents, issues } = result;
  if (incidents.length === 0) {
    const fileIssue = issues.find((i) => i.location.kind === 'file' && i.severity === 'error');
    const message = fileIssue
      ? `${name} could not be used: ${fileIssue.message}.`
      : `${name} has no incident that could be loaded (${issues.length} problem${issues.length === 1 ? '' : 's'} listed below).`;
    return { ok: false, message, issues };
  }
  const positionOf = new Map(incidents.map((incident, i) => [incident.id as string, i]));
  return { ok: true, dataset: { name, incidents, index: buildIndex(incidents), positionOf }, issues };
}

/** Builds a dataset from decoded JSON. Fails (with the reasons) only when no incident at all is valid. */
export function datasetFromJson(json: unknown, name: string): DatasetResult {
  return fromResult(parseIncidents(json, { file: name }), name);
}

/** Builds a dataset from a file's bytes in any supported format (GeoJSON, ACLED, UCDP, CSV). */
export function datasetFromBytes(bytes: Uint8Array, name: string, options?: ImportOptions): DatasetResult {
  return fromResult(importBytes(bytes, name, options), name);
}

/** Downloads `url` and builds a dataset from it; never throws. */
export async function openDataset(url: string, name: string): Promise<DatasetResult> {
  const fetched = await fetchJson(url);
  if (!fetched.ok) return { ok: false, message: fetched.message, issues: [] };
  return datasetFromJson(fetched.json, name);
}
