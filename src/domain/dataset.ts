/**
 * A dataset: the validated incidents that every index and filter answers into, with what it is called and
 * where it came from. Built once per load; mounting one on the page is `ui/dataset-view.ts`.
 */
import { buildIndex, type IncidentIndex } from './filter';
import type { Incident } from './incident';
import { buildPlaceTable, type PlaceTable } from './places';
import { buildRelationGraph, type RelationGraph } from './story';

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
  /** One code per distinct place, for the place labels. */
  readonly places: PlaceTable;
  /** The relations between incidents, for arrows and stories. */
  readonly graph: RelationGraph;
}

/** What is derived from the incidents once: typed arrays only, so a worker can build it and transfer it. */
export interface DatasetDerived {
  readonly index: IncidentIndex;
  readonly places: PlaceTable;
  readonly graph: RelationGraph;
}

/** Builds everything derived from `incidents` (for the loading worker, or the page when it has no worker). */
export function deriveDataset(
  incidents: readonly Incident[],
  positionOf: ReadonlyMap<string, number> = positionsOf(incidents),
): DatasetDerived {
  return {
    index: buildIndex(incidents),
    places: buildPlaceTable(incidents),
    graph: buildRelationGraph(incidents, positionOf),
  };
}

/** The buffers of `derived`'s typed arrays, to transfer rather than copy. */
export function derivedBuffers(derived: DatasetDerived): ArrayBufferLike[] {
  const { index, places, graph } = derived;
  return [
    index.firstDay,
    index.lastDay,
    index.typeCode,
    index.actorStart,
    index.entryActor,
    index.entryFlags,
    index.newestFirst,
    places.points,
    places.codeOf,
    graph.offsets,
    graph.linkOf,
    graph.linkFrom,
    graph.linkTo,
    graph.linkKind,
    graph.timeKey,
  ].map((a) => a.buffer);
}

function positionsOf(incidents: readonly Incident[]): Map<string, number> {
  const positionOf = new Map<string, number>();
  for (let i = 0; i < incidents.length; i++) positionOf.set((incidents[i] as Incident).id, i);
  return positionOf;
}

/**
 * Makes `incidents` (which must not change afterwards) a dataset; `derived`, when given, is what was derived
 * from them already (by the loading worker), checked to fit.
 */
export function createDataset(
  incidents: readonly Incident[],
  name: string,
  origin: DatasetOrigin,
  derived?: DatasetDerived,
): Dataset {
  if (derived !== undefined && derived.index.count !== incidents.length) {
    throw new Error(`Index of ${derived.index.count} incidents given for ${incidents.length}`);
  }
  const positionOf = positionsOf(incidents);
  return { name, origin, incidents, positionOf, ...(derived ?? deriveDataset(incidents, positionOf)) };
}
