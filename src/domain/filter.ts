/**
 * Filtering incidents by date, actor (with role and attribution) and event type.
 *
 * The rules, in one place:
 * - Date: an incident matches when its local-calendar interval [firstDay, lastDay] (already widened for
 *   week/month precision and intervals) overlaps [from, to], both inclusive. A missing bound is open.
 * - Event type: matches when its type is one of the chosen ones (`none` stands for "type not given").
 * - Actor: an incident matches when one of its actor entries satisfies all of: the name is chosen (or no
 *   name is chosen), the role matches (`any`, `perpetrator`, `target`), and the attribution matches (`any`,
 *   or only `confirmed`/`claimed`). With no name chosen and role and attribution at `any`, every incident
 *   matches, including those with no actors.
 * - Facet counts: each facet counts the incidents that pass every *other* active filter, so a count says
 *   what choosing that value would add.
 *
 * `buildIndex` turns the incidents into flat typed arrays once; filters then touch numbers only, never
 * strings, and answer with indices into the caller's incident array (newest first).
 */
import type { DayNumber } from './date';
import { descendingOrder } from './descending-order';
import { trimmed, withRoom } from './growable';
import { EVENT_TYPES, type EventType, type Incident } from './incident';

/** Event-type facet keys: the ACLED types, then `none` for incidents with no type. */
export type TypeKey = EventType | 'none';
export const TYPE_KEYS: readonly TypeKey[] = [...EVENT_TYPES, 'none'];

export type RoleFilter = 'any' | 'perpetrator' | 'target';
export type AttributionFilter = 'any' | 'confirmed';

export interface IncidentFilter {
  /** First local day shown, inclusive; null = open. */
  readonly from: DayNumber | null;
  /** Last local day shown, inclusive; null = open. */
  readonly to: DayNumber | null;
  /** Actor names; empty = any actor. */
  readonly actors: readonly string[];
  readonly role: RoleFilter;
  /** `confirmed` keeps attributions `confirmed` and `claimed`. */
  readonly attribution: AttributionFilter;
  /** Event types; empty = any type. */
  readonly types: readonly TypeKey[];
}

export const NO_FILTER: IncidentFilter = {
  from: null,
  to: null,
  actors: [],
  role: 'any',
  attribution: 'any',
  types: [],
};

// Bits of one actor entry's flags.
const ROLE_PERPETRATOR = 1;
const ROLE_TARGET = 2;
const ATTR_FIRM = 4; // confirmed or claimed

/** Columnar, index-addressed view of an incident array. Built once per dataset. */
export interface IncidentIndex {
  readonly count: number;
  /** Per incident: first and last local day it may fall on. */
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  /** Per incident: position of its type in TYPE_KEYS. */
  readonly typeCode: Uint8Array;
  /** Actor names, sorted; an actor id is a position here. */
  readonly actorNames: readonly string[];
  readonly actorIdOf: ReadonlyMap<string, number>;
  /** Actor entries in CSR layout: incident i owns entries actorStart[i] .. actorStart[i+1]-1. */
  readonly actorStart: Uint32Array;
  readonly entryActor: Uint32Array;
  readonly entryFlags: Uint8Array;
  /** Incident indices sorted newest first (start instant descending, then file order). */
  readonly newestFirst: Uint32Array;
}

/** Builds the index. `incidents` must not change afterwards; indices refer to its positions. */
export function buildIndex(incidents: readonly Incident[]): IncidentIndex {
  const builder = new IndexBuilder();
  for (const incident of incidents) builder.add(incident);
  return builder.finish();
}

/**
 * Builds the index one incident at a time, in position order, keeping numbers only, so the incident can
 * be dropped once added (the loading worker adds each feature as it is read). Actors get an id in the
 * order they are first met; `finish` renumbers them in name order.
 */
export class IndexBuilder {
  private count = 0;
  private firstDay = new Int32Array(1024);
  private lastDay = new Int32Array(1024);
  private typeCode = new Uint8Array(1024);
  private sortKey = new Float64Array(1024);
  private actorStart = new Uint32Array(1025);
  private entries = 0;
  private entryActor = new Uint32Array(1024); // ids in the order first met, until `finish`
  private entryFlags = new Uint8Array(1024);
  private readonly metActors = new Map<string, number>();

