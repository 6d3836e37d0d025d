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
  const count = incidents.length;
  const firstDay = new Int32Array(count);
  const lastDay = new Int32Array(count);
  const typeCode = new Uint8Array(count);
  const actorStart = new Uint32Array(count + 1);
  const names = new Set<string>();
  let entries = 0;
  incidents.forEach((incident, i) => {
    firstDay[i] = incident.date.firstDay;
    lastDay[i] = incident.date.lastDay;
    typeCode[i] = TYPE_KEYS.indexOf(incident.eventType ?? 'none');
    for (const actor of incident.actors) names.add(actor.name);
    entries += incident.actors.length;
  });
  const actorNames = [...names].sort((a, b) => a.localeCompare(b, 'en'));
  const actorIdOf = new Map(actorNames.map((name, id) => [name, id]));
  const entryActor = new Uint32Array(entries);
  const entryFlags = new Uint8Array(entries);
  let e = 0;
  incidents.forEach((incident, i) => {
    actorStart[i] = e;
    for (const actor of incident.actors) {
      entryActor[e] = actorIdOf.get(actor.name) as number;
      entryFlags[e] =
        (actor.role === 'perpetrator' ? ROLE_PERPETRATOR : actor.role === 'target' ? ROLE_TARGET : 0) |
        (actor.attribution === 'confirmed' || actor.attribution === 'claimed' ? ATTR_FIRM : 0);
      e++;
    }
  });
  actorStart[count] = e;
  const order = Array.from({ length: count }, (_, i) => i);
  const sortKey = incidents.map((incident) => incident.date.sortKey);
  order.sort((a, b) => (sortKey[b] as number) - (sortKey[a] as number) || a - b);
  return {
    count,
    firstDay,
    lastDay,
    typeCode,
    actorNames,
    actorIdOf,
    actorStart,
    entryActor,
    entryFlags,
    newestFirst: Uint32Array.from(order),
  };
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

function matchesDate(index: IncidentIndex, c: Compiled, i: number): boolean {
  return (index.lastDay[i] as number) >= c.from && (index.firstDay[i] as number) <= c.to;
}

function matchesType(index: IncidentIndex, c: Compiled, i: number): boolean {
  return c.typeMask === null || c.typeMask[index.typeCode[i] as number] === 1;
}

function entryMatches(index: IncidentIndex, c: Compiled, e: number, ignoreNames: boolean): boolean {
  if (((index.entryFlags[e] as number) & c.flagMask) !== c.flagMask) return false;
  return ignoreNames || c.actorMask === null || c.actorMask[index.entryActor[e] as number] === 1;
}

function matchesActor(index: IncidentIndex, c: Compiled, i: number): boolean {
  if (!c.actorActive) return true;
  for (let e = index.actorStart[i] as number, end = index.actorStart[i + 1] as number; e < end; e++) {
    if (entryMatches(index, c, e, false)) return true;
  }
  return false;
}

/** Indices of the incidents that pass `filter`, newest first. */
export function filterIncidents(index: IncidentIndex, filter: IncidentFilter): Uint32Array {
  const c = compile(index, filter);
  // Test in storage order (sequential reads of every column), then emit in newest-first order.
  const pass = new Uint8Array(index.count);
  let n = 0;
  for (let i = 0; i < index.count; i++) {
    if (matchesDate(index, c, i) && matchesType(index, c, i) && matchesActor(index, c, i)) {
      pass[i] = 1;
      n++;
    }
  }
  const out = new Uint32Array(n);
  let k = 0;
  for (const i of index.newestFirst) if (pass[i] === 1) out[k++] = i;
  return out;
}

export interface FacetCounts {
  /** Per actor id (position in `actorNames`): incidents that would match if that actor were chosen. */
  readonly actors: Uint32Array;
  /** Per type code (position in TYPE_KEYS): incidents of that type passing the other filters. */
  readonly types: Uint32Array;
  /** Incidents passing every filter except the date (for the timeline's bars), newest first. */
  readonly undated: Uint32Array;
}

/** What one filter change needs: the incidents shown and the facet counts, from the same scan. */
export interface FilterResult {
  /** Indices of the incidents that pass the filter, newest first (as `filterIncidents`). */
  readonly shown: Uint32Array;
  readonly counts: FacetCounts;
}

// Bits of an incident's state in `filterAndCount`.
const SHOWN = 1; // passes every filter
const UNDATED = 2; // passes every filter but the date

/**
 * The incidents passing `filter` and the facet counts, in ONE sequential scan of the columns plus one
 * pass over `newestFirst` to emit both index lists in order. Each facet ignores its own filter:
 * - type counts: incidents passing the date and actor filters, by type;
 * - actor counts: per actor, incidents passing the date and type filters that have an entry for that actor
 *   satisfying the role and attribution (the names chosen are ignored; an actor counts once per incident);
 * - `undated`: incidents passing the type and actor filters, whatever their date.
 * Each incident's actor entries are read once, both to test the actor filter and to count.
 */
export function filterAndCount(index: IncidentIndex, filter: IncidentFilter): FilterResult {
  return scan(index, filter, true);
}

/** Facet counts: each facet ignores its own filter and honours all the others (see `filterAndCount`). */
export function facetCounts(index: IncidentIndex, filter: IncidentFilter): FacetCounts {
  return scan(index, filter, false).counts;
}

/** The scan behind `filterAndCount`; without `withShown` the shown indices are not collected. */
function scan(index: IncidentIndex, filter: IncidentFilter, withShown: boolean): FilterResult {
  const c = compile(index, filter);
  const { firstDay, lastDay, typeCode, actorStart, entryActor, entryFlags } = index;
  const { from, to, typeMask, actorMask, flagMask, actorActive } = c;
  const actors = new Uint32Array(index.actorNames.length);
  const seenBy = new Int32Array(index.actorNames.length).fill(-1); // count an actor once per incident
  const types = new Uint32Array(TYPE_KEYS.length);
  const state = new Uint8Array(index.count);
  let shownCount = 0;
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
      state[i] = date && withShown ? SHOWN | UNDATED : UNDATED;
      undatedCount++;
      if (date && withShown) shownCount++;
    }
  }
  const order = index.newestFirst;
  if (undatedCount === index.count && shownCount === (withShown ? index.count : 0)) {
    // Nothing filtered out (the usual state): copy the order instead of testing every incident again.
    return {
      shown: withShown ? order.slice() : new Uint32Array(0),
      counts: { actors, types, undated: order.slice() },
    };
  }
  const shown = new Uint32Array(shownCount);
  const undated = new Uint32Array(undatedCount);
  let s = 0;
  let u = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const bits = state[i] as number;
    if (bits === 0) continue;
    undated[u++] = i;
    if (bits & SHOWN) shown[s++] = i;
  }
  return { shown, counts: { actors, types, undated } };
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
