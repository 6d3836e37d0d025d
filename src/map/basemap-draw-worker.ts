/// <reference lib="webworker" />
/**
 * The basemap's drawing worker: keeps the shapes of each kind (copies of the page's) and draws a frame on
 * request into an OffscreenCanvas of its own, answering with the drawing as an ImageBitmap (transferred,
 * not copied). The page shows it in one step (basemap-canvas.ts), so a pan or a zoom never traces
 * coastlines on the page's thread.
 */
import { type DrawFrame, deviceSize, drawBasemap, type VectorStyle } from './basemap-draw';
import type { VectorShapes } from './vector-shapes';

export type DrawRequest =
  | { readonly type: 'styles'; readonly styles: Readonly<Record<string, VectorStyle>> }
  | { readonly type: 'shapes'; readonly entries: readonly (readonly [string, VectorShapes])[] }
  | { readonly type: 'draw'; readonly id: number; readonly frame: DrawFrame };

export type DrawAnswer =
  | { readonly type: 'drawn'; readonly id: number; readonly bitmap: ImageBitmap; readonly traced: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

let styles: Readonly<Record<string, VectorStyle>> = {};
const shapes = new Map<string, VectorShapes>();
let canvas: OffscreenCanvas | null = null;
let context: OffscreenCanvasRenderingContext2D | null = null;
/** How long after a request the drawing starts (see the `draw` request). */
const AFTER_PAGE_FRAME_MS = 20;
/** The newest draw asked for: an older one still queued is skipped, as its answer would be dropped. */
let newest = 0;

function draw(id: number, frame: DrawFrame): void {
  const { width, height } = deviceSize(frame);
  if (canvas === null) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d');
  } else if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  if (context === null) throw new Error('this browser gives no 2D context to an OffscreenCanvas');
  const traced = drawBasemap(context, frame, styles, shapes);
  const bitmap = canvas.transferToImageBitmap();
  const answer: DrawAnswer = { type: 'drawn', id, bitmap, traced };
  self.postMessage(answer, { transfer: [bitmap] });
}

self.onmessage = (event: MessageEvent<DrawRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'styles':
      styles = request.styles;
      return;
    case 'shapes':
      for (const [kind, kindShapes] of request.entries) shapes.set(kind, kindShapes);
      return;
    case 'draw':
      newest = request.id;
      // Drawn a frame later, and not at once: the page asks at the end of a move, while it still draws the
      // points and lays out the names, and on two cores a worker woken by the page can take the page's core
      // for all of its drawing (2–4 ms in the middle of the page's work, seen in traces). A frame later the
      // page is idle. Draws asked meanwhile are coalesced: one overtaken by a newer request is left undone.
      setTimeout(() => {
        if (request.id !== newest) return;
        try {
          draw(request.id, request.frame);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          self.postMessage({ type: 'failed', id: request.id, message } satisfies DrawAnswer);
        }
      }, AFTER_PAGE_FRAME_MS);
      return;
  }
};
