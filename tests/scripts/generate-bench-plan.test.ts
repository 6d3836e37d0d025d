/**
 * The browser benchmark's datasets and statistics (bench/browser/): the filter plan's expected counts are
 * what the app's own filter finds in the generated file, the peer pages date incidents as the app does,
 * and percentiles are right.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDataset } from '../../bench/browser/dataset';
import { dayRange } from '../../bench/browser/peers/day-range';
import { markdownTable, percentile, row } from '../../bench/browser/stats';
import { buildIndex, filterIncidents, NO_FILTER } from '../../src/domain/filter';
import { parseIncidents } from '../../src/domain/parse';

const dir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the benchmark dataset and its filter plan', async () => {
  const plan = await prepareDataset(dir, 2000, 5);
  const json = JSON.parse(readFileSync(join(dir, plan.file), 'utf8')) as {
    features: { properties: { date: string; datePrecision: string } }[];
  };
  const { incidents, issues } = parseIncidents(json);
  const index = buildIndex(incidents);

  it('loads without issues', () => {
    expect(issues).toEqual([]);
    expect(incidents).toHaveLength(2000);
  });

  it('expects, at every step, the count the app’s filter gives', () => {
    expect(plan.steps).toHaveLength(54);
    for (const step of plan.steps) {
      const shown = filterIncidents(index, { ...NO_FILTER, from: step.from, actors: step.actors });
      expect(shown.length, `${step.fromIso} ${step.actors.join(' + ')}`).toBe(step.count);
    }
    const counts = plan.steps.slice(0, 50).map((s) => s.count);
    expect(counts[0]).toBeGreaterThan(counts[49] as number);
    expect(new Set(counts).size).toBeGreaterThan(40);
  });

  it('reuses the file when it is already there', async () => {
    expect(await prepareDataset(dir, 2000, 5)).toEqual(plan);
  });

  it('dates incidents in the peer pages as the app does', () => {
    json.features.forEach((f, i) => {
      const { firstDay, lastDay } = (incidents[i] as (typeof incidents)[number]).date;
      expect(dayRange(f.properties.date, f.properties.datePrecision)).toEqual([firstDay, lastDay]);
    });
  });
});

describe('statistics', () => {
  it('interpolates percentiles between ranks', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 95)).toBeCloseTo(10.5);
  });

  it('prints ratios peer / ours and marks what did not finish', () => {
    const table = markdownTable([
      row('incident-atlas', 1000, 'load', [100, 200, 300]),
      row('markercluster', 1000, 'load', [400]),
      row('leaflet-canvas', 1000, 'load', []),
    ]);
    expect(table).toContain(
      '| 1,000 | load | 200 ms / 290 ms | 400 ms / 400 ms | did not finish | 2.00× | — |',
    );
  });
});
