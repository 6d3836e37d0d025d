/** Property-based tests (fast-check): importers never throw, never lose count, and exports read back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportGeoJson } from '../../../src/domain/export/geojson';
import { importBytes, importText } from '../../../src/domain/import/import-text';
import { countSkipped } from '../../../src/domain/issues';

const RUNS = { numRuns: 300 };

const report = fc.record(
  {
    value: fc.oneof(fc.nat(1000), fc.integer({ min: -5, max: 5 })),
    low: fc.nat(100),
    high: fc.nat(2000),
    source: fc.oneof(fc.string(), fc.constant('SOHR')),
    reported: fc.oneof(fc.constant('2020-03-11'), fc.constant('2020-02-30'), fc.string()),
    note: fc.string(),
  },
  { requiredKeys: [] },
);

const count = fc.oneof(
  fc.constant(null),
  fc.nat(500),
  fc.array(report, { maxLength: 3 }),
  fc.string(),
  fc.double(),
);

const feature = fc.record(
  {
    type: fc.oneof(fc.constant('Feature'), fc.constant('Feature'), fc.string()),
    id: fc.oneof(
      fc.constantFrom('a', 'b', 'feature-1', 'feature-2', 'x\ud800y', ''),
      fc.string(),
      fc.integer(),
    ),
    geometry: fc.oneof(
      fc.record({
        type: fc.constantFrom('Point', 'Point', 'Polygon'),
        coordinates: fc.oneof(
          fc.tuple(
            fc.double({ min: -180, max: 180, noNaN: true }),
            fc.double({ min: -90, max: 90, noNaN: true }),
          ),
          fc.tuple(fc.double(), fc.double()),
          fc.array(fc.anything(), { maxLength: 3 }),
        ),
      }),
      fc.constant(null),
    ),
    properties: fc.record(
      {
        title: fc.oneof(fc.string(), fc.constant('<script>alert(1)</script>')),
        summary: fc.string(),
        date: fc.oneof(
          fc.constantFrom(
            '2020-03-11',
            '2019-12-31/2020-01-01',
            '2020-01-03T00:50+03:00',
            '2020-03',
            '2024-02-30',
          ),
          fc.string(),
        ),
        datePrecision: fc.constantFrom('time', 'day', 'week', 'month', 'year'),
        fatalities: count,
        injured: count,
        actors: fc.array(
          fc.record({
            name: fc.string(),
            role: fc.constantFrom('party', 'target', 'boss'),
            attribution: fc.constantFrom('claimed', 'unknown'),
          }),
          { maxLength: 3 },
        ),
        place: fc.oneof(
          fc.constant(null),
          fc.record({ name: fc.string(), country: fc.constantFrom('Iraq', 'Syria', 'Atlantis') }),
        ),
        sources: fc.array(
          fc.record({ name: fc.string(), url: fc.constantFrom('https://a.org', 'javascript:alert(1)') }),
          { maxLength: 2 },
        ),
        related: fc.array(
          fc.record({ id: fc.constantFrom('a', 'b', 'zzz'), relation: fc.constantFrom('ledTo', 'nope') }),
          { maxLength: 2 },
        ),
        attributes: fc.array(fc.record({ label: fc.string(), value: fc.string() }), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['type'] },
);

const text = fc.string({ minLength: 1 }).filter((t) => t.trim() !== '');

/** A feature valid by construction, with arbitrary content. */
const validFeature = fc.record({
  type: fc.constant('Feature'),
  id: fc.oneof(fc.uuid(), fc.constantFrom('a', 'b', 'feature-1', 'feature-2')),
  geometry: fc.record({
    type: fc.constant('Point'),
    coordinates: fc.tuple(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.double({ min: -90, max: 90, noNaN: true }),
    ),
  }),
  properties: fc.record(
    {
      title: text,
      summary: fc.string(),
      date: fc.constantFrom('2020-03-11', '2019-12-31/2020-01-01', '2020-01-03T00:50+03:00', '2020-03'),
      fatalities: fc.oneof(
        fc.constant(null),
        fc.nat(500),
        fc.array(
          fc.record(
            {
              value: fc.nat(100),
              source: text,
              reported: fc.constantFrom('2020-03-11', '2020-03-12'),
              note: text,
            },
            { requiredKeys: ['value', 'source'] },
          ),
          { maxLength: 3 },
        ),
      ),
      actors: fc.array(
        fc.record({
          name: text,
          role: fc.constantFrom('party', 'target', 'perpetrator'),
          attribution: fc.constantFrom('claimed', 'unknown'),
        }),
        { maxLength: 3 },
      ),
      place: fc.record(
        { name: text, admin1: text, country: fc.constantFrom('Iraq', 'Atlantis') },
        { requiredKeys: ['name', 'country'] },
      ),
      sources: fc.array(
        fc.record({ name: text, url: fc.constantFrom('https://a.org', 'javascript:alert(1)') }),
        { maxLength: 2 },
      ),
      related: fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'zzz'), relation: fc.constant('ledTo') }), {
        maxLength: 2,
      }),
      attributes: fc.array(fc.record({ label: text, value: text }), { maxLength: 2 }),
    },
    { requiredKeys: ['title', 'date'] },
  ),
});

