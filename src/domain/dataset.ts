/**
 * A dataset: the columnar store of one load (or several side by side). The page holds numbers only —
 * the filter index, the per-incident columns, the place table and the relation graph, all typed arrays —
 * and reads an incident's text from its records (records.ts) when a popup or a list row shows it. Built
 * once per load; mounting one on the page is `ui/dataset-view.ts`.
 */
import { ColumnsBuilder, columnBuffers, findId, type IncidentColumns, idAt } from './columns';
import { type IncidentIndex, IndexBuilder } from './filter';
import { trimmed, withRoom } from './growable';
import type { Incident, IncidentId } from './incident';
import { type PlaceTable, PlaceTableBuilder } from './places';
import type { PointTrail } from './point-trail';
import { memoryRecords, type RecordSource } from './records';
import { type RelationGraph, relationGraphFromStatements, type StatedRelations, storyTimeKey } from './story';

/** Where a dataset came from: bundled with the app, a `?data=` address, or a file opened in this browser. */
export type DatasetOrigin =
  | { readonly kind: 'bundled' }
  | { readonly kind: 'url'; readonly url: string; readonly host: string; readonly crossOrigin: boolean }
  | { readonly kind: 'file'; readonly fileName: string }
  | { readonly kind: 'several'; readonly parts: readonly DatasetOrigin[] };

/** What is derived from the incidents once: typed arrays (and short lists of names), so a worker can build
 *  it and transfer it. */
export interface DatasetDerived {
  readonly index: IncidentIndex;
  readonly columns: IncidentColumns;
  readonly places: PlaceTable;
  readonly graph: RelationGraph;
}

export interface Dataset extends DatasetDerived {
  /** What the dataset calls itself (a GeoJSON `name` member), or else its file name or address. */
  readonly name: string;
  readonly origin: DatasetOrigin;
  /** How many incidents; positions run 0 .. count - 1 in every column. */
  readonly count: number;
  /** Each incident's whole text, read when shown. */
  readonly records: RecordSource;
  /** The id of the incident at position `i`. */
  idOf(i: number): IncidentId;
  /** The position of the incident with `id`, or undefined. */
  indexOf(id: string): number | undefined;
}

/** Builds everything derived from `incidents` (in the loading worker, or on the page for small sets). */
export function deriveDataset(incidents: readonly Incident[]): DatasetDerived {
  const builder = new DatasetBuilder();
  for (const incident of incidents) builder.add(incident);
  return builder.finish();
}

/**
 * Builds everything `deriveDataset` derives one incident at a time, in position order: each incident's
 * numbers go into growable typed arrays and the incident itself can be dropped, so the loading worker
 * never holds a million incident objects. Only the relations of incidents that state some are kept until
 * `finish`, which needs every id to resolve them.
 */
export class DatasetBuilder {
  /** With a `trail`, each incident's position is also kept there, for a preview while the file is read. */
  constructor(private readonly trail: PointTrail | null = null) {}

  private readonly columns = new ColumnsBuilder();
  private readonly index = new IndexBuilder();
  private readonly places = new PlaceTableBuilder();
  private timeKey = new Float64Array(1024);
  private readonly stated: StatedRelations[] = [];

  /** Incidents added so far: the position the next one takes. */
  get count(): number {
    return this.columns.count;
  }

  /** Appends `incident` at the next position. */
  add(incident: Incident): void {
    const i = this.columns.count;
    this.columns.add(incident);
    this.index.add(incident);
    this.places.add(incident);
    this.timeKey = withRoom(this.timeKey, i + 1);
    this.timeKey[i] = storyTimeKey(incident.date.start);
    if (incident.related.length > 0) this.stated.push({ position: i, related: incident.related });
    this.trail?.add(incident.lon, incident.lat);
  }

  /** Gives the incident at `position` the id `id` (one generated once the whole file was read). */
  setId(position: number, id: string): void {
    this.columns.setId(position, id);
  }

  /** Everything derived from the incidents added. The builder must not be used afterwards. */
  finish(): DatasetDerived {
    const columns = this.columns.finish();
    const positionOf = { get: (id: string) => findId(columns.ids, id) };
    return {
      index: this.index.finish(),
      columns,
      places: this.places.finish(),
      graph: relationGraphFromStatements(this.stated, positionOf, trimmed(this.timeKey, columns.count)),
    };
  }
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
    graph.linked,
    graph.offsets,
    graph.linkOf,
    graph.linkFrom,
    graph.linkTo,
    graph.linkKind,
    graph.timeKey,
  ]
    .map((a) => a.buffer)
    .concat(columnBuffers(derived.columns));
}

/** Makes a dataset of what was derived (by the loading worker) and where its records are. */
export function datasetFrom(
  derived: DatasetDerived,
  records: RecordSource,
  name: string,
  origin: DatasetOrigin,
): Dataset {
  const { index, columns } = derived;
  if (columns.count !== index.count)
    throw new Error(`Columns of ${columns.count} incidents given with an index of ${index.count}`);
  return {
    ...derived,
    name,
    origin,
    count: index.count,
    records,
    idOf: (i) => idAt(columns.ids, i),
    indexOf: (id) => findId(columns.ids, id),
  };
}

/** Makes `incidents` (which must not change afterwards) a dataset, on the page: for small sets and tests. */
export function createDataset(incidents: readonly Incident[], name: string, origin: DatasetOrigin): Dataset {
  return datasetFrom(deriveDataset(incidents), memoryRecords(incidents), name, origin);
}
