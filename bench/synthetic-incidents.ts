/**
 * Deterministic synthetic incidents for load and drawing measurements: `count` valid features (per
 * src/domain/parse.ts) around real places of the Middle East, dated over five years (2018–2022, local
 * days), with a few actors, every event type and all three location precisions. One more incident, at
 * `ISOLATED`, stands alone in the Empty Quarter with no event type (drawn grey, the only one), so a test
 * can find it on the map by its colour. Plain data, no DOM: used by tests/e2e/large.test.ts.
 */

/** The one incident far from all others: [lon, lat] in the Empty Quarter (Rub' al Khali). */
export const ISOLATED = {
  id: 'synthetic-isolated',
  title: 'Isolated synthetic incident in the Empty Quarter',
  lon: 50,
  lat: 20,
  date: '2021-06-15',
} as const;

/** No generated incident comes closer to ISOLATED than this, in degrees of longitude or latitude. */
const ISOLATION = 3;

/** Places incidents cluster around: [name, country, lon, lat]. */
const PLACES: readonly (readonly [string, string, number, number])[] = [
  ['Baghdad', 'Iraq', 44.37, 33.31],
  ['Taji', 'Iraq', 44.21, 33.52],
  ['Mosul', 'Iraq', 43.13, 36.34],
  ['Kirkuk', 'Iraq', 44.39, 35.47],
  ['Basra', 'Iraq', 47.78, 30.51],
  ["Al-Qa'im", 'Iraq', 41.03, 34.37],
  ['Erbil', 'Iraq', 44.01, 36.19],
  ['Ramadi', 'Iraq', 43.3, 33.42],
  ['Damascus', 'Syria', 36.29, 33.51],
  ['Aleppo', 'Syria', 37.16, 36.2],
  ['Idlib', 'Syria', 36.63, 35.93],
  ['Deir ez-Zor', 'Syria', 40.14, 35.33],
  ['Boukamal', 'Syria', 40.92, 34.45],
  ['Raqqa', 'Syria', 39.01, 35.95],
  ['Homs', 'Syria', 36.72, 34.73],
  ['Beirut', 'Lebanon', 35.5, 33.89],
  ['Tyre', 'Lebanon', 35.2, 33.27],
  ['Gaza', 'Palestine', 34.45, 31.5],
  ['Amman', 'Jordan', 35.93, 31.95],
  ['Tehran', 'Iran', 51.39, 35.69],
  ['Ahvaz', 'Iran', 48.67, 31.32],
  ['Kermanshah', 'Iran', 47.07, 34.31],
  ["Sana'a", 'Yemen', 44.21, 15.37],
  ['Aden', 'Yemen', 45.03, 12.79],
  ['Taiz', 'Yemen', 44.02, 13.58],
  ['Marib', 'Yemen', 45.32, 15.46],
  ['Hodeidah', 'Yemen', 42.95, 14.8],
  ['Riyadh', 'Saudi Arabia', 46.68, 24.71],
  ['Diyarbakir', 'Turkey', 40.23, 37.91],
  ['Kuwait City', 'Kuwait', 47.98, 29.38],
];

const TYPES: readonly (readonly [string, string])[] = [
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'],
  ['Protests', 'Peaceful protest'],
  ['Riots', 'Violent demonstration'],
  ['Strategic developments', 'Arrests'],
];

const ACTORS = [
  'State Security Forces',
  'Northern Front',
  'Alpha Brigade',
  'Coalition Air Forces',
  'Local Militia',
  'Civilians',
] as const;
const ATTRIBUTIONS = ['confirmed', 'claimed', 'suspected', 'disputed'] as const;
const PRECISIONS = ['exact', 'exact', 'exact', 'near', 'region'] as const;

const FIRST_DAY = Date.UTC(2018, 0, 1);
const DAYS = 1826; // 2018-01-01 .. 2022-12-31

/** Park–Miller minimal standard generator: the same numbers for the same seed on every machine. */
function generator(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** A FeatureCollection of `count` incidents (the last one is ISOLATED), the same for the same seed. */
export function syntheticIncidents(
  count: number,
  seed = 1,
): { type: 'FeatureCollection'; features: object[] } {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  /** Standard normal, by Box–Muller. */
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const features: object[] = [];
  for (let i = 0; i < count - 1; i++) {
    const [place, country, lon0, lat0] = pick(PLACES);
    const precision = pick(PRECISIONS);
    const spread = precision === 'region' ? 0.8 : 0.3; // degrees
    let lon = lon0;
    let lat = lat0;
    do {
      lon = lon0 + normal() * spread;
      lat = lat0 + normal() * spread;
    } while (Math.abs(lon - ISOLATED.lon) < ISOLATION && Math.abs(lat - ISOLATED.lat) < ISOLATION);
    const [eventType, subEventType] = pick(TYPES);
    const date = new Date(FIRST_DAY + Math.floor(random() * DAYS) * 86_400_000).toISOString().slice(0, 10);
    const perpetrator = pick(ACTORS);
    const actors = [{ name: perpetrator, role: 'perpetrator', attribution: pick(ATTRIBUTIONS) }];
    if (random() < 0.5) {
      const target = pick(ACTORS);
      if (target !== perpetrator) actors.push({ name: target, role: 'target', attribution: 'confirmed' });
    }
    features.push({
      type: 'Feature',
      id: `synthetic-${i + 1}`,
      geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
      properties: {
        title: `${subEventType} near ${place}`,
        date,
        datePrecision: 'day',
        eventType,
        subEventType,
        actors,
        fatalities: random() < 0.2 ? null : Math.floor(random() * 6),
        place: { name: place, country },
        locationPrecision: precision,
        sources: [{ name: 'Synthetic generator', kind: 'other' }],
      },
    });
  }
  features.push({
    type: 'Feature',
    id: ISOLATED.id,
    geometry: { type: 'Point', coordinates: [ISOLATED.lon, ISOLATED.lat] },
    properties: {
      title: ISOLATED.title,
      date: ISOLATED.date,
      datePrecision: 'day',
      place: { name: 'Empty Quarter', country: 'Saudi Arabia' },
      locationPrecision: 'exact',
      sources: [{ name: 'Synthetic generator', kind: 'other' }],
    },
  });
  return { type: 'FeatureCollection', features };
}
