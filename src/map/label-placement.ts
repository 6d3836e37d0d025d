/**
 * Where a polygon's name goes. (Which names show, and where around their points, is label-layout.ts.)
 */

/**
 * A point inside a polygon's largest ring for its label: the area centroid of the ring with the largest
 * area (shoelace formula, in lon/lat degrees, which is adequate at label precision).
 * `rings` are GeoJSON outer rings `[[lon, lat], …]`.
 */
export function labelPoint(rings: readonly (readonly (readonly number[])[])[]): [number, number] | null {
  let best: [number, number] | null = null;
  let bestArea = 0;
  for (const ring of rings) {
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0 = 0, y0 = 0] = ring[j] ?? [];
      const [x1 = 0, y1 = 0] = ring[i] ?? [];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(area) > bestArea && area !== 0) {
      bestArea = Math.abs(area);
      best = [cx / (3 * area), cy / (3 * area)];
    }
  }
  return best;
}
