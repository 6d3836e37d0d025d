/**
 * Drawing the basemap's vectors for one frame: each kind's shapes in view traced into one path
 * (vector-shapes.ts), then filled or stroked in its style. No DOM and no Leaflet: the page draws with it
 * where it must (basemap-canvas.ts, without workers or OffscreenCanvas), and the basemap's drawing worker
 * (basemap-draw-worker.ts) everywhere else.
 */
import { type PathSink, traceShapes, type VectorShapes } from './vector-shapes';

/** How one kind of shape is drawn. Fill for rings, stroke for lines. */
export interface VectorStyle {
  readonly fill?: string; // colour of a ring's inside (even-odd rule)
  readonly stroke?: string; // colour of a line
  readonly weight?: number; // px, line width
  readonly dash?: readonly number[]; // px, dash and gap lengths
  readonly cap?: CanvasLineCap;
  readonly join?: CanvasLineJoin;
}

/** Where a drawing lies in the world and how big it is (canvas-frame.ts `CanvasFrame`, without Leaflet). */
export interface DrawFrame {
  /** World size in CSS px (256 · 2^zoom). */
  readonly scale: number;
  /** World pixel (CSS px, whole) of the drawing's top-left corner. */
  readonly left: number;
  readonly top: number;
  /** CSS px. */
  readonly width: number;
  readonly height: number;
  /** Device px per CSS px. */
  readonly ratio: number;
}

/** What a 2D context of a canvas or an OffscreenCanvas both offer, of what drawing needs. */
export type DrawContext = PathSink &
  Pick<
    CanvasRenderingContext2D,
    | 'setTransform'
    | 'clearRect'
    | 'beginPath'
    | 'fill'
    | 'stroke'
    | 'setLineDash'
    | 'fillStyle'
    | 'strokeStyle'
    | 'lineWidth'
    | 'lineCap'
    | 'lineJoin'
  >;

/** Simplification tolerance, CSS px (Leaflet's smoothFactor). */
const TOLERANCE = 1;

/** The device size of a drawing of `frame`: what its canvas must measure. */
export function deviceSize(frame: DrawFrame): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(frame.width * frame.ratio)),
    height: Math.max(1, Math.round(frame.height * frame.ratio)),
  };
}

/**
 * Draws `frame` into `context` (its canvas already the frame's device size): every kind of `styles`, in
 * its order, that has shapes. Returns the number of vertices traced.
 */
export function drawBasemap<Kind extends string>(
  context: DrawContext,
  frame: DrawFrame,
  styles: Readonly<Record<Kind, VectorStyle>>,
  shapes: ReadonlyMap<Kind, VectorShapes>,
): number {
  const device = deviceSize(frame);
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, device.width, device.height);
  context.setTransform(frame.ratio, 0, 0, frame.ratio, 0, 0);
  let traced = 0;
  for (const kind of Object.keys(styles) as Kind[]) {
    const kindShapes = shapes.get(kind);
    const style = styles[kind];
    if (kindShapes === undefined) continue;
    const area = {
      scale: frame.scale,
      left: frame.left,
      top: frame.top,
      width: frame.width,
      height: frame.height,
      margin: Math.ceil((style.weight ?? 0) / 2) + 1,
      tolerance: TOLERANCE,
    };
    context.beginPath();
    const count = traceShapes(kindShapes, area, context);
    traced += count;
    if (count === 0) continue;
    if (style.fill !== undefined) {
      context.fillStyle = style.fill;
      context.fill('evenodd');
    }
    if (style.stroke !== undefined) {
      context.setLineDash(style.dash ?? []);
      context.lineWidth = style.weight ?? 1;
      context.strokeStyle = style.stroke;
      context.lineCap = style.cap ?? 'round';
      context.lineJoin = style.join ?? 'round';
      context.stroke();
    }
  }
  return traced;
}
