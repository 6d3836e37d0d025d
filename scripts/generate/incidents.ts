/**
 * The generator's core: a deterministic stream of realistic incidents for a seed, as plain data (no DOM,
 * no I/O). Incidents cluster around real towns of Iraq and Syria and around named villages near them, so
 * many share exact coordinates; actors follow a long-tail (Zipf) distribution over about 5,000 names;
 * event types follow ACLED's vocabulary; dates span several years with every precision (time, day, week,
 * month and ranges); each incident has a 300–600 character summary and 1–3 sources.
 *
 * `toFeature` turns one into a Feature of our GeoJSON format (docs/data-format.md) and
 * `toAcledRow` into a row of ACLED's 31 CSV columns (scripts/generate/format.ts writes both).
 */
import { isoFromDay, isoWeekStart, monthBounds, partsFromDay } from '../../src/domain/date';
import { MONTHS_LONG } from '../../src/domain/format';
import type {
  ActorRole,
  Attribution,
  DatePrecision,
  EventType,
  LocationPrecision,
  SourceKind,
} from '../../src/domain/incident';
import { seededRandom } from '../../tests/support/random';
import { ID_PREFIX, SPOT_PREFIXES, SPOT_ROOTS, TOWNS, type Town } from './places';
import {
  type ActorEntry,
  buildActors,
  CONTEXT,
  type Inter,
  OUTLETS,
  type Outlet,
  SUB_EVENTS,
  type SubEvent,
} from './vocabulary';

export interface GenerateOptions {
  /** How many incidents, including the isolated one when asked for. */
  readonly count: number;
  /** Same seed, same incidents (byte for byte once written). Default 1. */
  readonly seed?: number;
  /** Make the last incident ISOLATED: alone in the Empty Quarter, with no event type. Default false. */
  readonly isolated?: boolean;
  /** First calendar year of the dates. Default 2017. */
  readonly firstYear?: number;
  /** How many calendar years the dates span. Default 7 (2017–2023). */
  readonly years?: number;
  /** Size of the actor list the long tail is drawn from. Default 5,000. */
  readonly actors?: number;
}

/** The one incident far from all others (with `isolated: true`): a test can find it on the map by colour. */
export const ISOLATED = {
  id: 'synthetic-isolated',
  title: 'Isolated synthetic incident in the Empty Quarter',
  lon: 50,
  lat: 20,
  date: '2021-06-15',
} as const;

export interface GeneratedActor {
  readonly name: string;
  readonly role: ActorRole;
  readonly attribution: Attribution;
  readonly inter: Inter;
}

export interface GeneratedSource {
  readonly name: string;
  readonly url: string | null;
  readonly kind: SourceKind;
  readonly published: string;
  readonly scale: string;
}

export interface GeneratedIncident {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly title: string;
  readonly summary: string;
  /** ISO 8601 text in local time, as our format writes it. */
  readonly date: string;
  readonly datePrecision: DatePrecision;
  /** First and last local day the incident may fall on (days since 1970-01-01), as the app filters. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly eventType: EventType | null;
  readonly subEventType: string | null;
  /** Actor 1, actor 2 (if any), then associated actors. */
  readonly actors: readonly GeneratedActor[];
  readonly fatalities: number | null;
  readonly injured: number | null;
  readonly place: {
    readonly name: string;
    readonly admin1: string;
    readonly admin2: string;
    readonly country: string;
  };
  readonly locationPrecision: LocationPrecision;
  readonly sources: readonly GeneratedSource[];
  /** ACLED: the start day (YYYY-MM-DD), `time_precision` 1/2/3 and the upload time (Unix seconds). */
  readonly acled: {
    readonly eventDate: string;
    readonly timePrecision: 1 | 2 | 3;
    readonly timestamp: number;
  };
}

const DAY_MS = 86_400_000;

/** Cumulative weights for picking by weight with one uniform number and a binary search. */
function cumulative(weights: readonly number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    c[i] = sum;
  });
  return c;
}

