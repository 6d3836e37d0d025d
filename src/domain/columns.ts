/**
 * The columnar store's per-incident columns: what the page keeps of every incident, as typed arrays, beside
 * the filter index (filter.ts), the place table (places.ts) and the relation graph (story.ts). Everything
 * the map, the filters, the timeline and the first fit need is here; an incident's text (title, summary,
 * sources, actor names) is not — it is read from the dataset's records (records.ts) only when a popup or a
 * list row shows it.
 *
 * Ids are kept as one UTF-8 byte array with offsets, and an open-addressing hash table answers "which
 * position has this id" (links, stories, `id=`) without a Map of a million strings.
 */

import { attributionLevel } from './attribution';
import { trimmed, withRoom } from './growable';
import { ATTRIBUTIONS, type Incident, type IncidentId, LOCATION_PRECISIONS } from './incident';

// TextEncoder/TextDecoder exist in browsers, workers and Node, but the pure domain compiles without DOM or
// Node types.
declare class TextEncoder {
  encode(text: string): Uint8Array;
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string);
  decode(bytes: Uint8Array): string;
}

/** Every id of a dataset: bytes, offsets and a hash table of positions. */
export interface IdTable {
  /** The ids' UTF-8 bytes, one after the other: incident i's id is `bytes[start[i] .. start[i + 1])`. */
  readonly bytes: Uint8Array;
  readonly start: Uint32Array;
  /** Open addressing with linear probing: a position, or -1 for an empty slot; a power of two ≥ 2·count. */
  readonly slots: Int32Array;
}

export interface IncidentColumns {
  readonly count: number;
  /** WGS84 degrees. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Position in LOCATION_PRECISIONS. */
  readonly precision: Uint8Array;
  /** Position in ATTRIBUTIONS of the incident's attribution level (attribution.ts). */
  readonly attribution: Uint8Array;
  readonly ids: IdTable;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** FNV-1a over bytes: cheap, and good enough for ids that are mostly short and similar. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    h ^= bytes[k] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function sameBytes(a: Uint8Array, aFrom: number, aTo: number, b: Uint8Array, bFrom: number): boolean {
  for (let k = aFrom; k < aTo; k++) if (a[k] !== b[bFrom + (k - aFrom)]) return false;
  return true;
}

function tableSize(count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  return size;
}

/** Builds the id table of ids given in position order. */
export function buildIdTable(ids: readonly string[]): IdTable {
  const count = ids.length;
  const start = new Uint32Array(count + 1);
  let bytes = new Uint8Array(Math.max(64, count * 16));
  let at = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i] as string;
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (at + id.length * 3 > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + id.length * 3));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    // Most ids are ASCII: copied a unit at a time, which is much faster than a call to the encoder per id.
    let k = 0;
    for (; k < id.length; k++) {
      const unit = id.charCodeAt(k);
      if (unit >= 0x80) break;
      bytes[at + k] = unit;
    }
    at += k === id.length ? k : k + encoder.encodeInto(id.slice(k), bytes.subarray(at + k)).written;
    start[i + 1] = at;
  }
  return withSlots(bytes.slice(0, at), start);
}

/**
 * Builds the id table of ids already encoded: id i is `bytes[offsets[i] .. offsets[i + 1])` (an Arrow Utf8
 * column's values and offsets). The bytes are copied, so the table owns its buffers. Throws when the
 * offsets are not a non-decreasing run within `bytes`.
 */
export function idTableFromUtf8(bytes: Uint8Array, offsets: ArrayLike<number>): IdTable {
  const count = offsets.length - 1;
  if (count < 0) throw new RangeError('An id table needs at least one offset');
  const base = offsets[0] as number;
  const end = offsets[count] as number;
  if (!(base >= 0 && end <= bytes.length && base <= end))
    throw new RangeError(`Id offsets ${base} .. ${end} lie outside the ${bytes.length} id bytes`);
  const start = new Uint32Array(count + 1);
  for (let i = 1; i <= count; i++) {
    const at = offsets[i] as number;
    if (!(at >= (offsets[i - 1] as number)))
      throw new RangeError(`Id offset ${i} (${at}) is before offset ${i - 1} (${offsets[i - 1]})`);
    start[i] = at - base;
  }
  return withSlots(bytes.slice(base, end), start);
}

