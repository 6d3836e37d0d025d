/**
 * The story behind an incident: the chain of incidents it belongs to through `related`, in time order.
 *
 * Relations fall into four kinds. *Causal* (prompted / promptedBy, ledTo / resultedFrom) and *sequence*
 * (followedBy / follows) make the steps of a story. *Context* links a framing incident (a news event that
 * recalls the chain) to it. *notRelatedTo* is a relation sources deny: the other incident is shown only as
 * "not related", never as a step, and the chain does not grow through it.
 *
 * A relation may be stated from either end, or both ("A prompted B" in A, "promptedBy A" in B): the graph
 * is built once per dataset (`buildRelationGraph`), each link directed from cause to effect and counted
 * once. Ids that name no loaded incident are skipped. `chainOf` then walks the graph from one incident,
 * bounded by `maxIncidents`, so cycles and huge components cost at most that much.
 *
 * Everything works on positions in the caller's incident array, kdbush-style: the graph is compressed
 * adjacency (CSR) in typed arrays, and a chain lists positions.
 */
import type { LocalDateTime } from './date';
import type { Incident, RelatedIncident, Relation } from './incident';
import { indexOfSorted } from './sorted';

/** How a relation is drawn and whether it makes steps of a story. */
export type RelationKind = 'causal' | 'sequence' | 'context' | 'notRelated';

export const RELATION_KINDS: readonly RelationKind[] = ['causal', 'sequence', 'context', 'notRelated'];

export const RELATION_KIND: Readonly<Record<Relation, RelationKind>> = {
  prompted: 'causal',
  promptedBy: 'causal',
  ledTo: 'causal',
  resultedFrom: 'causal',
  followedBy: 'sequence',
  follows: 'sequence',
  context: 'context',
  notRelatedTo: 'notRelated',
};

/** The same relation stated from the other incident: "A prompted B" is "B promptedBy A". */
export const INVERSE_RELATION: Readonly<Record<Relation, Relation>> = {
  prompted: 'promptedBy',
  promptedBy: 'prompted',
  ledTo: 'resultedFrom',
  resultedFrom: 'ledTo',
  followedBy: 'follows',
  follows: 'followedBy',
  context: 'context',
  notRelatedTo: 'notRelatedTo',
};

/**
 * How `a` relates to `b`, as `a` states it or as the inverse of what `b` states; null when neither does.
 * When both state one, `a`'s own statement wins.
 */
export function relationBetween(a: StoryIncident, b: StoryIncident): Relation | null {
  const own = a.related.find((r) => r.id === b.id);
  if (own !== undefined) return own.relation;
  const theirs = b.related.find((r) => r.id === a.id);
  return theirs === undefined ? null : INVERSE_RELATION[theirs.relation];
}

/** Relations stated from the later end: "B promptedBy A" is the link A → B. */
const STATED_BACKWARDS: ReadonlySet<Relation> = new Set(['promptedBy', 'resultedFrom', 'follows']);

/** What the story needs of an incident. */
export type StoryIncident = Pick<Incident, 'id' | 'date' | 'related'>;

/** One relation between two incidents (positions). Causal and sequence links point from earlier cause to
 *  later effect; context links from the earlier incident to the later; notRelated links from the chain to
 *  the incident it is not related to. */
export interface ChainLink {
  readonly from: number;
  readonly to: number;
  readonly kind: RelationKind;
}

export interface Chain {
  /** The incident the chain was asked for. */
  readonly start: number;
  /** The steps of the story in time order (start day, then time of day, then position). */
  readonly steps: readonly number[];
  /** Incidents linked only by context: they frame the steps (a news event recalling them). Time order. */
  readonly framing: readonly number[];
  /** Incidents that sources say are not related to a member of the chain. Time order. */
  readonly notRelated: readonly number[];
  /** Every link among the members and to the not-related incidents, each once. */
  readonly links: readonly ChainLink[];
  /** True when `maxIncidents` cut the walk short: more incidents are connected than are listed. */
  readonly truncated: boolean;
}

export interface ChainOptions {
  /** Members (steps + framing) at most; the walk stops there and sets `truncated`. */
  readonly maxIncidents: number;
}

const DEFAULTS: ChainOptions = {
  maxIncidents: 200, // incidents per chain: a story longer than this cannot be followed step by step anyway
};

const DAY_SPAN = 2_000; // > minutes in a day + 1: a day's keys never reach the next day's

const KIND_CODE: Readonly<Record<RelationKind, number>> = {
  causal: 0,
  sequence: 1,
  context: 2,
  notRelated: 3,
};

/**
 * The relation graph of a dataset, as compressed adjacency over the incidents that have a link (most have
 * none: a million incidents cost no table of a million). `linked` lists their positions, ascending; the
 * incident at `linked[s]` (slot s) has the links `linkOf[offsets[s]]` .. `linkOf[offsets[s + 1] - 1]`,
 * indices into `linkFrom` / `linkTo` / `linkKind`.
 */