function pickIndex(c: Float64Array, u: number): number {
  const target = u * (c[c.length - 1] as number);
  let lo = 0;
  let hi = c.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c[mid] as number) <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Spot {
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;
const pad2 = (n: number) => String(n).padStart(2, '0');
const longDate = (day: number) => {
  const { year, month, dayOfMonth } = partsFromDay(day);
  return `${dayOfMonth} ${MONTHS_LONG[month - 1]} ${year}`;
};
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Named villages and neighbourhoods around each town (the same for a seed), nearest first in weight. */
function spotsOf(town: Town, townIndex: number, seed: number): Spot[] {
  const random = seededRandom(seed * 7919 + townIndex * 104_729 + 17);
  const spots: Spot[] = [];
  const names = new Set<string>();
  while (spots.length < 24) {
    const name = `${SPOT_PREFIXES[Math.floor(random() * SPOT_PREFIXES.length)]} ${SPOT_ROOTS[Math.floor(random() * SPOT_ROOTS.length)]}`;
    if (names.has(name)) continue;
    names.add(name);
    const r = 0.02 + random() * 0.25;
    const a = random() * 2 * Math.PI;
    spots.push({
      name,
      lon: round4(town.lon + r * Math.cos(a)),
      lat: round4(town.lat + r * Math.sin(a) * 0.85),
    });
  }
  return spots;
}

/** The incidents for `options`, one at a time (so a million never sit in memory at once). */
export function* generateIncidents(options: GenerateOptions): Generator<GeneratedIncident> {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const total = Math.max(0, Math.floor(options.count));
  const regular = options.isolated && total > 0 ? total - 1 : total;
  const firstYear = options.firstYear ?? 2017;
  const firstDay = Math.round(Date.UTC(firstYear, 0, 1) / DAY_MS);
  const dayCount = Math.round(Date.UTC(firstYear + (options.years ?? 7), 0, 1) / DAY_MS) - firstDay;

  const townPick = cumulative(TOWNS.map((t) => t.weight));
  const spots = TOWNS.map((t, i) => spotsOf(t, i, seed));
  const spotPick = cumulative(Array.from({ length: 24 }, (_, k) => 1 / (k + 1)));
  const actors = buildActors(options.actors ?? 5000, TOWNS);
  const actorPick = cumulative(actors.map((_, k) => 1 / (k + 1))); // Zipf, s = 1
  const byName = new Map(actors.map((a) => [a.name, a]));
  const subPick = cumulative(SUB_EVENTS.map((s) => s.weight));
  // Surges: a dozen 30-day windows where a quarter of the incidents happen.
  const surges = Array.from({ length: 12 }, () => firstDay + Math.floor(random() * (dayCount - 30)));

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const named = (name: string, country: string): ActorEntry =>
    byName.get(`${name} (${country})`) ?? { name: `${name} (${country})`, inter: 'Civilians', country: null };

  function armedActor(country: string, not: string | null): ActorEntry {
    for (let tries = 0; ; tries++) {
      const a = actors[pickIndex(actorPick, random())] as ActorEntry;
      if (a.name === not) continue;
      if (a.inter === 'Civilians' || a.inter === 'Protesters' || a.inter === 'Rioters') continue;
      if (a.country === null || a.country === country || tries > 4) return a;
    }
  }

  function attribution(role: ActorRole): Attribution {
    const u = random();
    if (role === 'target') return u < 0.9 ? 'confirmed' : 'unknown';
    if (role === 'party') return u < 0.7 ? 'confirmed' : u < 0.9 ? 'unknown' : 'disputed';
    return u < 0.4
      ? 'confirmed'
      : u < 0.5
        ? 'claimed'
        : u < 0.75
          ? 'suspected'
          : u < 0.8
            ? 'disputed'
            : 'unknown';
  }

  function count(kind: SubEvent, killing: boolean): number | null {
    if (chance(0.05)) return null;
    if (!killing || chance(0.5)) return 0;
    const n = Math.floor(-Math.log(1 - random()) * 2.5) + 1;
    return chance(0.03) ? n * 10 + (kind.eventType === 'Battles' ? 5 : 0) : n;
  }

  for (let i = 0; i < regular; i++) {
    const townIndex = pickIndex(townPick, random());
    const town = TOWNS[townIndex] as Town;
    // Where: the town itself (ACLED's centroid for vague locations), a named village, or a unique point.
    let location = town.name;
    let lon = town.lon;
    let lat = town.lat;
    let locationPrecision: LocationPrecision = 'exact';
    const where = random();
    if (where < 0.35) {
      const g = random();
      locationPrecision = g < 0.6 ? 'exact' : g < 0.9 ? 'near' : 'region';
    } else {
      const spot = (spots[townIndex] as Spot[])[pickIndex(spotPick, random())] as Spot;
      location = spot.name;
      lon = spot.lon;
      lat = spot.lat;
      if (where > 0.9) {
        lon = round4(lon + (random() - 0.5) * 0.02);
        lat = round4(lat + (random() - 0.5) * 0.02);
      }
    }

    // When, and how exactly.
    const day = chance(0.25)
      ? (surges[Math.floor(random() * surges.length)] as number) + Math.floor(random() * 30)
      : firstDay + Math.floor(random() * dayCount);
    const iso = isoFromDay(day);
    const { year, month } = partsFromDay(day);
    const offset =
      town.country === 'Iraq' || year >= 2023 || (month >= 4 && month <= 10) ? '+03:00' : '+02:00';
    let date = iso;
    let datePrecision: DatePrecision = 'day';
    let first = day;
    let last = day;
    let words = longDate(day);
    let timePrecision: 1 | 2 | 3 = 1;
    const p = random();
    if (p < 0.08) {
      const minutes = Math.floor(random() * 1440);
      date = `${iso}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}${offset}`;
      datePrecision = 'time';
      words = `${longDate(day)}, at about ${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    } else if (p < 0.68) {
      // a day
    } else if (p < 0.8) {
      datePrecision = 'week';
      first = isoWeekStart(day);
      last = first + 6;
      words = `the week of ${longDate(first)}`;
      timePrecision = 2;
    } else if (p < 0.86) {
      date = `${year}-${pad2(month)}`;
      datePrecision = 'month';
      ({ first, last } = monthBounds(day));
      words = `${MONTHS_LONG[month - 1]} ${year}`;
      timePrecision = 3;
    } else if (p < 0.9) {
      datePrecision = 'month';
      ({ first, last } = monthBounds(day));
      words = `${MONTHS_LONG[month - 1]} ${year}`;
      timePrecision = 3;
    } else if (p < 0.97) {
      last = day + 1 + Math.floor(random() * 6);
      date = `${iso}/${isoFromDay(last)}`;
      words = `between ${longDate(day)} and ${longDate(last)}`;
      timePrecision = 2;
    } else {
      const end = day + 7 + Math.floor(random() * 14);
      date = `${iso}/${isoFromDay(end)}`;
      datePrecision = 'week';
      first = isoWeekStart(day);
      last = isoWeekStart(end) + 6;
      words = `between ${longDate(day)} and ${longDate(end)}`;
      timePrecision = 3;
    }

    // What, and who.
    const kind = SUB_EVENTS[pickIndex(subPick, random())] as SubEvent;
    const c = town.country;
    const one =
      kind.eventType === 'Protests'
        ? named('Protesters', c)
        : kind.eventType === 'Riots'
          ? named('Rioters', c)
          : armedActor(c, null);
    const two =
      kind.second === 'civilians'
        ? named('Civilians', c)
        : kind.second === 'police'
          ? (byName.get(
              c === 'Iraq' ? 'Police Forces of Iraq (2014-)' : 'Police Forces of Syria (2000-2024)',
            ) as ActorEntry)
          : kind.second === 'armed'
            ? armedActor(c, one.name)
            : null;
    const eventActors: GeneratedActor[] = [
      { name: one.name, role: kind.roles[0], attribution: attribution(kind.roles[0]), inter: one.inter },
    ];
    if (two)
      eventActors.push({
        name: two.name,
        role: kind.roles[1],
        attribution: attribution(kind.roles[1]),
        inter: two.inter,
      });
    if (chance(0.12)) {
      const assoc = armedActor(c, one.name);
      if (!eventActors.some((a) => a.name === assoc.name))
        eventActors.push({
          name: assoc.name,
          role: 'party',
          attribution: attribution('party'),
          inter: assoc.inter,
        });
    }
    const killing =
      kind.eventType === 'Battles' ||
      kind.eventType === 'Explosions/Remote violence' ||
      kind.eventType === 'Violence against civilians';
    const fatalities = count(kind, killing);
    const injured = chance(0.55) ? null : count(kind, killing);

    // Who says so.
    const outlets = OUTLETS.filter((o) => o.country === null || o.country === c);
    const outletPick = cumulative(outlets.map((o) => o.weight));
    const sources: GeneratedSource[] = [];
    const wanted = chance(0.7) ? 1 : chance(0.8) ? 2 : 3;
    const title = `${kind.subEventType} in ${location}`;
    for (let tries = 0; sources.length < wanted && tries < 10; tries++) {
      const outlet = outlets[pickIndex(outletPick, random())] as Outlet;
      if (sources.some((s) => s.name === outlet.name)) continue;
      const published = isoFromDay(last + Math.floor(random() * 3));
      const [py, pm, pd] = published.split('-') as [string, string, string];
      const url =
        outlet.url
          ?.replaceAll('{id}', String(100_000 + Math.floor(random() * 899_999)))
          .replace('{slug}', slug(`${title} ${location === town.name ? '' : town.name}`))
          .replace('{y}', py)
          .replace('{m}', pm)
          .replace('{d}', pd) ?? null;
      sources.push({ name: outlet.name, url, kind: outlet.kind, published, scale: outlet.scale });
    }

    // What happened, in words.
    const near = location === town.name ? '' : ` near ${town.name}`;
    const object = two ? ` ${two.name}` : '';
    const sentences = [
      `On ${words}, ${one.name} ${kind.verb}${object} in ${location}${near} (${town.admin2} district, ${town.admin1}).`,
      pick(kind.details),
      fatalities === null
        ? 'Casualty figures were not reported.'
        : fatalities === 0
          ? 'No fatalities were reported.'
          : `${fatalities === 1 ? 'One person was' : `${fatalities} people were`} reported killed${injured ? ` and ${injured} injured` : ''}.`,
      sources.length > 1
        ? `${sources
            .slice(0, -1)
            .map((s) => s.name)
            .join(
              ', ',
            )} and ${sources.at(-1)?.name} reported the incident; their accounts differ on some details.`
        : `${sources[0]?.name ?? 'A local source'} reported the incident.`,
    ];
    let summary = sentences.join(' ');
    // Most summaries are short (ACLED's notes are), some run to 600 characters.
    const target = 300 + Math.floor(random() ** 3 * 300);
    const context = [...CONTEXT];
    while (summary.length < target && context.length > 0) {
      const next = context.splice(Math.floor(random() * context.length), 1)[0] as string;
      if (summary.length + next.length + 1 > 600) break;
      summary += ` ${next}`;
    }

    yield {
      id: `${ID_PREFIX[c]}${i + 1}`,
      lon,
      lat,
      title,
      summary,
      date,
      datePrecision,
      firstDay: first,
      lastDay: last,
      eventType: kind.eventType,
      subEventType: kind.subEventType,
      actors: eventActors,
      fatalities,
      injured,
      place: { name: location, admin1: town.admin1, admin2: town.admin2, country: c },
      locationPrecision,
      sources,
      acled: {
        eventDate: iso,
        timePrecision,
        timestamp:
          Math.floor(((last + 3 + Math.floor(random() * 10)) * DAY_MS) / 1000) +
          Math.floor(random() * 86_400),
      },
    };
  }

  if (options.isolated && total > 0) {
    const day = Math.round(Date.parse(ISOLATED.date) / DAY_MS);
    yield {
      id: ISOLATED.id,
      lon: ISOLATED.lon,
      lat: ISOLATED.lat,
      title: ISOLATED.title,
      summary: 'A synthetic incident placed far from all others so that tests can find it on the map.',
      date: ISOLATED.date,
      datePrecision: 'day',
      firstDay: day,
      lastDay: day,
      eventType: null,
      subEventType: null,
      actors: [],
      fatalities: null,
      injured: null,
      place: { name: 'Empty Quarter', admin1: 'Eastern Province', admin2: '', country: 'Saudi Arabia' },
      locationPrecision: 'exact',
      sources: [
        { name: 'Synthetic generator', url: null, kind: 'other', published: ISOLATED.date, scale: 'Other' },
      ],
      acled: { eventDate: ISOLATED.date, timePrecision: 1, timestamp: (day + 1) * 86_400 },
    };
  }
}

/** One incident as a Feature of our GeoJSON format (strictly valid: every field present). */
export function toFeature(g: GeneratedIncident): object {
  return {
    type: 'Feature',
    id: g.id,
    geometry: { type: 'Point', coordinates: [g.lon, g.lat] },
    properties: {
      title: g.title,
      summary: g.summary,
      date: g.date,
      datePrecision: g.datePrecision,
      eventType: g.eventType,
      subEventType: g.subEventType,
      actors: g.actors.map(({ name, role, attribution }) => ({ name, role, attribution })),
      fatalities: g.fatalities,
      injured: g.injured,
      place: { name: g.place.name, admin1: g.place.admin1, country: g.place.country },
      locationPrecision: g.locationPrecision,
      sources: g.sources.map(({ name, url, kind, published }) =>
        url === null ? { name, kind, published } : { name, url, kind, published },
      ),
      related: [],
    },
  };
}