  /** Appends `incident` at the next position. */
  add(incident: Pick<Incident, 'date' | 'eventType' | 'actors'>): void {
    const i = this.count++;
    if (i === this.firstDay.length) {
      this.firstDay = withRoom(this.firstDay, i + 1);
      this.lastDay = withRoom(this.lastDay, i + 1);
      this.typeCode = withRoom(this.typeCode, i + 1);
      this.sortKey = withRoom(this.sortKey, i + 1);
    }
    this.actorStart = withRoom(this.actorStart, i + 2);
    const { date, actors } = incident;
    this.firstDay[i] = date.firstDay;
    this.lastDay[i] = date.lastDay;
    this.typeCode[i] = TYPE_KEYS.indexOf(incident.eventType ?? 'none');
    this.sortKey[i] = date.sortKey;
    let e = this.entries;
    if (e + actors.length > this.entryActor.length) {
      this.entryActor = withRoom(this.entryActor, e + actors.length);
      this.entryFlags = withRoom(this.entryFlags, e + actors.length);
    }
    for (const actor of actors) {
      let id = this.metActors.get(actor.name);
      if (id === undefined) {
        id = this.metActors.size;
        this.metActors.set(actor.name, id);
      }
      this.entryActor[e] = id;
      this.entryFlags[e] =
        (actor.role === 'perpetrator' ? ROLE_PERPETRATOR : actor.role === 'target' ? ROLE_TARGET : 0) |
        (actor.attribution === 'confirmed' || actor.attribution === 'claimed' ? ATTR_FIRM : 0);
      e++;
    }
    this.entries = e;
    this.actorStart[i + 1] = e;
  }

  /** The index of every incident added. The builder must not be used afterwards. */
  finish(): IncidentIndex {
    const { count, entries } = this;
    const met = [...this.metActors.keys()];
    const actorNames = [...met].sort(new Intl.Collator('en').compare); // as localeCompare(b, 'en'), faster
    const actorIdOf = new Map(actorNames.map((name, id) => [name, id]));
    const renumber = Uint32Array.from(met, (name) => actorIdOf.get(name) as number);
    const entryActor = trimmed(this.entryActor, entries);
    for (let e = 0; e < entries; e++) entryActor[e] = renumber[entryActor[e] as number] as number;
    return {
      count,
      firstDay: trimmed(this.firstDay, count),
      lastDay: trimmed(this.lastDay, count),
      typeCode: trimmed(this.typeCode, count),
      actorNames,
      actorIdOf,
      actorStart: trimmed(this.actorStart, count + 1),
      entryActor,
      entryFlags: trimmed(this.entryFlags, entries),
      newestFirst: descendingOrder(this.sortKey.subarray(0, count)),
    };
  }
}

/** The filter compiled against one index: masks and bit tests instead of strings. */
interface Compiled {
  readonly from: number;
  readonly to: number;
  readonly typeMask: Uint8Array | null; // per type code, 1 = chosen; null = any
  readonly actorMask: Uint8Array | null; // per actor id, 1 = chosen; null = any
  readonly flagMask: number; // bits an entry must have
  readonly actorActive: boolean;
}

function compile(index: IncidentIndex, filter: IncidentFilter): Compiled {
  let typeMask: Uint8Array | null = null;
  if (filter.types.length > 0) {
    typeMask = new Uint8Array(TYPE_KEYS.length);
    for (const t of filter.types) {
      const code = TYPE_KEYS.indexOf(t);
      if (code >= 0) typeMask[code] = 1;
    }
  }
  let actorMask: Uint8Array | null = null;
  if (filter.actors.length > 0) {
    actorMask = new Uint8Array(index.actorNames.length);
    for (const name of filter.actors) {
      const id = index.actorIdOf.get(name);
      if (id !== undefined) actorMask[id] = 1;
    }
  }
  const flagMask =
    (filter.role === 'perpetrator' ? ROLE_PERPETRATOR : filter.role === 'target' ? ROLE_TARGET : 0) |
    (filter.attribution === 'confirmed' ? ATTR_FIRM : 0);
  return {
    from: filter.from ?? -2_147_483_648,
    to: filter.to ?? 2_147_483_647,
    typeMask,
    actorMask,
    flagMask,
    actorActive: actorMask !== null || flagMask !== 0,
  };
}

