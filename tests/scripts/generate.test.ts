/**
 * The dataset generator (scripts/generate/): what it writes is valid in our format (strictly, per the
 * app's own parser) and in ACLED's CSV layout, is the same for the same seed, and looks like real data
 * (clustered duplicate points, a long tail of actors, every event type and date precision).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, datasetChunks } from '../../scripts/generate/format';
import { type GeneratedIncident, generateIncidents, ISOLATED } from '../../scripts/generate/incidents';
import { writeDataset } from '../../scripts/generate/write';
import { parseIncidentDate } from '../../src/domain/date';
import { ACLED_EVENT_TYPES, EVENT_TYPES } from '../../src/domain/incident';
import { parseIncidents } from '../../src/domain/parse';

const COUNT = 3000;
const text = (options: Parameters<typeof datasetChunks>[0]) => [...datasetChunks(options)].join('');
const geojson = text({ count: COUNT, seed: 7, isolated: true, chunkBytes: 50_000 });
const incidents: GeneratedIncident[] = [...generateIncidents({ count: COUNT, seed: 7, isolated: true })];

describe('generated GeoJSON', () => {
  const parsed = parseIncidents(JSON.parse(geojson));

  it('loads every incident with no issue', () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.incidents).toHaveLength(COUNT);
  });

  it('meets the strict check (every field present) when there is no isolated incident', () => {
    const strict = parseIncidents(JSON.parse(text({ count: COUNT, seed: 7 })), { strict: true });
    expect(strict.issues).toEqual([]);
    expect(strict.incidents).toHaveLength(COUNT);
  });

  it('is the same for the same seed and different for another, however it is chunked', () => {
    expect(text({ count: COUNT, seed: 7, isolated: true, chunkBytes: 1 << 20 })).toBe(geojson);
    expect(text({ count: COUNT, seed: 8, isolated: true })).not.toBe(geojson);
  });

  it('states the days each date covers as the app computes them', () => {
    parsed.incidents.forEach((incident, i) => {
      const g = incidents[i] as GeneratedIncident;
      expect([incident.date.firstDay, incident.date.lastDay]).toEqual([g.firstDay, g.lastDay]);
    });
  });

  it('ends with the isolated incident, far from every other, with no event type', () => {
    const last = parsed.incidents.at(-1);
    expect(last?.id).toBe(ISOLATED.id);
    expect(last?.eventType).toBeNull();
    const near = parsed.incidents.filter(
      (x) => Math.abs(x.lon - ISOLATED.lon) < 3 && Math.abs(x.lat - ISOLATED.lat) < 3,
    );
    expect(near).toHaveLength(1);
    expect(parsed.incidents.filter((x) => x.eventType === null)).toHaveLength(1);
  });

  it('clusters around towns of Iraq and Syria, with many exact duplicate points', () => {
    const regular = parsed.incidents.slice(0, -1);
    expect(new Set(regular.map((x) => x.place?.country))).toEqual(new Set(['Iraq', 'Syria']));
    for (const x of regular) {
      expect(x.lon).toBeGreaterThan(35);
      expect(x.lon).toBeLessThan(49);
      expect(x.lat).toBeGreaterThan(29);
      expect(x.lat).toBeLessThan(38);
    }
    const distinct = new Set(regular.map((x) => `${x.lon},${x.lat}`)).size;
    expect(distinct).toBeLessThan(regular.length * 0.5);
    expect(distinct).toBeGreaterThan(300);
  });

  it('draws actors from a long tail: a few very frequent, most rare', () => {
    const uses = new Map<string, number>();
    for (const x of parsed.incidents) for (const a of x.actors) uses.set(a.name, (uses.get(a.name) ?? 0) + 1);
    const counts = [...uses.values()].sort((a, b) => b - a);
    expect(uses.size).toBeGreaterThan(800);
    expect(counts[0]).toBeGreaterThan(COUNT * 0.08);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(uses.size * 0.4);
  });

  it('uses every ACLED event type, every date precision, ranges and every location precision', () => {
    expect(new Set(parsed.incidents.map((x) => x.eventType).filter((t) => t !== null))).toEqual(
      new Set(EVENT_TYPES),
    );
    expect(new Set(parsed.incidents.map((x) => x.date.precision))).toEqual(
      new Set(['time', 'day', 'week', 'month']),
    );
    expect(parsed.incidents.some((x) => x.date.isInterval)).toBe(true);
    expect(parsed.incidents.some((x) => /^\d{4}-\d{2}$/.test(x.date.text))).toBe(true);
    expect(new Set(parsed.incidents.map((x) => x.locationPrecision))).toEqual(
      new Set(['exact', 'near', 'region']),
    );
    const years = new Set(parsed.incidents.map((x) => x.date.text.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
  });

  it('gives summaries of 300–600 characters and 1–3 sources with http(s) links', () => {
    const regular = parsed.incidents.slice(0, -1);
    for (const x of regular) {
      expect(x.summary.length).toBeGreaterThanOrEqual(250);
      expect(x.summary.length).toBeLessThanOrEqual(600);
      expect(x.sources.length).toBeGreaterThanOrEqual(1);
      expect(x.sources.length).toBeLessThanOrEqual(3);
      for (const s of x.sources) if (s.url !== null) expect(new URL(s.url).protocol).toBe('https:');
    }
    const median = regular.map((x) => x.summary.length).sort((a, b) => a - b)[regular.length >> 1] as number;
    expect(median).toBeGreaterThanOrEqual(300);
    expect(regular.some((x) => x.sources.length === 3)).toBe(true);
  });

  it('weighs about a kilobyte per incident', () => {
    const perIncident = Buffer.byteLength(geojson) / COUNT;
    expect(perIncident).toBeGreaterThan(700);
    expect(perIncident).toBeLessThan(1400);
  });
});

describe('generated ACLED CSV', () => {
  const csv = text({ count: COUNT, seed: 7, format: 'csv' });
  const result = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

  it('has ACLED’s 31 columns and one row per incident, with no parse error', () => {
    expect(result.errors).toEqual([]);
    expect(result.meta.fields).toEqual([...ACLED_COLUMNS]);
    expect(ACLED_COLUMNS).toHaveLength(31);
    expect(result.data).toHaveLength(COUNT);
  });

  it('holds the same incidents as the GeoJSON of the same seed', () => {
    const plain = [...generateIncidents({ count: COUNT, seed: 7 })];
    result.data.forEach((row, i) => {
      const g = plain[i] as GeneratedIncident;
      expect(row.event_id_cnty).toBe(g.id);
      expect(Number(row.latitude)).toBeCloseTo(g.lat, 4);
      expect(Number(row.longitude)).toBeCloseTo(g.lon, 4);
      expect(row.notes).toBe(g.summary);
      expect(row.actor1).toBe(g.actors[0]?.name);
    });
  });

  it('writes valid ACLED values: event types, dates, precisions, counts', () => {
    for (const row of result.data) {
      const type = row.event_type as keyof typeof ACLED_EVENT_TYPES;
      expect(EVENT_TYPES).toContain(type);
      expect(ACLED_EVENT_TYPES[type] as readonly string[]).toContain(row.sub_event_type);
      expect(parseIncidentDate(row.event_date ?? '', 'day').ok).toBe(true);
      expect(row.year).toBe(row.event_date?.slice(0, 4));
      expect(['1', '2', '3']).toContain(row.time_precision);
      expect(['1', '2', '3']).toContain(row.geo_precision);
      expect(['368', '760']).toContain(row.iso);
      expect(Number.isInteger(Number(row.fatalities))).toBe(true);
      expect(Number(row.timestamp)).toBeGreaterThan(1_400_000_000);
    }
  });
});

describe('writeDataset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'generate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams the same bytes to a file as the chunks hold', async () => {
    const path = join(dir, 'out.geojson');
    const bytes = await writeDataset(path, { count: COUNT, seed: 7, isolated: true, chunkBytes: 10_000 });
    const written = readFileSync(path, 'utf8');
    expect(written).toBe(geojson);
    expect(bytes).toBe(Buffer.byteLength(geojson));
  });
});
