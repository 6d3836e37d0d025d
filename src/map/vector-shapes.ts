/**
 * Basemap vector geometry (coasts, borders, rivers, land and lake polygons) prepared once, so that a
 * redraw is one pass over the vertices of the shapes in view, with no projection, clipping or
 * simplification run again. Pure: no DOM, no Leaflet, so it runs (and is tested) in Node.
 *
 * Layout: the vertices of all shapes, shape after shape, in flat typed arrays of Web-Mercator x and y
 * (0..1, as `mercatorX`/`mercatorY`); `start[s]` .. `start[s + 1]` are the vertices of shape s, whose
 * bounding box is `minX[s]` … `maxY[s]`. Each vertex carries `keep`: the largest Douglas–Peucker tolerance
 * (Mercator units) at which simplification keeps it (a shape's two ends: +Infinity). Tolerances are made
 * monotonic (a vertex never outlives the split that made it), so "keep > tolerance" at any zoom gives
 * exactly what Douglas–Peucker gives at that tolerance — the same simplification as Leaflet's paths
 * (`smoothFactor` 1: one pixel), computed once instead of on every pan and zoom.
 */
import { mercatorX, mercatorY } from './point-raster';

/** Shapes of one kind (rings or lines), ready to trace. See the module comment for the layout. */
export interface VectorShapes {
  /** Rings: each shape is a closed ring to fill; lines: open polylines to stroke. */
  readonly closed: boolean;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly keep: Float64Array;
  /** `shapes + 1` offsets into the vertex arrays. */
  readonly start: Uint32Array;
  readonly minX: Float64Array;
  readonly minY: Float64Array;
  readonly maxX: Float64Array;
  readonly maxY: Float64Array;
}

/**
 * Prepares `lines` (each a list of [lon, lat] in degrees, GeoJSON order) as rings (`closed`) or open
 * lines. Shapes of fewer than two vertices are dropped. Throws on a vertex that is not two finite numbers.
 */
export function prepareShapes(
  lines: readonly (readonly (readonly number[])[])[],
  closed: boolean,
): VectorShapes {
  const used = lines.filter((line) => line.length >= 2);
  let n = 0;
  for (const line of used) n += line.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const keep = new Float64Array(n);
  const start = new Uint32Array(used.length + 1);
  const box = [0, 1, 2, 3].map(() => new Float64Array(used.length)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const [minX, minY, maxX, maxY] = box;
  const stack: number[] = [];
  let v = 0;
  used.forEach((line, s) => {
    start[s] = v;
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (const [lon, lat] of line) {
      if (!(Number.isFinite(lon) && Number.isFinite(lat)))
        throw new Error(
          `Basemap shape ${s} has a vertex that is not [lon, lat]: ${JSON.stringify([lon, lat])}`,
        );
      const px = mercatorX(lon as number);
      const py = mercatorY(lat as number);
      x[v] = px;
      y[v] = py;
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
      v++;
    }
    minX[s] = x0;
    minY[s] = y0;
    maxX[s] = x1;
    maxY[s] = y1;
    rankVertices(x, y, keep, start[s] as number, v - 1, stack);
  });
  start[used.length] = v;
  return { closed, x, y, keep, start, minX, minY, maxX, maxY };
}

/**
 * Douglas–Peucker over the vertices `first` .. `last`, recording in `keep` the tolerance up to which each
 * is kept: its distance from the segment of the split it made, capped by the split that contains it.
 */
function rankVertices(
  x: Float64Array,
  y: Float64Array,
  keep: Float64Array,
  first: number,
  last: number,
  stack: number[],
): void {
  keep[first] = Number.POSITIVE_INFINITY;
  keep[last] = Number.POSITIVE_INFINITY;
  stack.length = 0;
  // Triples: the ends of a span, and the tolerance of the split that made it.
  stack.push(first, last, Number.POSITIVE_INFINITY);
  while (stack.length > 0) {
    const cap = stack.pop() as number;
    const b = stack.pop() as number;
    const a = stack.pop() as number;
    if (b - a < 2) continue;
    let far = -1;
    let farthest = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistanceSquared(x, y, i, a, b);
      if (d > farthest) {
        farthest = d;
        far = i;
      }
    }
    const tolerance = Math.min(Math.sqrt(farthest), cap);
    keep[far] = tolerance;
    stack.push(a, far, tolerance, far, b, tolerance);
  }
}

