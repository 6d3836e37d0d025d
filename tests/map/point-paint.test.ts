import { describe, expect, it } from 'vitest';
import type { DenseCells } from '../../src/map/density-paint';
import {
  DOT_TIERS,
  dotTier,
  type PaintRequest,
  type PointContext,
  PointPainter,
} from '../../src/map/point-paint';
import { type DotStyle, pixelValue } from '../../src/map/point-raster';

const RED = '#d55e00';
const BLUE = '#0072b2';
const STYLES: readonly DotStyle[] = [
  { color: RED, hollow: false },
  { color: BLUE, hollow: true },
];

type Rect = [number, number, number, number];

/** A stand-in for a 2D context (node has no canvas) that keeps the pixels put and records the rest. */
function fakeContext(width: number, height: number) {
  const canvas = new Int32Array(width * height);
  const cleared: Rect[] = [];
  const put: Rect[] = [];
  const squares: Rect[] = [];
  const arcs: { x: number; y: number; r: number }[] = [];
  const context = {
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    createImageData: (w: number, h: number) => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(w * h * 4),
    }),
    putImageData(image: ImageData, _dx: number, _dy: number, x: number, y: number, w: number, h: number) {
      const source = new Int32Array(image.data.buffer);
      for (let row = y; row < y + h; row++)
        for (let column = x; column < x + w; column++)
          canvas[row * width + column] = source[row * width + column] as number;
      put.push([x, y, w, h]);
    },
    clearRect(x: number, y: number, w: number, h: number) {
      for (let row = Math.max(0, y); row < Math.min(height, y + h); row++)
        canvas.fill(0, row * width + Math.max(0, x), row * width + Math.min(width, x + w));
      cleared.push([x, y, w, h]);
    },
    fillRect(x: number, y: number, w: number, h: number) {
      squares.push([x, y, w, h]);
    },
    arc(x: number, y: number, r: number) {
      arcs.push({ x, y, r });
    },
    save() {},
    restore() {},
    setTransform() {},
    fillText() {},
    beginPath() {},
    fill() {},
    stroke() {},
  };
  return { context: context as unknown as PointContext, canvas, cleared, put, squares, arcs };
}

const W = 200;
const H = 100;

/** Dots at the given pixels (x, y), of the incidents at `index`. */
function dotsAt(pixels: readonly [number, number][], index: readonly number[]) {
  return {
    centre: Int32Array.from(pixels, ([x, y]) => y * W + x),
    index: Uint32Array.from(index),
    count: pixels.length,
    tier: 0,
  };
}

const request = (over: Partial<PaintRequest>): PaintRequest => ({
  width: W,
  height: H,
  ratio: 1,
  dots: null,
  cells: null,
  selected: null,
  ...over,
});

describe('dotTier', () => {
  it('picks smaller dots as more are drawn', () => {
    expect(dotTier(0)).toBe(0);
    expect(dotTier(DOT_TIERS[0]?.upTo as number)).toBe(0);
    expect(dotTier((DOT_TIERS[0]?.upTo as number) + 1)).toBe(1);
    expect(dotTier(10_000_000)).toBe(DOT_TIERS.length - 1);
  });
});

describe('PointPainter', () => {
  // Incident 0 is red (filled), incident 1 blue (a ring).
  const style = Uint8Array.of(0, 1);

  it('puts each dot on the canvas in the colour of its incident, and copies only the tiles with dots', () => {
    const { context, canvas, put } = fakeContext(W, H);
    const painter = new PointPainter(STYLES, style);
    painter.paint(
      context,
      request({
        dots: dotsAt(
          [
            [20, 20],
            [150, 70],
          ],
          [0, 1],
        ),
      }),
    );
    expect(canvas[20 * W + 20]).toBe(pixelValue(RED));
    // A ring has a see-through middle and its colour 3 px out.
    expect(canvas[70 * W + 150]).toBe(0);
    expect(canvas[70 * W + 153]).toBe(pixelValue(BLUE));
    const area = put.reduce((sum, [, , w, h]) => sum + w * h, 0);
    expect(area).toBeGreaterThan(0);
    expect(area).toBeLessThan((W * H) / 2);
  });

  it('paints the same dots again when asked without dots, with the open incident on top', () => {
    const { context, canvas, arcs } = fakeContext(W, H);
    const painter = new PointPainter(STYLES, style);
    painter.paint(context, request({ dots: dotsAt([[20, 20]], [0]) }));
    const before = canvas.slice();
    painter.paint(context, request({ selected: { x: 20.5, y: 20.5, style: 0 } }));
    expect(canvas).toEqual(before);
    expect(arcs.map((a) => a.x)).toEqual([20.5, 20.5]);
  });

  it('clears what it painted last, not the whole canvas, and the whole canvas when the size changed', () => {
    const { context, canvas, cleared, put } = fakeContext(W, H);
    const painter = new PointPainter(STYLES, style);
    const cells: DenseCells = {
      cellSize: 40,
      left: Float64Array.of(100),
      top: Float64Array.of(0),
      count: Uint32Array.of(12),
      shade: Uint8Array.of(3),
    };
    painter.paint(context, request({ dots: dotsAt([[20, 20]], [0]), cells }));
    expect(cleared).toEqual([[0, 0, W, H]]); // nothing known of the canvas yet
    const firstPut = put.slice();
    cleared.length = 0;
    painter.paint(context, request({ dots: dotsAt([[60, 50]], [0]) }));
    // The tiles of the first dot, and the counted square with a pixel to spare.
    expect(cleared).toEqual([...firstPut, [99, -1, 43, 43]]);
    expect(canvas[20 * W + 20]).toBe(0);
    expect(canvas[50 * W + 60]).toBe(pixelValue(RED));
    cleared.length = 0;
    painter.paint(context, request({ width: W, height: H - 10, dots: dotsAt([[60, 50]], [0]) }));
    expect(cleared).toEqual([[0, 0, W, H - 10]]);
  });

  it('refuses to paint again at a size it never painted', () => {
    const { context } = fakeContext(W, H);
    const painter = new PointPainter(STYLES, style);
    expect(() => painter.paint(context, request({}))).toThrow('No dots painted at 200 × 100 px');
  });
});
