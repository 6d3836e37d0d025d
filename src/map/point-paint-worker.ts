/// <reference lib="webworker" />
/**
 * The point canvas's painting worker: keeps a PointPainter (point-paint.ts) with the style of every
 * incident (a copy of the page's column) and paints each drawing asked for into an OffscreenCanvas of its
 * own, answering with it as an ImageBitmap (transferred, not copied). The page shows it in one step
 * (point-canvas.ts), so stamping dots, copying pixels and writing counts never run on the page's thread.
 */

import { type PaintDots, type PaintRequest, PointPainter } from './point-paint';
import type { DotStyle } from './point-raster';

export type PointPaintRequest =
  | { readonly type: 'setup'; readonly styles: readonly DotStyle[]; readonly style: Uint8Array }
  | { readonly type: 'paint'; readonly id: number; readonly request: PaintRequest };

export type PointPaintAnswer =
  | {
      readonly type: 'painted';
      readonly id: number;
      readonly bitmap: ImageBitmap;
      /** Time spent painting, ms. */
      readonly ms: number;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

let painter: PointPainter | null = null;
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;
/** The newest paint asked for: an older one still queued is left undone, as its answer would be dropped. */
let newest = 0;
/** Dots of a request left undone, stamped with the next one that brings none of its own. */
let unstamped: PaintDots | null = null;

async function paint(id: number, request: PaintRequest): Promise<void> {
  if (painter === null) throw new Error('the painting worker was asked to paint before its setup');
  const started = performance.now();
  const { width, height } = request;
  if (canvas === null) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d');
  } else if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  if (context === null) throw new Error('this browser gives no 2D context to an OffscreenCanvas');
  painter.paint(context, request);
  const bitmap = await createImageBitmap(canvas);
  const answer: PointPaintAnswer = { type: 'painted', id, bitmap, ms: performance.now() - started };
  self.postMessage(answer, { transfer: [bitmap] });
}

self.onmessage = (event: MessageEvent<PointPaintRequest>) => {
  const message = event.data;
  if (message.type === 'setup') {
    painter = new PointPainter(message.styles, message.style);
    unstamped = null;
    return;
  }
  const { id } = message;
  newest = id;
  // A request overtaken by a newer one is skipped, but not its dots: the newer may bring none.
  const request =
    message.request.dots === null && unstamped !== null
      ? { ...message.request, dots: unstamped }
      : message.request;
  unstamped = request.dots;
  setTimeout(() => {
    if (id !== newest) return;
    unstamped = null;
    paint(id, request).catch((error) => {
      const text = error instanceof Error ? error.message : String(error);
      self.postMessage({ type: 'failed', id, message: text } satisfies PointPaintAnswer);
    });
  }, 0);
};
