/**
 * Where a canvas layer of ours (the basemap's vectors, the incident points) sits for the current view, and
 * how its last drawing follows a zoom animation. Such a canvas covers the map plus `padding` of its size
 * beyond each edge, so a short pan shows what was drawn before the redraw on moveend; during a zoom
 * animation the last drawing is scaled with a CSS transform, as Leaflet's own renderers do.
 */
import L from 'leaflet';
import { deviceSize } from './basemap-draw';

/** Where a drawing sits: what redraws, hit-testing and the zoom animation need. */
export interface CanvasFrame {
  readonly zoom: number;
  /** World size in CSS px at `zoom` (256 · 2^zoom). */
  readonly scale: number;
  /** Layer point of the canvas's top-left corner. */
  readonly min: L.Point;
  /** World pixel (CSS px, whole) of the canvas's top-left corner. */
  readonly left: number;
  readonly top: number;
  /** Size of the canvas, CSS px. */
  readonly width: number;
  readonly height: number;
  /** Device px per CSS px. */
  readonly ratio: number;
  /** CSS px drawn beyond each edge of the map (x: left and right, y: top and bottom). */
  readonly pad: L.Point;
  /** Identifies the frame: two views with the same key draw the same pixels. */
  readonly key: string;
}

/**
 * The frame of a canvas `padding` (a share of the map's width and height) larger than `map` on each side,
 * at the screen's pixel ratio lowered so the canvas holds at most `maxPixels` device px.
 */
export function canvasFrame(map: L.Map, padding: number, maxPixels: number): CanvasFrame {
  const size = map.getSize();
  const pad = size.multiplyBy(padding).round();
  const width = size.x + 2 * pad.x;
  const height = size.y + 2 * pad.y;
  const min = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
  const origin = map.getPixelOrigin();
  const zoom = map.getZoom();
  const scale = map.options.crs?.scale(zoom) ?? 256 * 2 ** zoom;
  const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(maxPixels / Math.max(1, width * height)));
  const left = origin.x + min.x;
  const top = origin.y + min.y;
  const key = [zoom, left, top, min.x, min.y, width, height, ratio].join(' ');
  return { zoom, scale, min, left, top, width, height, ratio, pad, key };
}

/**
 * Whether a drawing at `frame` still serves a view whose fresh frame would be `next`: same zoom, size,
 * pixel ratio and pixel origin, and the view lies inside the drawing with at least `keep` (a share) of the
 * padding left beyond each edge. A pan that stays that far inside then needs no redraw, and the next drag
 * still finds drawn content beyond the map's edges.
 */
export function frameCovers(frame: CanvasFrame, next: CanvasFrame, keep: number): boolean {
  if (
    frame.zoom !== next.zoom ||
    frame.width !== next.width ||
    frame.height !== next.height ||
    frame.ratio !== next.ratio ||
    frame.left - frame.min.x !== next.left - next.min.x ||
    frame.top - frame.min.y !== next.top - next.min.y
  )
    return false;
  // A fresh frame is centred on the map: the view is `pad` inside it.
  const slack = next.pad.multiplyBy(1 - keep);
  return Math.abs(next.left - frame.left) <= slack.x && Math.abs(next.top - frame.top) <= slack.y;
}

/**
 * Gives `canvas` the device size of `frame` (which clears it) unless it has it already, and puts it at
 * the frame's corner (which also drops a zoom animation's scale). Returns the device width and height.
 */
export function placeCanvas(
  canvas: HTMLCanvasElement,
  frame: CanvasFrame,
): { width: number; height: number } {
  const { width, height } = deviceSize(frame);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = `${frame.width}px`;
    canvas.style.height = `${frame.height}px`;
  }
  L.DomUtil.setPosition(canvas, frame.min);
  return { width, height };
}

/** Scales and shifts the drawing of `frame` to where it belongs at (center, zoom), as Leaflet's renderers do. */
export function transformCanvas(
  map: L.Map,
  canvas: HTMLCanvasElement,
  frame: CanvasFrame,
  center: L.LatLng,
  zoom: number,
): void {
  const scale = map.getZoomScale(zoom, frame.zoom);
  // The pixel origin Leaflet will use at (center, zoom): the map pane keeps its offset.
  const panePosition = L.DomUtil.getPosition(map.getPane('mapPane') as HTMLElement);
  const origin = map.project(center, zoom).subtract(map.getSize().divideBy(2)).add(panePosition).round();
  L.DomUtil.setTransform(canvas, L.point(frame.left * scale, frame.top * scale).subtract(origin), scale);
}
