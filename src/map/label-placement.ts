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

/**
 * Returns one flag per box: true when the label is shown. `margin` is extra space kept around each, in px.
 * `obstacles` are areas no label may cover (e.g. incident markers); they are never drawn and always win.
 */
export function placeLabels(
  boxes: readonly LabelBox[],
  margin = 2,
  obstacles: readonly Omit<LabelBox, 'priority'>[] = [],
): boolean[] {
  return placeLabelCandidates(
    boxes.map((box) => [box]),
    margin,
    obstacles,
  ).map((chosen) => chosen === 0);
}

/**
 * Like `placeLabels`, for labels that may sit in one of several positions (each label's candidate boxes,
 * best first, all with the label's priority on the first). Labels are served by priority; each takes its
 * first candidate that collides with no kept label and no obstacle. Returns, per label, the index of the
 * candidate used, or -1 when none fits.
 */
export function placeLabelCandidates(
  labels: readonly (readonly LabelBox[])[],
  margin = 2,
  obstacles: readonly Omit<LabelBox, 'priority'>[] = [],
): number[] {
  const priority = (i: number) => labels[i]?.[0]?.priority ?? 0;
  const order = labels.map((_, i) => i).sort((a, b) => priority(b) - priority(a));
  const kept = new BoxBuckets();
  const blocked = new BoxBuckets();
  for (const o of obstacles) blocked.add(o);
  const chosen = labels.map(() => -1);
  for (const i of order) {
    const candidates = labels[i] ?? [];
    const fit = candidates.findIndex((box) => !kept.hits(box, margin) && !blocked.hits(box, 0));
    if (fit < 0) continue;
    kept.add(candidates[fit] as LabelBox);
    chosen[i] = fit;
  }
  return chosen;
}

type Rect = Omit<LabelBox, 'priority'>;
/**
 * Boxes filed by the square buckets of `BUCKET` px they touch, so a collision test looks at the few boxes
 * near the one tested instead of at every box kept (hundreds of names and incident markers per layout).
 */
class BoxBuckets {
  private readonly buckets = new Map<number, Rect[]>();

  add(box: Rect): void {
    const x1 = bucketOf(box.x + box.width);
    const y1 = bucketOf(box.y + box.height);
    for (let y = bucketOf(box.y); y <= y1; y++) {
      for (let x = bucketOf(box.x); x <= x1; x++) {
        const key = y * BUCKET_ROW + x;
        const bucket = this.buckets.get(key);
        if (bucket === undefined) this.buckets.set(key, [box]);
        else bucket.push(box);
      }
    }
  }

  /** True when `box` comes closer than `gap` px to a box filed here. */
  hits(box: Rect, gap: number): boolean {
    const x1 = bucketOf(box.x + box.width + gap);
    const y1 = bucketOf(box.y + box.height + gap);
    for (let y = bucketOf(box.y - gap); y <= y1; y++) {
      for (let x = bucketOf(box.x - gap); x <= x1; x++) {
        const bucket = this.buckets.get(y * BUCKET_ROW + x);
        if (bucket === undefined) continue;
        for (let k = 0; k < bucket.length; k++) if (overlaps(box, bucket[k] as Rect, gap)) return true;
      }
    }
    return false;
  }
}

/** The bucket (column or row) of a screen coordinate, clamped so a box far off screen files under a few. */
function bucketOf(v: number): number {
  return Math.max(-BUCKET_SPAN, Math.min(BUCKET_SPAN, Math.floor(v / BUCKET)));
}

const BUCKET = 64; // px, side of a bucket
const BUCKET_SPAN = 256; // buckets each side of the origin before clamping (±16k px)
const BUCKET_ROW = 4 * BUCKET_SPAN; // key stride of a row: more than the 2 · BUCKET_SPAN + 1 columns

/** True when `a` and `b` come closer than `gap` px. */
function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
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