/** The table of ids laid out in `bytes` and `start`, with its hash slots filled. */
function withSlots(bytes: Uint8Array, start: Uint32Array): IdTable {
  const count = start.length - 1;
  const slots = new Int32Array(tableSize(count)).fill(-1);
  const mask = slots.length - 1;
  for (let i = 0; i < count; i++) {
    let s = hashBytes(bytes, start[i] as number, start[i + 1] as number) & mask;
    while (slots[s] !== -1) s = (s + 1) & mask;
    slots[s] = i;
  }
  return { bytes, start, slots };
}

/** The id at position `i`. */
export function idAt(ids: IdTable, i: number): IncidentId {
  if (!Number.isInteger(i) || i < 0 || i + 1 >= ids.start.length)
    throw new RangeError(`No incident at position ${i} (have ${ids.start.length - 1})`);
  return decoder.decode(ids.bytes.subarray(ids.start[i], ids.start[i + 1])) as IncidentId;
}

/** The position of `id`, or undefined when no incident has it. */
export function findId(ids: IdTable, id: string): number | undefined {
  const wanted = encoder.encode(id);
  const mask = ids.slots.length - 1;
  let s = hashBytes(wanted, 0, wanted.length) & mask;
  for (;;) {
    const i = ids.slots[s] as number;
    if (i === -1) return undefined;
    const from = ids.start[i] as number;
    const to = ids.start[i + 1] as number;
    if (to - from === wanted.length && sameBytes(ids.bytes, from, to, wanted, 0)) return i;
    s = (s + 1) & mask;
  }
}

/** The columns of `incidents` (positions as in the array). */
export function buildColumns(incidents: readonly Incident[]): IncidentColumns {
  const builder = new ColumnsBuilder();
  for (const incident of incidents) builder.add(incident);
  return builder.finish();
}

/**
 * Builds the columns one incident at a time, in position order, keeping numbers only (and the id), so
 * the incident object can be dropped once added: the loading worker adds each feature as it is read.
 */
export class ColumnsBuilder {
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private precision = new Uint8Array(1024);
  private attribution = new Uint8Array(1024);
  private readonly ids: string[] = [];

  /** Incidents added so far. */
  get count(): number {
    return this.ids.length;
  }

  /** Appends `incident` at the next position. */
  add(incident: Incident): void {
    const i = this.ids.length;
    if (i === this.lon.length) {
      this.lon = withRoom(this.lon, i + 1);
      this.lat = withRoom(this.lat, i + 1);
      this.precision = withRoom(this.precision, i + 1);
      this.attribution = withRoom(this.attribution, i + 1);
    }
    this.lon[i] = incident.lon;
    this.lat[i] = incident.lat;
    this.precision[i] = LOCATION_PRECISIONS.indexOf(incident.locationPrecision);
    this.attribution[i] = ATTRIBUTIONS.indexOf(attributionLevel(incident));
    this.ids.push(incident.id);
  }

  /** Gives the incident at position `i` the id `id` (an id generated once the whole file was read). */
  setId(i: number, id: string): void {
    if (!(i >= 0 && i < this.ids.length))
      throw new RangeError(`No incident at position ${i} (have ${this.count})`);
    this.ids[i] = id;
  }

  /** The columns of every incident added. The builder must not be used afterwards. */
  finish(): IncidentColumns {
    const count = this.ids.length;
    return {
      count,
      lon: trimmed(this.lon, count),
      lat: trimmed(this.lat, count),
      precision: trimmed(this.precision, count),
      attribution: trimmed(this.attribution, count),
      ids: buildIdTable(this.ids),
    };
  }
}

/** The buffers of `columns`, to transfer rather than copy. */
export function columnBuffers(columns: IncidentColumns): ArrayBufferLike[] {
  const { lon, lat, precision, attribution, ids } = columns;
  return [lon, lat, precision, attribution, ids.bytes, ids.start, ids.slots].map((a) => a.buffer);
}

/** The bounds of every incident as [west, south, east, north], or null for none: one pass over two columns. */
export function columnBounds(columns: IncidentColumns): [number, number, number, number] | null {
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  const { lon, lat, count } = columns;
  for (let i = 0; i < count; i++) {
    const y = lat[i] as number;
    const x = lon[i] as number;
    if (y < south) south = y;
    if (y > north) north = y;
    if (x < west) west = x;
    if (x > east) east = x;
  }
  return south > north ? null : [west, south, east, north];
}
