/**
 * The columns of a binary dataset's record batch (arrow-read.ts reads the file's framing): each Arrow
 * buffer checked and copied into the typed arrays of the columnar store, in schema order (arrow-schema.ts).
 * Lengths, offsets, codes, points and the newest-first permutation are checked before anything is built.
 */
import type { BufferRegion, FieldNode } from 'apache-arrow/ipc/metadata/message';
import { idTableFromUtf8 } from '../domain/columns';
import type { DatasetDerived } from '../domain/dataset';
import type { IncidentIndex } from '../domain/filter';
import { NO_PLACE } from '../domain/places';
import { relationGraphOf } from '../domain/story';
import { type StoreMeta, VOCABULARIES } from './arrow-schema';
import type { StoreMessage } from './load-protocol';
import type { RemoteBytes } from './record-blob';

/** A file that is not what we write: the message says why. */
export class BadFile extends Error {}

/** Walks the batch's field nodes and buffers in schema order, copying each buffer out of the body. */
export class Cursor {
  private node = 0;
  private buffer = 0;

  constructor(
    private readonly body: Uint8Array,
    private readonly nodes: readonly FieldNode[],
    private readonly buffers: readonly BufferRegion[],
  ) {}

  /** The next field node, which must have `length` rows and no nulls; skips its validity buffer. */
  field(name: string, length: number): void {
    const node = this.nodes[this.node++];
    if (node === undefined || node.length !== length || node.nullCount !== 0)
      throw new BadFile(
        `has ${node ? `${node.length} values (${node.nullCount} missing)` : 'no values'} in column ${name}, expected ${length} with none missing`,
      );
    this.next(name);
  }

  /** The next buffer as `count` values of `Ctor`, copied (so each array owns its buffer). */
  values<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(
    name: string,
    Ctor: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
    count: number,
  ): T {
    const region = this.next(name);
    const bytes = count * Ctor.BYTES_PER_ELEMENT;
    if (region.length < bytes)
      throw new BadFile(`has ${region.length} bytes in column ${name}, expected at least ${bytes}`);
    return new Ctor(this.body.slice(region.offset, region.offset + bytes).buffer);
  }

  /** The next buffer's region, without reading it. */
  next(name: string): BufferRegion {
    const region = this.buffers[this.buffer++];
    if (region === undefined) throw new BadFile(`has no data for column ${name}`);
    return region;
  }

  /** Throws unless every node and buffer was read: the last buffer is then the records'. */
  end(): void {
    if (this.node !== this.nodes.length || this.buffer !== this.buffers.length)
      throw new BadFile(
        `has ${this.nodes.length} field nodes and ${this.buffers.length} buffers, expected ${this.node} and ${this.buffer}`,
      );
  }

  /** Offsets of `count` rows: non-decreasing, from 0. */
  offsets(name: string, count: number): Int32Array {
    const offsets = this.values(name, Int32Array, count + 1);
    if (offsets[0] !== 0) throw new BadFile(`has offsets in column ${name} that do not start at 0`);
    for (let i = 0; i < count; i++)
      if ((offsets[i + 1] as number) < (offsets[i] as number))
        throw new BadFile(`has offsets in column ${name} that go backwards at row ${i + 1}`);
    return offsets;
  }

  /** The bytes of the next buffer (a Utf8 column's values). */
  bytes(name: string): Uint8Array {
    const region = this.next(name);
    return this.body.subarray(region.offset, region.offset + region.length);
  }
}

/** Throws unless every value of `values` is below `limit` (or equals `except`). */
function checkCodes(name: string, values: ArrayLike<number>, limit: number, except?: number): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v >= limit && v !== except)
      throw new BadFile(`has ${v} in column ${name} at row ${i + 1}, where codes run below ${limit}`);
  }
}

/**
 * The columnar store in the batch `c` walks: `n` rows, names from `meta`; the records stay in `file`, the
 * first at byte `recordsAt`.
 */
