/**
 * A load's preview points: the trail a DatasetBuilder leaves as incidents are added (only those that
 * load, in order, projected as the map projects them), handed out in pieces that never repeat a point.
 */
import { describe, expect, it } from 'vitest';
import { generateIncidents, toFeature } from '../../scripts/generate/incidents';
import { DatasetBuilder } from '../../src/domain/dataset';
import { FeatureReader } from '../../src/domain/import/geojson';
import { MAX_MERCATOR_LATITUDE, mercatorX, mercatorY } from '../../src/domain/mercator';
import { joinPoints, PointTrail } from '../../src/domain/point-trail';

describe('PointTrail', () => {
  it('hands out each point once, in order, as Web-Mercator fractions', () => {
    const trail = new PointTrail();
    expect(trail.take()).toBeNull();
    trail.add(-180, 0);
    trail.add(180, MAX_MERCATOR_LATITUDE);
    expect(trail.size).toBe(2);
    const corners = Array.from(trail.take() ?? []);
    expect(corners).toHaveLength(4);
    for (const [k, want] of [0, 0.5, 1, 0].entries()) expect(corners[k]).toBeCloseTo(want, 6);
    expect(trail.take()).toBeNull();
    trail.add(44.36, 33.31);
    const [x, y] = Array.from(trail.take() ?? []);
    expect(x).toBeCloseTo(mercatorX(44.36), 6);
    expect(y).toBeCloseTo(mercatorY(33.31), 6);
  });

  it('grows past its first capacity without losing a point', () => {
    const trail = new PointTrail();
    for (let i = 0; i < 5_000; i++) trail.add(-180 + (i % 360), 0);
    const xy = trail.take() as Float32Array;
    expect(xy.length).toBe(10_000);
    expect(xy[2 * 4_999]).toBeCloseTo(mercatorX(-180 + (4_999 % 360)), 6);
  });

  it('joins pieces in order into one array', () => {
    const joined = joinPoints([
      new Float32Array([1, 2]),
      new Float32Array([]),
      new Float32Array([3, 4, 5, 6]),
    ]);
    expect(Array.from(joined)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('a DatasetBuilder with a trail', () => {
  it('leaves the position of every incident that loads, in the order they load, and of no other', () => {
    const generated = [...generateIncidents({ count: 500, seed: 3 })];
    const features = generated.map((g) => toFeature(g) as { properties: Record<string, unknown> });
    const skipped = new Set([7, 250]);
    for (const k of skipped) (features[k] as { properties: Record<string, unknown> }).properties.title = '';
    const trail = new PointTrail();
    const reader = new FeatureReader({ file: 'trail.geojson' }, new DatasetBuilder(trail));
    const pieces: Float32Array[] = [];
    features.forEach((feature, k) => {
      reader.add(feature);
      if (k % 100 === 99) pieces.push(trail.take() as Float32Array);
    });
    const rest = trail.take();
    if (rest) pieces.push(rest);
    const result = reader.endDerived([]);
    const xy = joinPoints(pieces);
    const loaded = generated.filter((_, k) => !skipped.has(k));
    expect(result.derived.index.count).toBe(loaded.length);
    expect(xy.length).toBe(2 * loaded.length);
    loaded.forEach((g, i) => {
      expect(xy[2 * i]).toBeCloseTo(mercatorX(g.lon), 6);
      expect(xy[2 * i + 1]).toBeCloseTo(mercatorY(g.lat), 6);
    });
  });
});