/** Squared distance from vertex p to the segment from vertex a to vertex b. */
function segmentDistanceSquared(x: Float64Array, y: Float64Array, p: number, a: number, b: number): number {
  const ax = x[a] as number;
  const ay = y[a] as number;
  let dx = (x[b] as number) - ax;
  let dy = (y[b] as number) - ay;
  const px = x[p] as number;
  const py = y[p] as number;
  const length = dx * dx + dy * dy;
  let t = length > 0 ? ((px - ax) * dx + (py - ay) * dy) / length : 0;
  t = Math.max(0, Math.min(1, t));
  dx = ax + t * dx - px;
  dy = ay + t * dy - py;
  return dx * dx + dy * dy;
}

/** Where to trace: the area of a canvas in the world, in CSS px at one zoom. */
export interface TraceArea {
  /** World size in CSS px (Leaflet's `crs.scale(zoom)`, 256 · 2^zoom). */
  readonly scale: number;
  /** World pixel of the area's top-left corner (whole px). */
  readonly left: number;
  readonly top: number;
  /** Size of the area, CSS px. */
  readonly width: number;
  readonly height: number;
  /** px beyond each edge still traced in full (half a line's width, at least). */
  readonly margin: number;
  /** Simplification tolerance, CSS px (Leaflet's `smoothFactor`). */
  readonly tolerance: number;
}

/** What tracing draws into: a `CanvasRenderingContext2D` or a `Path2D`. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

// Outcodes: on which sides of the traced area (margin included) a vertex lies.
const LEFT = 1;
const RIGHT = 2;
const ABOVE = 4;
const BELOW = 8;

/**
 * Traces the shapes that reach `area` into `sink`, in px from the area's top-left corner, rounded to whole
 * px as Leaflet's renderers do. Vertices are simplified to `area.tolerance`, and a run of vertices that all
 * lie beyond the same edge of the area is cut to its two ends: the straight segment that replaces it stays
 * beyond that edge, so a stroke looks the same in the area and a ring's fill (even-odd or non-zero) covers
 * the same points of it. Returns how many vertices were traced.
 */
export function traceShapes(shapes: VectorShapes, area: TraceArea, sink: PathSink): number {
  const { scale, left, top, width, height, margin } = area;
  const { x, y, keep, start, closed } = shapes;
  const tolerance = area.tolerance / scale; // Mercator units
  // The area with its margin, in Mercator units, for the shape boxes.
  const x0 = (left - margin) / scale;
  const y0 = (top - margin) / scale;
  const x1 = (left + width + margin) / scale;
  const y1 = (top + height + margin) / scale;
  const shapeCount = start.length - 1;
  let traced = 0;
  for (let s = 0; s < shapeCount; s++) {
    if (
      (shapes.maxX[s] as number) < x0 ||
      (shapes.minX[s] as number) > x1 ||
      (shapes.maxY[s] as number) < y0 ||
      (shapes.minY[s] as number) > y1
    )
      continue;
    const end = start[s + 1] as number;
    let emitted = 0;
    let run = 0; // the sides shared by every vertex since the last one traced (0: not in a run)
    let heldX = 0; // the last vertex of the run, not traced yet
    let heldY = 0;
    let held = false;
    let lastX = Number.NaN;
    let lastY = Number.NaN;
    for (let i = start[s] as number; i < end; i++) {
      if (!((keep[i] as number) > tolerance)) continue;
      const px = Math.round((x[i] as number) * scale) - left;
      const py = Math.round((y[i] as number) * scale) - top;
      if (px === lastX && py === lastY) continue;
      lastX = px;
      lastY = py;
      const code =
        (px < -margin ? LEFT : px > width + margin ? RIGHT : 0) |
        (py < -margin ? ABOVE : py > height + margin ? BELOW : 0);
      if (emitted > 0 && (run & code) !== 0) {
        run &= code;
        heldX = px;
        heldY = py;
        held = true;
        continue;
      }
      if (held) {
        sink.lineTo(heldX, heldY);
        emitted++;
        held = false;
      }
      if (emitted === 0) sink.moveTo(px, py);
      else sink.lineTo(px, py);
      emitted++;
      run = code;
    }
    if (held) {
      sink.lineTo(heldX, heldY);
      emitted++;
    }
    if (closed && emitted > 0) sink.closePath();
    traced += emitted;
  }
  return traced;
}
