import { describe, expect, it } from 'vitest';
import { mercatorX, mercatorY } from '../../src/map/point-raster';
import { type PathSink, prepareShapes, type TraceArea, traceShapes } from '../../src/map/vector-shapes';
import { seededRandom } from '../support/random';

/** A sink that records subpaths of [x, y] points, and whether each was closed. */
function recorder() {
  const paths: { points: [number, number][]; closed: boolean }[] = [];
  const sink: PathSink = {
    moveTo: (x, y) => paths.push({ points: [[x, y]], closed: false }),
    lineTo: (x, y) => paths.at(-1)?.points.push([x, y]),
    closePath: () => {
      const last = paths.at(-1);
      if (last) last.closed = true;
    },
  };
  return { paths, sink };
}

/** Douglas–Peucker as Leaflet runs it: keep the farthest vertex while it is more than `tolerance` away. */
function douglasPeucker(points: readonly [number, number][], tolerance: number): number[] {
  const keep = new Set([0, points.length - 1]);
  const split = (a: number, b: number) => {
    let far = -1;
    let farthest = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(
        points[i] as [number, number],
        points[a] as [number, number],
        points[b] as [number, number],
      );
      if (d > farthest) [far, farthest] = [i, d];
    }
    if (far < 0 || farthest <= tolerance) return;
    keep.add(far);
    split(a, far);
    split(far, b);
  };
  split(0, points.length - 1);
  return [...keep].sort((a, b) => a - b);
}

function segmentDistance([px, py]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]) {
  const [dx, dy] = [bx - ax, by - ay];
  const length = dx * dx + dy * dy;
  const t = length > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

/** A random walk of `n` [lon, lat] vertices around (44, 33). */
function walk(n: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  let [lon, lat] = [44, 33];
  return Array.from({ length: n }, () => {
    lon += (random() - 0.5) * 0.2;
    lat += (random() - 0.5) * 0.2;
    return [lon, lat];
  });
}

const ZOOM8: Omit<TraceArea, 'left' | 'top' | 'width' | 'height'> = {
  scale: 256 * 2 ** 8,
  margin: 0,
  tolerance: 1,
};
/** An area of the world at zoom 8 so large that nothing is cut, its corner at world px (0, 0). */
const EVERYWHERE: TraceArea = { ...ZOOM8, left: 0, top: 0, width: 65_536, height: 65_536 };

describe('prepareShapes', () => {
  it('projects to Web Mercator and keeps each shape’s box', () => {
    const shapes = prepareShapes(
      [
        [
          [0, 0],
          [10, 20],
        ],
        [[5, 5]], // too short: dropped
        [
          [-10, -5],
          [40, 30],
          [20, 10],
        ],
      ],
      false,
    );
    expect([...shapes.start]).toEqual([0, 2, 5]);
    expect(shapes.x[1]).toBe(mercatorX(10));
    expect(shapes.y[1]).toBe(mercatorY(20));
    expect([shapes.minX[1], shapes.maxX[1]]).toEqual([mercatorX(-10), mercatorX(40)]);
    expect([shapes.minY[1], shapes.maxY[1]]).toEqual([mercatorY(30), mercatorY(-5)]); // y grows southwards
    expect([shapes.keep[0], shapes.keep[1], shapes.keep[4]]).toEqual([Infinity, Infinity, Infinity]);
  });

  it('ranks vertices so that any tolerance keeps what Douglas–Peucker keeps at it', () => {
    for (const seed of [1, 2, 3]) {
      const line = walk(400, seed);
      const shapes = prepareShapes([line], false);
      const projected = line.map(([lon, lat]): [number, number] => [mercatorX(lon), mercatorY(lat)]);
      for (const tolerance of [1e-6, 1e-5, 1e-4, 1e-3]) {
        const kept = [...shapes.keep.keys()].filter((i) => (shapes.keep[i] as number) > tolerance);
        expect(kept).toEqual(douglasPeucker(projected, tolerance));
      }
    }
  });

  it('refuses a vertex that is not two numbers, naming the shape', () => {
    expect(() =>
      prepareShapes(
        [
          [
            [1, 2],
            [Number.NaN, 3],
          ],
        ],
        false,
      ),
    ).toThrow('Basemap shape 0 has a vertex');
  });
});

describe('traceShapes', () => {
  it('traces whole px from the area’s corner, simplified to one pixel, closing rings', () => {
    const ring = prepareShapes(
      [
        [
          [44, 33],
          [45, 33],
          [45.000001, 33.5], // within a pixel of the edge at zoom 8: simplified away
          [45, 34],
          [44, 34],
          [44, 33],
        ],
      ],
      true,
    );
    const { paths, sink } = recorder();
    const area = { ...EVERYWHERE, left: 40_000, top: 25_000 };
    expect(traceShapes(ring, area, sink)).toBe(5);
    expect(paths).toHaveLength(1);
    expect(paths[0]?.closed).toBe(true);
    const [x0, y0] = [
      Math.round(mercatorX(44) * area.scale) - 40_000,
      Math.round(mercatorY(33) * area.scale) - 25_000,
    ];
    expect(paths[0]?.points[0]).toEqual([x0, y0]);
    expect(paths[0]?.points.every(([x, y]) => Number.isInteger(x) && Number.isInteger(y))).toBe(true);
  });

  it('skips shapes whose box misses the area, and leaves lines open', () => {
    const lines = prepareShapes(
      [walk(50, 4), walk(50, 5).map(([lon, lat]): [number, number] => [lon + 90, lat])],
      false,
    );
    const { paths, sink } = recorder();
    const x = mercatorX(44) * EVERYWHERE.scale;
    const y = mercatorY(33) * EVERYWHERE.scale;
    traceShapes(lines, { ...EVERYWHERE, left: x - 2000, top: y - 2000, width: 4000, height: 4000 }, sink);
    expect(paths).toHaveLength(1);
    expect(paths[0]?.closed).toBe(false);
  });

  it('cuts a run beyond one edge to its ends, and the ring then covers the same points of the area', () => {
    for (const seed of [6, 7, 8]) {
      const line = walk(600, seed);
      const ring = prepareShapes([[...line, line[0] as [number, number]]], true);
      const full = recorder();
      traceShapes(ring, EVERYWHERE, full.sink);
      // A small area in the middle of the walk, so most of the ring lies beyond its edges.
      const cx = Math.round(mercatorX(44) * EVERYWHERE.scale);
      const cy = Math.round(mercatorY(33) * EVERYWHERE.scale);
      const area = { ...EVERYWHERE, left: cx - 150, top: cy - 100, width: 300, height: 200 };
      const cut = recorder();
      const traced = traceShapes(ring, area, cut.sink);
      expect(traced).toBeLessThan(full.paths[0]?.points.length ?? 0);
      const inFull = (x: number, y: number) =>
        evenOdd(full.paths[0]?.points ?? [], x + area.left, y + area.top);
      const inCut = (x: number, y: number) => evenOdd(cut.paths[0]?.points ?? [], x, y);
      for (let y = 0.5; y < 200; y += 7)
        for (let x = 0.5; x < 300; x += 7) expect(inCut(x, y)).toBe(inFull(x, y));
    }
  });
});

/** Whether (x, y) is inside the closed polygon `points` by the even-odd rule. */
function evenOdd(points: readonly [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] as [number, number];
    const [xj, yj] = points[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