export function decode(
  c: Cursor,
  n: number,
  meta: StoreMeta,
  file: Blob | RemoteBytes,
  recordsAt: number,
): StoreMessage {
  c.field('id', n);
  const idOffsets = c.offsets('id', n);
  const idBytes = c.bytes('id');
  if ((idOffsets[n] as number) > idBytes.length)
    throw new BadFile(`has offsets in column id past its ${idBytes.length} bytes`);
  const ids = idTableFromUtf8(idBytes, idOffsets);
  const column = <T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(
    name: string,
    Ctor: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  ) => {
    c.field(name, n);
    return c.values(name, Ctor, n);
  };
  const lon = column('lon', Float64Array);
  const lat = column('lat', Float64Array);
  for (let i = 0; i < n; i++)
    if (!(Math.abs(lon[i] as number) <= 180 && Math.abs(lat[i] as number) <= 90))
      throw new BadFile(
        `has the point ${lon[i]}, ${lat[i]} at row ${i + 1}, outside WGS84 longitude and latitude`,
      );
  const precision = column('precision', Uint8Array);
  checkCodes('precision', precision, VOCABULARIES.precision.length);
  const attribution = column('attribution', Uint8Array);
  checkCodes('attribution', attribution, VOCABULARIES.attribution.length);
  const typeCode = column('type_code', Uint8Array);
  checkCodes('type_code', typeCode, VOCABULARIES.type_code.length);
  c.field('sort_key', n);
  c.next('sort_key'); // not read: newest_first is the order, and the page keeps no copy of the keys
  const timeKey = column('time_key', Float64Array);
  const firstDay = column('first_day', Int32Array);
  const lastDay = column('last_day', Int32Array);
  for (let i = 0; i < n; i++)
    if ((firstDay[i] as number) > (lastDay[i] as number))
      throw new BadFile(`has a first day after its last day at row ${i + 1}`);
  const codeOf = column('place_code', Uint32Array);
  checkCodes('place_code', codeOf, meta.places.names.length, NO_PLACE);
  const newestFirst = column('newest_first', Uint32Array);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const at = newestFirst[i] as number;
    if (at >= n || seen[at] === 1)
      throw new BadFile(`has a newest_first column that is not an order of its ${n} rows (row ${i + 1})`);
    seen[at] = 1;
  }

  c.field('actors', n);
  const actorStart = new Uint32Array(c.offsets('actors', n).buffer);
  const entries = actorStart[n] as number;
  c.field('actors.item', entries);
  c.field('actors.item.actor', entries);
  const entryActor = c.values('actors.item.actor', Uint32Array, entries);
  checkCodes('actors.item.actor', entryActor, meta.actors.length);
  c.field('actors.item.flags', entries);
  const entryFlags = c.values('actors.item.flags', Uint8Array, entries);
  checkCodes('actors.item.flags', entryFlags, 8);

  c.field('links', n);
  const links = c.offsets('links', n)[n] as number;
  c.field('links.item', links);
  c.field('links.item.from', links);
  const linkFrom = c.values('links.item.from', Uint32Array, links);
  c.field('links.item.to', links);
  const linkTo = c.values('links.item.to', Uint32Array, links);
  checkCodes('links.item.from', linkFrom, n);
  checkCodes('links.item.to', linkTo, n);
  c.field('links.item.kind', links);
  const linkKind = c.values('links.item.kind', Uint8Array, links);
  checkCodes('links.item.kind', linkKind, VOCABULARIES.link_kind.length);

  c.field('record', n);
  const recordOffsets = c.offsets('record', n);
  const recordBytes = c.next('record').length;
  if ((recordOffsets[n] as number) > recordBytes)
    throw new BadFile(`has offsets in column record past its ${recordBytes} bytes`);
  c.end();
  const start = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) start[i] = recordsAt + (recordOffsets[i] as number);

  const index: IncidentIndex = {
    count: n,
    firstDay,
    lastDay,
    typeCode,
    actorNames: meta.actors,
    actorIdOf: new Map(meta.actors.map((name, id) => [name, id])),
    actorStart,
    entryActor,
    entryFlags,
    newestFirst,
  };
  const derived: DatasetDerived = {
    index,
    columns: { count: n, lon, lat, precision, attribution, ids },
    places: { names: meta.places.names, points: Float64Array.from(meta.places.points), codeOf },
    graph: relationGraphOf(linkFrom, linkTo, linkKind, timeKey),
  };
  return { derived, records: { blob: file, start } };
}