export interface RelationGraph {
  /** Incidents in the dataset, linked or not. */
  readonly size: number;
  readonly linked: Uint32Array;
  readonly offsets: Uint32Array;
  readonly linkOf: Uint32Array;
  /** Per link: position of its source (cause, earlier, or the incident that states a symmetric relation). */
  readonly linkFrom: Uint32Array;
  /** Per link: position of its target. */
  readonly linkTo: Uint32Array;
  /** Per link: index into RELATION_KINDS. */
  readonly linkKind: Uint8Array;
  /** Per slot: a key for time order — the local start day, then the time of day (a date without a time
   *  before any time that day); ties are broken by position. */
  readonly timeKey: Float64Array;
}

/** The slot of the incident at `position` in `graph.linked`, or -1 when it has no link. */
export function slotOf(graph: Pick<RelationGraph, 'linked'>, position: number): number {
  return indexOfSorted(graph.linked, position);
}

/** Builds the relation graph of `incidents` once; `positionOf` maps an id to its position. */
export function buildRelationGraph(
  incidents: readonly StoryIncident[],
  positionOf: { get(id: string): number | undefined },
): RelationGraph {
  const n = incidents.length;
  // One number per incident rather than a sort of all of them: start-up stays linear for a million rows.
  const timeKey = new Float64Array(n);
  const stated: StatedRelations[] = [];
  for (let i = 0; i < n; i++) {
    const { date, related } = incidents[i] as StoryIncident;
    timeKey[i] = storyTimeKey(date.start);
    if (related.length > 0) stated.push({ position: i, related });
  }
  return relationGraphFromStatements(stated, positionOf, timeKey);
}

/** The key of an incident in time order (`RelationGraph.timeKey`) from the start of its date. */
export function storyTimeKey(start: Pick<LocalDateTime, 'day' | 'minutes'>): number {
  return start.day * DAY_SPAN + (start.minutes === null ? 0 : start.minutes + 1);
}

/** The relations one incident states, and its position. */
export interface StatedRelations {
  readonly position: number;
  readonly related: readonly RelatedIncident[];
}

/**
 * The relation graph of `timeKey.length` incidents from the relations they state (incidents that state
 * none may be left out), as `buildRelationGraph` makes it: for a dataset built one incident at a time,
 * whose incidents are no longer at hand.
 */
export function relationGraphFromStatements(
  stated: Iterable<StatedRelations>,
  positionOf: { get(id: string): number | undefined },
  timeKey: Float64Array,
): RelationGraph {
  const from: number[] = [];
  const to: number[] = [];
  const kind: number[] = [];
  const seen = new Set<string>();
  for (const { position: i, related } of stated) {
    for (const rel of related) {
      const j = positionOf.get(rel.id);
      if (j === undefined || j === i) continue; // a missing id, or an incident related to itself
      const k = RELATION_KIND[rel.relation];
      const [a, b] = STATED_BACKWARDS.has(rel.relation) ? [j, i] : [i, j];
      // Symmetric kinds are one link whichever end states them; directed ones one link per direction.
      const key = k === 'context' || k === 'notRelated' ? `${Math.min(a, b)} ${Math.max(a, b)}` : `${a} ${b}`;
      if (seen.has(`${k} ${key}`)) continue;
      seen.add(`${k} ${key}`);
      from.push(a);
      to.push(b);
      kind.push(KIND_CODE[k]);
    }
  }
  return relationGraphOf(Uint32Array.from(from), Uint32Array.from(to), Uint8Array.from(kind), timeKey);
}

/**
 * The graph of links already found (link l is `from[l]` → `to[l]` of kind `kind[l]`, an index into
 * RELATION_KINDS) over `timeKey.length` incidents: the compressed adjacency `buildRelationGraph` makes, for
 * a graph read back from a file. Takes ownership of the arrays; throws when a link names no incident.
 */