const collection = fc.array(fc.oneof(validFeature, validFeature, feature), { minLength: 1, maxLength: 12 });

/** A CSV of arbitrary cells under a header the importers recognise (ACLED, UCDP or generic). */
const csv = fc
  .tuple(
    fc.constantFrom(
      'title,date,latitude,longitude',
      'event_id_cnty,event_date,time_precision,event_type,actor1,country,location,latitude,longitude,geo_precision,fatalities,notes',
      'id,date_start,date_end,date_prec,where_prec,side_a,side_b,best,low,high,latitude,longitude,country',
    ),
    fc.array(
      fc.array(
        fc.oneof(fc.string(), fc.constantFrom('33.3', '44,4', '2020-03-11', '01/02/2024', '"', '1', '')),
        {
          maxLength: 14,
        },
      ),
      { maxLength: 10 },
    ),
  )
  .map(([header, rows]) => [header, ...rows.map((r) => r.join(','))].join('\n'));

describe('importers (property-based)', () => {
  it('never throw on any text, and loaded + skipped = total', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), csv),
        fc.constantFrom('x.csv', 'x.geojson'),
        (text, name) => {
          const r = importText(text, name);
          expect(r.incidents.length + r.skipped).toBe(r.total);
        },
      ),
      RUNS,
    );
  });

  it('never throw on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = importBytes(bytes, 'x.bin');
        expect(r.incidents.length + r.skipped).toBe(r.total);
      }),
      RUNS,
    );
  });

  it('count every feature: loaded + skipped = features, and each skipped feature has an error', () => {
    fc.assert(
      fc.property(collection, (features) => {
        const r = importText(JSON.stringify({ type: 'FeatureCollection', features }), 'f.geojson');
        expect(r.total).toBe(features.length);
        expect(r.incidents.length + r.skipped).toBe(features.length);
        expect(countSkipped(r.issues)).toBe(r.skipped);
        expect(new Set(r.incidents.map((i) => i.id)).size).toBe(r.incidents.length);
      }),
      RUNS,
    );
  });

  it('count every CSV row: loaded + skipped = data rows', () => {
    fc.assert(
      fc.property(csv, (text) => {
        const r = importText(text, 'x.csv');
        expect(r.incidents.length + r.skipped).toBe(r.total);
        if (r.readable && r.needsMapping === undefined) expect(countSkipped(r.issues)).toBe(r.skipped);
      }),
      RUNS,
    );
  });

  it('count exactly the non-blank data rows of a CSV as its total', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .:/-]{0,8}$/),
      fc.constantFrom('33.3', '44.4', '2020-03-11', ''),
    );
    const header = 'id,title,date,latitude,longitude';
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 15 }), (rows) => {
        const lines = rows.map((r) => r.join(','));
        const r = importText([header, ...lines].join('\n'), 'x.csv');
        const dataRows = lines.filter((l) => l.replace(/[,\s]/g, '') !== '').length;
        expect(r.total).toBe(dataRows);
        expect(r.incidents.length + r.skipped).toBe(r.total);
      }),
      RUNS,
    );
  });

  it('export → import gives the same incidents', () => {
    let loaded = 0;
    fc.assert(
      fc.property(collection, (features) => {
        const first = importText(JSON.stringify({ type: 'FeatureCollection', features }), 'f.geojson');
        const again = importText([...exportGeoJson(first.incidents)].join(''), 'again.geojson');
        expect(again.incidents).toEqual(first.incidents);
        loaded += first.incidents.length;
      }),
      RUNS,
    );
    // The property is only worth something if the generator makes valid incidents often.
    expect(loaded).toBeGreaterThan(100);
  });
});