/** Indices of the incidents that pass `filter`, newest first. */
export function filterIncidents(index: IncidentIndex, filter: IncidentFilter): Uint32Array {
  return selectIncidents(index, filter).newestFirst;
}

/** The incidents passing a filter, in the two orders their readers want. */
export interface Selection {
  /** Positions, newest first (the list's order). */
  readonly newestFirst: Uint32Array;
  /** The same positions, ascending (storage order: the canvas reads its columns front to back). */
  readonly ascending: Uint32Array;
}

/**
 * The incidents passing `filter`, and nothing else: what a filter change must show in its next frame.
 * One sequential scan that stops at the first failing test (an incident's actor entries are read only when
 * it passes the date and type and an actor filter is on), then one pass over `newestFirst`. The facet
 * counts are a scan of their own (`facetCounts`), which the page runs after that frame.
 */
export function selectIncidents(index: IncidentIndex, filter: IncidentFilter): Selection {
  const c = compile(index, filter);
  const pass = new Uint8Array(index.count);
  const passing = new Uint32Array(index.count);
  const n = markPassing(index, c, pass, passing);
  // Nothing filtered out (the usual state): the order is a copy, with no test per incident.
  if (n === index.count) return { newestFirst: index.newestFirst.slice(), ascending: passing };
  const newestFirst = new Uint32Array(n);
  emitInOrder(pass, index.newestFirst, newestFirst);
  return { newestFirst, ascending: passing.slice(0, n) };
}

// The passes are functions of their own, so V8 optimizes each loop whole (instead of compiling a first loop
// on the fly with code after it that has not run yet).

/**
 * Sets `pass[i]` to 1 for each incident passing the compiled filter and lists it, ascending, in `passing`;
 * returns how many pass.
 */
function markPassing(index: IncidentIndex, c: Compiled, pass: Uint8Array, passing: Uint32Array): number {
  const { firstDay, lastDay, typeCode, actorStart, entryActor, entryFlags, count } = index;
  const { from, to, typeMask, actorMask, flagMask, actorActive } = c;
  let n = 0;
  for (let i = 0; i < count; i++) {
    if ((lastDay[i] as number) < from || (firstDay[i] as number) > to) continue;
    if (typeMask !== null && typeMask[typeCode[i] as number] !== 1) continue;
    if (actorActive) {
      let found = false;
      for (let e = actorStart[i] as number, end = actorStart[i + 1] as number; e < end; e++) {
        if (((entryFlags[e] as number) & flagMask) !== flagMask) continue;
        if (actorMask === null || actorMask[entryActor[e] as number] === 1) {
          found = true;
          break;
        }
      }
      if (!found) continue;
    }
    pass[i] = 1;
    passing[n++] = i;
  }
  return n;
}

/** The positions of `order` with `pass[i] === 1`, in that order, into `out`. */
function emitInOrder(pass: Uint8Array, order: Uint32Array, out: Uint32Array): void {
  let k = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    if (pass[i] === 1) out[k++] = i;
  }
}

export interface FacetCounts {
  /** Per actor id (position in `actorNames`): incidents that would match if that actor were chosen. */
  readonly actors: Uint32Array;
  /** Per type code (position in TYPE_KEYS): incidents of that type passing the other filters. */
  readonly types: Uint32Array;
  /** Incidents passing every filter except the date (for the timeline's bars), newest first. */
  readonly undated: Uint32Array;
}

/** What one filter change needs: the incidents shown and the facet counts. */
export interface FilterResult {
  /** Indices of the incidents that pass the filter, newest first (as `filterIncidents`). */
  readonly shown: Uint32Array;
  readonly counts: FacetCounts;
}

/** The incidents passing `filter` (`selectIncidents`) and the facet counts (`facetCounts`). */
export function filterAndCount(index: IncidentIndex, filter: IncidentFilter): FilterResult {
  return { shown: selectIncidents(index, filter).newestFirst, counts: facetCounts(index, filter) };
}

