/**
 * filterIncidents() and facetCounts() on the columnar index, against the obvious `incidents.filter(...)` over
 * the objects, on 1M synthetic incidents over ten years; and the cost of buildIndex() itself.
 * Run with `npx vitest bench --run --project unit tests/domain/filter.bench.ts`.
 *
 * The incidents are built directly as `Incident` objects (parsing 1M features would dominate the setup):
 * ~200 actors drawn with a Zipf-like skew (a few groups appear in most incidents), 1–3 actors each, every
 * type key including `none`, and a realistic mix of exact times, days, day ranges, weeks and months.
 */
import { bench, describe } from 'vitest';
import { NOT_REPORTED } from '../../src/domain/counts';
import {
  dayFromIso,
  type IncidentDate,
  isoFromDay,
  isoWeekStart,
  type LocalDateTime,
  monthBounds,
} from '../../src/domain/date';
import {
  buildIndex,
  facetCounts,
  filterAndCount,
  filterIncidents,
  type IncidentFilter,
  NO_FILTER,
  TYPE_KEYS,
} from '../../src/domain/filter';
import {
  ACTOR_ROLES,
  type Actor,
  ATTRIBUTIONS,
  type EventType,
  type Incident,
  type IncidentId,
} from '../../src/domain/incident';
import { seededRandom } from '../support/random';

const COUNT = 1_000_000;
const BUILD_COUNT = 100_000;
const ACTOR_COUNT = 200;
const FROM = dayFromIso('2015-01-01') as number;
const SPAN = 3653; // days: ten years
const MS_PER_DAY = 86_400_000;
const BENCH = { time: 500 }; // ms per bench

const random = seededRandom;

const rand = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const ACTOR_NAMES = Array.from(
  { length: ACTOR_COUNT },
  (_, k) => `Armed group ${String(k + 1).padStart(3, '0')}`,
);

/** Cumulative Zipf weights (rank k has weight 1/k), normalised to end at 1. */
const zipf = (() => {
  const cumulative = new Float64Array(ACTOR_COUNT);
  let sum = 0;
  for (let k = 0; k < ACTOR_COUNT; k++) cumulative[k] = sum += 1 / (k + 1);
  return cumulative.map((c) => c / sum);
})();

