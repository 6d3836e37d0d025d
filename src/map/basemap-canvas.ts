/**
 * The basemap's vectors — land, lakes, rivers, coasts, borders — on one canvas of our own in the overlay
 * pane, under everything else there. Each kind is a `VectorShapes` (vector-shapes.ts) prepared once, and
 * a redraw (on moveend and viewreset) traces the shapes in view into one path per kind: no Leaflet layer
 * per shape, no projection, clipping or simplification per pan. A pan that leaves the map well inside the
 * drawing (a quarter of the padding, or more, beyond each edge) does not redraw at all: it shows what is
 * drawn. Leaflet's canvas renderer,
 * which this replaces, re-projected every vertex on each zoom and re-clipped and re-simplified every path
 * on each pan (~5 ms a pan and ~15–35 ms a zoom with the 1:50m world).
 *
 * The canvas ignores the pointer (nothing on it is interactive) and is aria-hidden. It looks as Leaflet's
 * paths did: the same styles, vertices rounded to whole CSS px, simplified to one pixel, drawn at the
 * screen's pixel ratio.
 */
import L from 'leaflet';
import { type CanvasFrame, canvasFrame, frameCovers, placeCanvas, transformCanvas } from './canvas-frame';
import { traceShapes, type VectorShapes } from './vector-shapes';

/** How one kind of shape is drawn. Fill for rings, stroke for lines. */
export interface VectorStyle {
  readonly fill?: string; // colour of a ring's inside (even-odd rule)
  readonly stroke?: string; // colour of a line
  readonly weight?: number; // px, line width
  readonly dash?: readonly number[]; // px, dash and gap lengths
  readonly cap?: CanvasLineCap;
  readonly join?: CanvasLineJoin;
}

const DEFAULTS = {
  padding: 0.5, // of the map's width and height, drawn beyond each edge (as Leaflet's canvas renderer)
  // Of the padding, left beyond each edge after a pan that does not redraw: an eighth of the map's size,
  // more than Leaflet's renderers keep by default (0.1), so the next drag still finds drawn land.
  keep: 0.25,
  maxPixels: 16_777_216, // device px in the canvas; past it the pixel ratio is lowered
  tolerance: 1, // px, simplification (Leaflet's smoothFactor)
  drawMeasure: 'basemap:draw', // User Timing name of the last redraw (detail: vertices traced, zoom)
};

/** The layers of the canvas, drawn in the order of `styles`; `set` gives a kind its shapes. */
export class BasemapCanvas<Kind extends string> extends L.Layer {
  private map: L.Map | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private context: CanvasRenderingContext2D | null = null;
  private frame: CanvasFrame | null = null;
  private readonly shapes = new Map<Kind, VectorShapes>();

  constructor(private readonly styles: Readonly<Record<Kind, VectorStyle>>) {
    super();
  }

  /** Draws `shapes` as `kind` (replacing what that kind had). */
  set(kind: Kind, shapes: VectorShapes): void {
    this.setAll([[kind, shapes]]);
  }

  /** Sets the shapes of several kinds with one redraw. */
  setAll(entries: readonly (readonly [Kind, VectorShapes])[]): void {
    for (const [kind] of entries)
      if (!(kind in this.styles)) throw new Error(`No basemap style for "${kind}"`);
    for (const [kind, shapes] of entries) this.shapes.set(kind, shapes);
    this.redraw(true);
  }

  override onAdd(map: L.Map): this {
    if (map.options.crs !== L.CRS.EPSG3857)
      throw new Error(
        `BasemapCanvas projects with Web Mercator; the map uses ${String(map.options.crs?.code)}`,
      );
    this.map = map;
    if (this.canvas === null) {
      this.canvas = L.DomUtil.create('canvas', 'basemap-vectors leaflet-zoom-animated');
      this.canvas.setAttribute('aria-hidden', 'true');
      this.canvas.style.pointerEvents = 'none';
      this.context = this.canvas.getContext('2d');
      if (this.context === null) throw new Error('BasemapCanvas: this browser gives no 2D canvas context');
    }
    // First in the pane: under the other overlays (the uncertainty areas, the relations).
    map.getPane('overlayPane')?.prepend(this.canvas);
    this.redraw(true);
    return this;
  }

  override onRemove(): this {
    if (this.canvas) L.DomUtil.remove(this.canvas);
    this.frame = null;
    this.map = null;
    return this;
  }

  /** Attached by Leaflet on add and detached on remove. moveend also follows every zoom and resize. */
  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return {
      moveend: this.handleViewChange,
      viewreset: this.handleViewChange,
      zoom: this.handleZoom,
      zoomanim: this.handleZoomAnim,
    };
  }

  /** Draws the current view; unless `force`, skips a view identical to the last one drawn. */
  private redraw(force: boolean): void {
    const { map, canvas, context } = this;
    if (map === null || canvas === null || context === null) return;
    const started = performance.now();
    const frame = canvasFrame(map, DEFAULTS.padding, DEFAULTS.maxPixels);
    // A pan that stays well inside the drawing needs none: what it shows is drawn already.
    if (!force && this.frame !== null && frameCovers(this.frame, frame, DEFAULTS.keep)) return;
    let traced = 0;
    this.frame = frame;
    const device = placeCanvas(canvas, frame);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, device.width, device.height);
    context.setTransform(frame.ratio, 0, 0, frame.ratio, 0, 0);
    for (const kind of Object.keys(this.styles) as Kind[]) {
      const shapes = this.shapes.get(kind);
      const style = this.styles[kind];
      if (shapes === undefined) continue;
      const area = {
        scale: frame.scale,
        left: frame.left,
        top: frame.top,
        width: frame.width,
        height: frame.height,
        margin: Math.ceil((style.weight ?? 0) / 2) + 1,
        tolerance: DEFAULTS.tolerance,
      };
      context.beginPath();
      const count = traceShapes(shapes, area, context);
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
    performance.clearMeasures(DEFAULTS.drawMeasure);
    performance.measure(DEFAULTS.drawMeasure, { start: started, detail: { traced, zoom: frame.zoom } });
  }

  private readonly handleViewChange = (): void => this.redraw(false);

  private readonly handleZoom = (): void => {
    const { map, canvas, frame } = this;
    if (map && canvas && frame) transformCanvas(map, canvas, frame, map.getCenter(), map.getZoom());
  };

  private readonly handleZoomAnim = (event: L.LeafletEvent): void => {
    const { map, canvas, frame } = this;
    const { center, zoom } = event as L.ZoomAnimEvent;
    if (map && canvas && frame) transformCanvas(map, canvas, frame, center, zoom);
  };
}
