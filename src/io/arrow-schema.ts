/**
 * The binary form of a dataset: an Apache Arrow IPC file, one row per incident (docs/binary-format.md).
 * What the writer (arrow-write.ts) puts in it and the reader (arrow-read.ts) expects: the columns in order,
 * their Arrow types, and the JSON the schema's metadata carries under `incident-atlas`.
 *
 * Every column but the last is what the page keeps of an incident (the columnar store: domain/dataset.ts);
 * the last, `record`, is each incident's whole text (domain/records.ts), placed last so a reader can leave
 * it on disk and slice one incident's bytes out of the file when it is shown.
 */
import {
  type DataType,
  Field,
  Float64,
  Int32,
  List,
  Schema,
  Struct,
  Type,
  Uint8,
  Uint32,
  Utf8,
} from 'apache-arrow';
import { TYPE_KEYS } from '../domain/filter';
import { ATTRIBUTIONS, LOCATION_PRECISIONS } from '../domain/incident';
import { RELATION_KINDS } from '../domain/story';

/** The schema metadata key that holds StoreMeta as JSON. */
export const META_KEY = 'incident-atlas';

/** Bumped when a column or the metadata changes meaning; the reader refuses other versions. */
export const FORMAT_VERSION = 1;

/** The vocabularies the small-integer columns index into, written down so a reader can check them. */
export const VOCABULARIES = {
  type_code: TYPE_KEYS,
  precision: LOCATION_PRECISIONS,
  attribution: ATTRIBUTIONS,
  link_kind: RELATION_KINDS,
} as const;

/** What the schema metadata says about the dataset as a whole. */
export interface StoreMeta {
  readonly version: number;
  /** What the dataset calls itself (a GeoJSON `name` member), or null. */
  readonly name: string | null;
  /** The file it was converted from (its name only). */
  readonly source: string;
  /** Features or rows read from the source; `rows + skipped === total`. */
  readonly total: number;
  readonly skipped: number;
  /** Actor names, sorted as IncidentIndex.actorNames: `actors[].actor` indexes here. */
  readonly actors: readonly string[];
  /** Place names (`place_code` indexes here) and their label points, lon and lat one after the other. */
  readonly places: { readonly names: readonly string[]; readonly points: readonly number[] };
  readonly vocabularies: { readonly [K in keyof typeof VOCABULARIES]: readonly string[] };
}

const field = (name: string, type: DataType) => new Field(name, type, false);
const listOf = (...children: Field[]) => new List(field('item', new Struct(children)));

/** The columns, in file order; `record` must stay last. */
export const FIELDS: readonly Field[] = [
  field('id', new Utf8()),
  field('lon', new Float64()), // WGS84 degrees
  field('lat', new Float64()),
  field('precision', new Uint8()), // index into VOCABULARIES.precision
  field('attribution', new Uint8()), // index into VOCABULARIES.attribution: the incident's attribution level
  field('type_code', new Uint8()), // index into VOCABULARIES.type_code
  field('sort_key', new Float64()), // ms since 1970 (UTC where the offset is known): newest-first order
  field('time_key', new Float64()), // local start day · 2000 + minute of day + 1 (0 = no time): story order
  field('first_day', new Int32()), // local calendar days since 1970-01-01, inclusive
  field('last_day', new Int32()),
  field('place_code', new Uint32()), // index into metadata places, or 0xFFFFFFFF for none
  field('newest_first', new Uint32()), // row i holds the position of the i-th newest incident
  field('actors', listOf(field('actor', new Uint32()), field('flags', new Uint8()))), // flags: 1 perpetrator, 2 target, 4 confirmed or claimed
  field('links', listOf(field('from', new Uint32()), field('to', new Uint32()), field('kind', new Uint8()))), // links this row states
  field('record', new Utf8()), // the incident as a GeoJSON Feature (JSON text)
];

/** The Arrow schema of a file, with its metadata. */
export function storeSchema(meta: StoreMeta): Schema {
  return new Schema([...FIELDS], new Map([[META_KEY, JSON.stringify(meta)]]));
}

/** A short description of an Arrow type, for messages: `Utf8`, `List<Struct<actor: Uint32, …>>`. */
export function describeType(type: DataType): string {
  if (type.typeId === Type.List) return `List<${describeType((type as List).children[0]?.type as DataType)}>`;
  if (type.typeId === Type.Struct)
    return `Struct<${(type as Struct).children.map((c) => `${c.name}: ${describeType(c.type)}`).join(', ')}>`;
  return String(type);
}