export function relationGraphOf(
  from: Uint32Array,
  to: Uint32Array,
  kind: Uint8Array,
  timeKey: Float64Array,
): RelationGraph {
  const n = timeKey.length;
  if (to.length !== from.length || kind.length !== from.length)
    throw new Error(`Links given as ${from.length} sources, ${to.length} targets and ${kind.length} kinds`);
  const ends = new Uint32Array(2 * from.length);
  for (let l = 0; l < from.length; l++) {
    const a = from[l] as number;
    const b = to[l] as number;
    if (a >= n || b >= n) throw new RangeError(`Link ${l} joins ${a} and ${b} (have ${n} incidents)`);
    ends[2 * l] = a;
    ends[2 * l + 1] = b;
  }
  ends.sort();
  let distinct = 0;
  for (let e = 0; e < ends.length; e++)
    if (e === 0 || ends[e] !== ends[e - 1]) ends[distinct++] = ends[e] as number;
  const linked = ends.slice(0, distinct);
  const graph = {
    size: n,
    linked,
    offsets: new Uint32Array(distinct + 1),
    linkOf: new Uint32Array(2 * from.length),
  };
  const slots = new Uint32Array(2 * from.length); // the slots of each link's ends, looked up once
  const { offsets, linkOf } = graph;
  for (let l = 0; l < from.length; l++) {
    const a = indexOfSorted(linked, from[l] as number);
    const b = indexOfSorted(linked, to[l] as number);
    slots[2 * l] = a;
    slots[2 * l + 1] = b;
    (offsets[a + 1] as number)++;
    (offsets[b + 1] as number)++;
  }
  for (let s = 0; s < distinct; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  const fill = offsets.slice(0, distinct);
  for (let l = 0; l < from.length; l++) {
    linkOf[(fill[slots[2 * l] as number] as number)++] = l;
    linkOf[(fill[slots[2 * l + 1] as number] as number)++] = l;
  }
  const keys = new Float64Array(distinct);
  for (let s = 0; s < distinct; s++) keys[s] = timeKey[linked[s] as number] as number;
  return { ...graph, linkFrom: from, linkTo: to, linkKind: kind, timeKey: keys };
}

function checkIndex(graph: RelationGraph, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= graph.size)
    throw new Error(`No incident at index ${index} (have ${graph.size})`);
}

/**
 * The chain of the incident at `start`: its connected component over causal, sequence and context links,
 * split into steps (members with a causal or sequence link) and framing (members linked only by context),
 * plus the incidents sources call not related. When no member has a causal or sequence link, the members
 * linked by context are the steps.
 */
export function chainOf(graph: RelationGraph, start: number, options: Partial<ChainOptions> = {}): Chain {
  checkIndex(graph, start);
  const { maxIncidents } = { ...DEFAULTS, ...options };
  const { offsets, linkOf, linkFrom, linkTo, linkKind, timeKey } = graph;
  const notRelatedCode = KIND_CODE.notRelated;
  const members = new Set<number>([start]);
  const queue = [start];
  let truncated = false;
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q] as number;
    const slot = slotOf(graph, at);
    if (slot < 0) continue; // an incident with no link
    for (let e = offsets[slot] as number; e < (offsets[slot + 1] as number); e++) {
      const l = linkOf[e] as number;
      if (linkKind[l] === notRelatedCode) continue;
      const other = linkFrom[l] === at ? (linkTo[l] as number) : (linkFrom[l] as number);
      if (members.has(other)) continue;
      if (members.size >= maxIncidents) {
        truncated = true;
        continue;
      }
      members.add(other);
      queue.push(other);
    }
  }

  const spine = new Set<number>();
  const notRelated = new Set<number>();
  const linkIds = new Set<number>();
  for (const m of members) {
    const slot = slotOf(graph, m);
    if (slot < 0) continue;
    for (let e = offsets[slot] as number; e < (offsets[slot + 1] as number); e++) {
      const l = linkOf[e] as number;
      const other = linkFrom[l] === m ? (linkTo[l] as number) : (linkFrom[l] as number);
      const code = linkKind[l] as number;
      if (code === notRelatedCode) {
        if (!members.has(other)) notRelated.add(other);
      } else if (!members.has(other)) continue; // beyond the bound
      if (code === KIND_CODE.causal || code === KIND_CODE.sequence) spine.add(m);
      linkIds.add(l);
    }
  }
  // An incident with no link (a start of its own) has no key, and nothing to be ordered against.
  const keyOf = (p: number) => timeKey[slotOf(graph, p)] ?? 0;
  const byTime = (a: number, b: number) => keyOf(a) - keyOf(b) || a - b;
  const all = [...members].sort(byTime);
  const steps = spine.size > 0 ? all.filter((m) => spine.has(m)) : all;
  const framing = spine.size > 0 ? all.filter((m) => !spine.has(m)) : [];

  const links: ChainLink[] = [...linkIds].map((l) => {
    const k = RELATION_KINDS[linkKind[l] as number] as RelationKind;
    let a = linkFrom[l] as number;
    let b = linkTo[l] as number;
    const earlierFirst = byTime(a, b) > 0;
    const outward = k === 'notRelated' && members.has(a) !== members.has(b);
    if (outward ? !members.has(a) : k !== 'causal' && k !== 'sequence' && earlierFirst) [a, b] = [b, a];
    return { from: a, to: b, kind: k };
  });
  links.sort((x, y) => byTime(x.from, y.from) || byTime(x.to, y.to));
  return { start, steps, framing, notRelated: [...notRelated].sort(byTime), links, truncated };
}

/** True when the chain is a story worth following: at least two incidents besides the not-related ones. */
export function isStory(chain: Chain): boolean {
  return chain.steps.length + chain.framing.length >= 2;
}

/** The number of steps in the story of the incident at `index`; 0 when it has no story (or no such incident). */
export function storyLength(graph: RelationGraph, index: number | undefined): number {
  if (index === undefined || !Number.isInteger(index) || index < 0 || index >= graph.size) return 0;
  const chain = chainOf(graph, index);
  return isStory(chain) ? chain.steps.length : 0;
}
