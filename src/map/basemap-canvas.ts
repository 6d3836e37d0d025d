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
 * The tracing runs in a worker (basemap-draw-worker.ts, on an OffscreenCanvas) where one can: the page asks
 * for a frame, and shows the ImageBitmap that comes back, placing the canvas in the same task, so what is
 * drawn stays where it belongs until the new drawing replaces it. Elsewhere the page draws itself
 * (basemap-draw.ts, the same code).
 *
 * The canvas ignores the pointer (nothing on it is interactive) and is aria-hidden. It looks as Leaflet's
 * paths did: the same styles, vertices rounded to whole CSS px, simplified to one pixel, drawn at the
 * screen's pixel ratio.
 */
import L from 'leaflet';
import { type DrawFrame, drawBasemap, type VectorStyle } from './basemap-draw';
import type { DrawAnswer, DrawRequest } from './basemap-draw-worker';
import { type CanvasFrame, canvasFrame, frameCovers, placeCanvas, transformCanvas } from './canvas-frame';
import type { VectorShapes } from './vector-shapes';

export type { VectorStyle } from './basemap-draw';

const DEFAULTS = {
  padding: 0.5, // of the map's width and height, drawn beyond each edge (as Leaflet's canvas renderer)
  // Of the padding, left beyond each edge after a pan that does not redraw: an eighth of the map's size,
  // more than Leaflet's renderers keep by default (0.1), so the next drag still finds drawn land.
  keep: 0.25,
  maxPixels: 16_777_216, // device px in the canvas; past it the pixel ratio is lowered
  drawMeasure: 'basemap:draw', // User Timing name of the last redraw, asked to shown (detail: vertices traced, zoom)
};

/** True where a worker can draw into an OffscreenCanvas and hand the page an ImageBitmap to show. */
function canDrawInWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof ImageBitmapRenderingContext !== 'undefined'
  );
}

const drawFrame = (frame: CanvasFrame): DrawFrame => ({
  scale: frame.scale,
  left: frame.left,
  top: frame.top,
  width: frame.width,
  height: frame.height,
  ratio: frame.ratio,
});

/** The layers of the canvas, drawn in the order of `styles`; `set` gives a kind its shapes. */
export class BasemapCanvas<Kind extends string> extends L.Layer {
  private map: L.Map | null = null;
  private canvas: HTMLCanvasElement | null = null;
  /** The frame the canvas shows. */
  private frame: CanvasFrame | null = null;
  private readonly shapes = new Map<Kind, VectorShapes>();
  /** Drawing off the page's thread: the worker, and the newest frame asked of it. */
  private worker: Worker | null = null;
  private asked: { id: number; frame: CanvasFrame; at: number } | null = null;
  private lastId = 0;
  /** The canvas shows the worker's bitmaps (a canvas has one kind of context for good). */
  private showsBitmaps = false;

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
    this.send({ type: 'shapes', entries });
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
    }
    if (canDrawInWorker()) this.startWorker();
    // First in the pane: under the other overlays (the uncertainty areas, the relations).
    map.getPane('overlayPane')?.prepend(this.canvas);
    this.redraw(true);
    return this;
  }

  override onRemove(): this {
    if (this.canvas) L.DomUtil.remove(this.canvas);
    this.worker?.terminate();
    this.worker = null;
    this.asked = null;
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

  /** A drawing worker with the styles and every shape set so far. */
  private startWorker(): void {
    const worker = new Worker(new URL('./basemap-draw-worker.ts', import.meta.url), {
      type: 'module',
      name: 'basemap-drawing',
    });
    worker.addEventListener('message', this.handleAnswer);
    worker.addEventListener('error', this.handleWorkerError);
    this.worker = worker;
    this.send({ type: 'styles', styles: this.styles });
    if (this.shapes.size > 0) this.send({ type: 'shapes', entries: [...this.shapes] });
  }

  /** To the drawing worker, when there is one. The shapes are copied: the page keeps its own. */
  private send(request: DrawRequest): void {
    this.worker?.postMessage(request);
  }

  /** Draws the current view; unless `force`, skips a view that the drawing shown (or asked for) serves. */
  private redraw(force: boolean): void {
    const { map, canvas } = this;
    if (map === null || canvas === null) return;
    const frame = canvasFrame(map, DEFAULTS.padding, DEFAULTS.maxPixels);
    // A pan that stays well inside the drawing needs none: what it shows is drawn already.
    const coming = this.asked?.frame ?? this.frame;
    if (!force && coming !== null && frameCovers(coming, frame, DEFAULTS.keep)) return;
    if (this.worker !== null) {
      const id = ++this.lastId;
      this.asked = { id, frame, at: performance.now() };
      this.send({ type: 'draw', id, frame: drawFrame(frame) });
      return;
    }
    this.drawHere(canvas, frame);
  }

  /** Draws on the page's thread (no worker can). */
  private drawHere(canvas: HTMLCanvasElement, frame: CanvasFrame): void {
    const started = performance.now();
    placeCanvas(canvas, frame);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('BasemapCanvas: this browser gives no 2D canvas context');
    const traced = drawBasemap(context, drawFrame(frame), this.styles, this.shapes);
    this.frame = frame;
    performance.clearMeasures(DEFAULTS.drawMeasure);
    performance.measure(DEFAULTS.drawMeasure, { start: started, detail: { traced, zoom: frame.zoom } });
  }

  /** A drawing from the worker: shown when it is the newest asked for, in the task it arrives in. */
  private readonly handleAnswer = (event: MessageEvent<DrawAnswer>): void => {
    const answer = event.data;
    const { canvas, asked } = this;
    if (answer.type === 'failed') {
      if (asked?.id === answer.id) this.fallBack();
      return;
    }
    if (canvas === null || asked === null || asked.id !== answer.id) {
      answer.bitmap.close();
      return;
    }
    this.asked = null;
    // Placed and filled together: the old drawing stays where it belongs until the new one replaces it.
    placeCanvas(canvas, asked.frame);
    const context = canvas.getContext('bitmaprenderer');
    this.showsBitmaps = true;
    if (context === null) {
      answer.bitmap.close();
      this.fallBack();
      return;
    }
    context.transferFromImageBitmap(answer.bitmap);
    this.frame = asked.frame;
    performance.clearMeasures(DEFAULTS.drawMeasure);
    performance.measure(DEFAULTS.drawMeasure, {
      start: asked.at,
      detail: { traced: answer.traced, zoom: asked.frame.zoom },
    });
  };

  private readonly handleWorkerError = (event: ErrorEvent): void => {
    event.preventDefault();
    this.fallBack();
  };

  /** The worker failed: draw on the page from now on (a canvas whose context was a bitmap renderer is replaced). */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    this.asked = null;
    const { canvas } = this;
    if (canvas !== null && this.showsBitmaps) {
      this.showsBitmaps = false;
      const fresh = L.DomUtil.create('canvas', canvas.className);
      fresh.setAttribute('aria-hidden', 'true');
      fresh.style.pointerEvents = 'none';
      canvas.replaceWith(fresh);
      this.canvas = fresh;
    }
    this.redraw(true);
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