/**
 * The facet counts, in ONE sequential scan of the columns plus, unless `undated` is false, one pass over
 * `newestFirst`. Each facet ignores its own filter:
 * - type counts: incidents passing the date and actor filters, by type;
 * - actor counts: per actor, incidents passing the date and type filters that have an entry for that actor
 *   satisfying the role and attribution (the names chosen are ignored; an actor counts once per incident);
 * - `undated`: incidents passing the type and actor filters, whatever their date. A caller that knows it
 *   has not changed (only the dates did) passes `undated: false` and gets an empty array.
 * Each incident's actor entries are read once, both to test the actor filter and to count.
 */
export function facetCounts(
  index: IncidentIndex,
  filter: IncidentFilter,
  options: { readonly undated?: boolean } = {},
): FacetCounts {
  const c = compile(index, filter);
  const actors = new Uint32Array(index.actorNames.length);
  const types = new Uint32Array(TYPE_KEYS.length);
  const withUndated = options.undated ?? true;
  const undatedMark = withUndated ? new Uint8Array(index.count) : null;
  const undatedCount = countFacets(index, c, actors, types, undatedMark);
  if (undatedMark === null) return { actors, types, undated: new Uint32Array(0) };
  if (undatedCount === index.count) return { actors, types, undated: index.newestFirst.slice() };
  const undated = new Uint32Array(undatedCount);
  emitInOrder(undatedMark, index.newestFirst, undated);
  return { actors, types, undated };
}

/**
 * The scan behind `facetCounts`: fills `actors` and `types`, sets `undated[i]` to 1 for each incident
 * passing the type and actor filters (when given), and returns how many do.
 */
function countFacets(
  index: IncidentIndex,
  c: Compiled,
  actors: Uint32Array,
  types: Uint32Array,
  undated: Uint8Array | null,
): number {
  const { firstDay, lastDay, typeCode, actorStart, entryActor, entryFlags } = index;
  const { from, to, typeMask, actorMask, flagMask, actorActive } = c;
  const seenBy = new Int32Array(index.actorNames.length).fill(-1); // count an actor once per incident
  let undatedCount = 0;
  for (let i = 0; i < index.count; i++) {
    const date = (lastDay[i] as number) >= from && (firstDay[i] as number) <= to;
    const type = typeCode[i] as number;
    const typeOk = typeMask === null || typeMask[type] === 1;
    const countActors = date && typeOk;
    let actorOk = !actorActive;
    if (countActors || !actorOk) {
      for (let e = actorStart[i] as number, end = actorStart[i + 1] as number; e < end; e++) {
        if (((entryFlags[e] as number) & flagMask) !== flagMask) continue;
        const id = entryActor[e] as number;
        if (!actorOk && (actorMask === null || actorMask[id] === 1)) actorOk = true;
        if (countActors) {
          if (seenBy[id] !== i) {
            seenBy[id] = i;
            actors[id] = (actors[id] as number) + 1;
          }
        } else if (actorOk) break; // nothing left to learn from this incident's entries
      }
    }
    if (!actorOk) continue;
    if (date) types[type] = (types[type] as number) + 1;
    if (typeOk) {
      if (undated !== null) undated[i] = 1;
      undatedCount++;
    }
  }
  return undatedCount;
}

/** The first and last local day of any incident, or null for an empty index. */
export function dateExtent(index: IncidentIndex): { from: DayNumber; to: DayNumber } | null {
  if (index.count === 0) return null;
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const { firstDay, lastDay, count } = index;
  for (let i = 0; i < count; i++) {
    const first = firstDay[i] as number;
    const last = lastDay[i] as number;
    if (first < from) from = first;
    if (last > to) to = last;
  }
  return { from, to };
}

/** The event-type keys that occur in the data, in TYPE_KEYS order. */
export function typesPresent(index: IncidentIndex): TypeKey[] {
  const seen = new Uint8Array(TYPE_KEYS.length);
  const { typeCode } = index;
  for (let i = 0; i < typeCode.length; i++) seen[typeCode[i] as number] = 1;
  return TYPE_KEYS.filter((_, code) => seen[code] === 1);
}
