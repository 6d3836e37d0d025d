/**
 * Greedy label placement: keeps the labels, in priority order, whose boxes do not overlap a label already
 * kept. Pure screen-space geometry (pixels), no Leaflet, so it is cheap to test and to run on every zoom.
 */

export interface LabelBox {
  /** Left, top, width and height in screen pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Higher wins when two labels collide. */
  readonly priority: number;
}

/** Returns one flag per box: true when the label is shown. `margin` is extra space kept around each, in px. */
export function placeLabels(boxes: readonly LabelBox[], margin = 2): boolean[] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[b]?.priority ?? 0) - (boxes[a]?.priority ?? 0));
  const kept: LabelBox[] = [];
  const visible = boxes.map(() => false);
  for (const i of order) {
    const box = boxes[i] as LabelBox;
    const collides = kept.some(
      (k) =>
        box.x < k.x + k.width + margin &&
        k.x < box.x + box.width + margin &&
        box.y < k.y + k.height + margin &&
        k.y < box.y + box.height + margin,
    );
    if (!collides) {
      kept.push(box);
      visible[i] = true;
    }
  }
  return visible;
}

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
