/**
 * A dataset: the validated incidents that every index and filter answers into, with what it is called and
 * where it came from. Built once per load; mounting one on the page is `ui/dataset-view.ts`.
 */
import { buildIndex, type IncidentIndex } from './filter';
import type { Incident } from './incident';

/** Where a dataset came from: bundled with the app, a `?data=` address, or a file opened in this browser. */
export type DatasetOrigin =
  | { readonly kind: 'bundled' }
  | { readonly kind: 'url'; readonly url: string; readonly host: string; readonly crossOrigin: boolean }
  | { readonly kind: 'file'; readonly fileName: string }
  | { readonly kind: 'several'; readonly parts: readonly DatasetOrigin[] };

export interface Dataset {
  /** What the dataset calls itself (a GeoJSON `name` member), or else its file name or address. */
  readonly name: string;
  readonly origin: DatasetOrigin;
  readonly incidents: readonly Incident[];
  readonly index: IncidentIndex;
  /** Incident id → position in `incidents`. */
  readonly positionOf: ReadonlyMap<string, number>;
}

/**
 * Indexes `incidents` (which must not change afterwards) as a dataset; `index`, when given, is their index
 * built already (by the loading worker), checked to fit.
 */
export function createDataset(
  incidents: readonly Incident[],
  name: string,
  origin: DatasetOrigin,
  index?: IncidentIndex,
): Dataset {
  if (index !== undefined && index.count !== incidents.length) {
    throw new Error(`Index of ${index.count} incidents given for ${incidents.length}`);
  }
  const positionOf = new Map<string, number>();
  for (let i = 0; i < incidents.length; i++) positionOf.set((incidents[i] as Incident).id, i);
  return { name, origin, incidents, index: index ?? buildIndex(incidents), positionOf };
}
