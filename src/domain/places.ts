/**
 * Names of the places in the data, for the basemap's labels.
 *
 * `buildPlaceTable` reads the incidents' place strings ONCE per dataset and keeps one code per incident in
 * a typed array; `placeNames` then answers "which places do these incidents name, most named first" by
 * counting codes — no string is read or hashed per incident on a filter change, and the answer is bounded
 * (the `limit` most named places), because every label is a DOM node.
 */
import { trimmed, withRoom } from './growable';
import type { Incident } from './incident';

export interface PlaceName {
  readonly text: string;
  /** Longitude and latitude of the first incident at this place, in file order (WGS84 degrees). */
  readonly lon: number;
  readonly lat: number;
  /** How many of the given incidents name this place. */
  readonly count: number;
}

/** The code of an incident that names no place. */
export const NO_PLACE = 0xffff_ffff;

/** The distinct places of one dataset and each incident's place code. Built once; never changes. */
export interface PlaceTable {
  /** Place names; a place code is a position here (first appearance in file order). */
  readonly names: readonly string[];
  /** Where each place's label goes: lon at 2·code, lat at 2·code + 1 (WGS84 degrees). */
  readonly points: Float64Array;
  /** Per incident (index into the incident array): its place code, or NO_PLACE. */
  readonly codeOf: Uint32Array;
}

/**
 * One code per distinct place. Places are told apart by name, first-level region and country, so two
 * towns of the same name in different countries get a label each.
 */
export function buildPlaceTable(incidents: readonly Incident[]): PlaceTable {
  const builder = new PlaceTableBuilder();
  for (const incident of incidents) builder.add(incident);
  return builder.finish();
}

/** Builds the place table one incident at a time, in position order (see `buildPlaceTable`). */
export class PlaceTableBuilder {
  private codeOf = new Uint32Array(1024);
  private count = 0;
  /** Codes by name, then first-level region ('' for none), then country. */
  private readonly codeOfPlace = new Map<string, Map<string, Map<string, number>>>();
  private readonly names: string[] = [];
  private readonly points: number[] = [];

  /** Appends the place of `incident` at the next position. */
  add(incident: Pick<Incident, 'place' | 'lon' | 'lat'>): void {
    const i = this.count++;
    this.codeOf = withRoom(this.codeOf, i + 1);
    const place = incident.place;
    if (place == null) {
      this.codeOf[i] = NO_PLACE;
      return;
    }
    const admin1 = place.admin1 ?? '';
    let byRegion = this.codeOfPlace.get(place.name);
    if (byRegion === undefined) {
      byRegion = new Map();
      this.codeOfPlace.set(place.name, byRegion);
    }
    let byCountry = byRegion.get(admin1);
    if (byCountry === undefined) {
      byCountry = new Map();
      byRegion.set(admin1, byCountry);
    }
    let code = byCountry.get(place.country);
    if (code === undefined) {
      code = this.names.length;
      byCountry.set(place.country, code);
      this.names.push(place.name);
      this.points.push(incident.lon, incident.lat);
    }
    this.codeOf[i] = code;
  }

  /** The table of every incident added. The builder must not be used afterwards. */
  finish(): PlaceTable {
    return {
      names: this.names,
      points: Float64Array.from(this.points),
      codeOf: trimmed(this.codeOf, this.count),
    };
  }
}

/**
 * One label per distinct place among the incidents at `indices`, at the place's first incident: the
 * `limit` most named places, most named first (ties: the place that comes first in the file first).
 * Costs one typed-array read per incident and O(places · log limit) to pick the top ones.
 */
export function placeNames(table: PlaceTable, indices: ArrayLike<number>, limit = 300): PlaceName[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`Invalid label limit: ${limit}`);
  const counts = new Uint32Array(table.names.length);
  const { codeOf } = table;
  for (let k = 0; k < indices.length; k++) {
    const code = codeOf[indices[k] as number];
    if (code === undefined)
      throw new RangeError(`No incident at index ${indices[k]} (have ${codeOf.length})`);
    if (code !== NO_PLACE) counts[code] = (counts[code] as number) + 1;
  }
  const top = topCodes(counts, limit);
  return top.map((code) => ({
    text: table.names[code] as string,
    lon: table.points[2 * code] as number,
    lat: table.points[2 * code + 1] as number,
    count: counts[code] as number,
  }));
}

/** Codes of the `limit` largest non-zero counts, largest first, lower code first among equals. */
function topCodes(counts: Uint32Array, limit: number): number[] {
  // `a` ranks below `b`: fewer, or as many with a later code.
  const below = (a: number, b: number) =>
    (counts[a] as number) < (counts[b] as number) || (counts[a] === counts[b] && a > b);
  // A min-heap (by `below`) of at most `limit` codes: its root is the weakest of the best so far.
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < heap.length && below(heap[left] as number, heap[least] as number)) least = left;
      if (right < heap.length && below(heap[right] as number, heap[least] as number)) least = right;
      if (least === at) return;
      [heap[at], heap[least]] = [heap[least] as number, heap[at] as number];
      at = least;
    }
  };
  for (let code = 0; code < counts.length && limit > 0; code++) {
    if (counts[code] === 0) continue;
    if (heap.length < limit) {
      heap.push(code);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!below(heap[at] as number, heap[parent] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (below(heap[0] as number, code)) {
      heap[0] = code;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
}