/** An actor rank drawn from the Zipf weights (binary search of the cumulative table). */
function zipfRank(): number {
  const u = rand();
  let lo = 0;
  let hi = ACTOR_COUNT - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((zipf[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Actor entries are immutable, so equal ones are shared, as a parser with interning would do. */
const actorPool = new Map<string, Actor>();
function actor(name: string, role: Actor['role'], attribution: Actor['attribution']): Actor {
  const key = `${name}|${role}|${attribution}`;
  let a = actorPool.get(key);
  if (a === undefined) {
    a = { name, role, attribution };
    actorPool.set(key, a);
  }
  return a;
}

/** A LocalDateTime from one object literal, so all share one hidden class, as parsed ones do. */
function localDateTime(day: number, minutes: number | null, offsetMinutes: number | null): LocalDateTime {
  return { day, minutes, offsetMinutes, monthOnly: false };
}

/**
 * An IncidentDate from one object literal. (Built with `{ ...common, ... }` instead, V8 gave the dates
 * thousands of hidden classes and the naive filter became megamorphic and several times slower.)
 */
function incidentDate(
  text: string,
  precision: IncidentDate['precision'],
  start: LocalDateTime,
  end: LocalDateTime,
  firstDay: number,
  lastDay: number,
  sortKey: number,
): IncidentDate {
  return { text, precision, start, end, isInterval: start !== end, firstDay, lastDay, sortKey };
}

/** One shared "date only" LocalDateTime and ISO text per day of the span. */
const dayOnly: LocalDateTime[] = [];
const dayText: string[] = [];
for (let d = 0; d < SPAN + 40; d++) {
  dayOnly.push(localDateTime(FROM + d, null, null));
  dayText.push(isoFromDay(FROM + d));
}

/** A date with the spread of real data: 20% exact times, 65% days, 5% day ranges, 6% weeks, 4% months. */
function syntheticDate(): IncidentDate {
  const offset = Math.floor(rand() * SPAN);
  const day = FROM + offset;
  const start = dayOnly[offset] as LocalDateTime;
  const text = dayText[offset] as string;
  const midnight = day * MS_PER_DAY; // local midnight: no offset known
  const r = rand();
  if (r < 0.2) {
    const minutes = Math.floor(rand() * 1440);
    const at = localDateTime(day, minutes, 180);
    const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const instant = (day * 1440 + minutes - 180) * 60_000; // UTC+3 to UTC
    return incidentDate(`${text}T${clock}+03:00`, 'time', at, at, day, day, instant);
  }
  if (r < 0.85) return incidentDate(text, 'day', start, start, day, day, midnight);
  if (r < 0.9) {
    const length = 1 + Math.floor(rand() * 4);
    const end = dayOnly[offset + length] as LocalDateTime;
    return incidentDate(
      `${text}/${dayText[offset + length]}`,
      'day',
      start,
      end,
      day,
      day + length,
      midnight,
    );
  }
  if (r < 0.96) {
    const first = isoWeekStart(day);
    return incidentDate(text, 'week', start, start, first, first + 6, midnight);
  }
  const { first, last } = monthBounds(day);
  return incidentDate(text, 'month', start, start, first, last, midnight);
}

/** Type weights: explosions and battles dominate, as in ACLED; `none` for data without a type. */
const TYPE_WEIGHTS = [0.25, 0.3, 0.12, 0.15, 0.06, 0.07, 0.05];
function syntheticType(): EventType | null {
  let u = rand();
  for (let k = 0; k < TYPE_KEYS.length; k++) {
    u -= TYPE_WEIGHTS[k] as number;
    if (u < 0) {
      const key = TYPE_KEYS[k];
      return key === 'none' || key === undefined ? null : key;
    }
  }
  return null;
}

const NO_SOURCES: Incident['sources'] = [];
const NO_RELATED: Incident['related'] = [];

// Pushed, not `new Array(COUNT)`: V8 keeps a pre-sized array this large in slow dictionary mode, which
// would make the naive filter look ten times worse than it is.
const incidents: Incident[] = [];
for (let i = 0; i < COUNT; i++) {
  const n = 1 + Math.floor(rand() * 3);
  const actors: Actor[] = [];
  for (let k = 0; k < n; k++) {
    actors.push(actor(ACTOR_NAMES[zipfRank()] as string, pick(ACTOR_ROLES), pick(ATTRIBUTIONS)));
  }
  incidents.push({
    id: `bench-${i}` as IncidentId,
    lon: 38 + rand() * 10,
    lat: 29 + rand() * 8,
    title: 'Synthetic incident',
    summary: '',
    date: syntheticDate(),
    eventType: syntheticType(),
    subEventType: null,
    actors,
    fatalities: NOT_REPORTED,
    injured: NOT_REPORTED,
    place: null,
    locationPrecision: 'exact',
    sources: NO_SOURCES,
    related: NO_RELATED,
    attributes: [],
  });
}

const index = buildIndex(incidents);
const forBuild = incidents.slice(0, BUILD_COUNT);

const MONTH: IncidentFilter = { ...NO_FILTER, from: dayFromIso('2020-03-01'), to: dayFromIso('2020-03-31') };
const ACTOR_ROLE: IncidentFilter = {
  ...NO_FILTER,
  actors: [ACTOR_NAMES[4] as string, ACTOR_NAMES[39] as string],
  role: 'perpetrator',
};
const TYPES: IncidentFilter = { ...NO_FILTER, types: ['Battles', 'Riots'] };
const COMBINED: IncidentFilter = {
  ...NO_FILTER,
  from: dayFromIso('2019-01-01'),
  to: dayFromIso('2019-12-31'),
  actors: [ACTOR_NAMES[0] as string],
  role: 'perpetrator',
  attribution: 'confirmed',
  types: ['Explosions/Remote violence'],
};

/**
 * The obvious way, with the same rules as filterIncidents: read the date fields and compare actor names as
 * strings on every object, then sort newest first (the sort is stable, so ties keep file order).
 */
function naive(filter: IncidentFilter): Incident[] {
  const from = filter.from ?? Number.NEGATIVE_INFINITY;
  const to = filter.to ?? Number.POSITIVE_INFINITY;
  const actorActive = filter.actors.length > 0 || filter.role !== 'any' || filter.attribution !== 'any';
  return incidents
    .filter(
      (incident) =>
        incident.date.lastDay >= from &&
        incident.date.firstDay <= to &&
        (filter.types.length === 0 || filter.types.includes(incident.eventType ?? 'none')) &&
        (!actorActive ||
          incident.actors.some(
            (a) =>
              (filter.actors.length === 0 || filter.actors.includes(a.name)) &&
              (filter.role === 'any' || a.role === filter.role) &&
              (filter.attribution === 'any' || a.attribution === 'confirmed' || a.attribution === 'claimed'),
          )),
    )
    .sort((a, b) => b.date.sortKey - a.date.sortKey);
}

// A bench of two ways that disagree measures nothing: check they select the same incidents in the same order.
for (const [name, filter] of Object.entries({ MONTH, ACTOR_ROLE, TYPES, COMBINED })) {
  const fast = filterIncidents(index, filter);
  const slow = naive(filter);
  if (fast.length !== slow.length || slow.some((incident, k) => incidents[fast[k] as number] !== incident)) {
    throw new Error(
      `${name}: filterIncidents gave ${fast.length} incidents, the naive filter ${slow.length}`,
    );
  }
}

describe(`1M incidents, ${ACTOR_COUNT} actors: one month (March 2020)`, () => {
  bench('filterIncidents()', () => void filterIncidents(index, MONTH), BENCH);
  bench('naive incidents.filter()', () => void naive(MONTH), BENCH);
});

describe('1M incidents: two actors as perpetrator', () => {
  bench('filterIncidents()', () => void filterIncidents(index, ACTOR_ROLE), BENCH);
  bench('naive incidents.filter()', () => void naive(ACTOR_ROLE), BENCH);
});

describe('1M incidents: two event types', () => {
  bench('filterIncidents()', () => void filterIncidents(index, TYPES), BENCH);
  bench('naive incidents.filter()', () => void naive(TYPES), BENCH);
});

describe('1M incidents: facet counts', () => {
  bench('facetCounts(), no filter', () => void facetCounts(index, NO_FILTER), BENCH);
  bench(
    'facetCounts(), year + actor + role + attribution + type',
    () => void facetCounts(index, COMBINED),
    BENCH,
  );
});

describe('1M incidents: one filter change as the app makes it (shown + facet counts, one scan)', () => {
  bench('filterAndCount(), no filter', () => void filterAndCount(index, NO_FILTER), BENCH);
  bench('filterAndCount(), one month', () => void filterAndCount(index, MONTH), BENCH);
  bench(
    'filterAndCount(), year + actor + role + attribution + type',
    () => void filterAndCount(index, COMBINED),
    BENCH,
  );
});

describe(`buildIndex on ${BUILD_COUNT / 1000}k incidents`, () => {
  bench('buildIndex()', () => void buildIndex(forBuild), BENCH);
});
