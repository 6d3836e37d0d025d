/**
 * Points for the canvas benches (bench/point-raster.bench.ts, tests/map/density-grid.bench.ts): `count`
 * incidents scattered around 30 centres in a box of the Middle East ([lon, lat] 34..60, 12..40), as the
 * canvas's columns, with a random dot style each. The same for every run (seeded).
 */
import { DOT_STYLES, mercatorX, mercatorY, type PointColumns } from '../src/map/point-raster';
import { seededRandom } from '../tests/support/random';

export function clusteredPoints(count: number): PointColumns {
  const random = seededRandom(42);
  const centres = Array.from({ length: 30 }, () => [34 + random() * 26, 12 + random() * 28] as const);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const style = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const [lon, lat] = centres[Math.floor(random() * centres.length)] as readonly [number, number];
    const r = Math.sqrt(-2 * Math.log(1 - random())) * 0.6;
    const a = 2 * Math.PI * random();
    x[i] = mercatorX(lon + r * Math.cos(a));
    y[i] = mercatorY(lat + r * Math.sin(a));
    style[i] = Math.floor(random() * DOT_STYLES.length);
  }
  return { x, y, style };
}
