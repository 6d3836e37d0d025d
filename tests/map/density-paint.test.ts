import { describe, expect, it } from 'vitest';
import { DensityGrid } from '../../src/map/density-grid';
import {
  CountStamps,
  DENSITY_LOOK,
  denseCells,
  type PaintContext,
  paintDenseCells,
} from '../../src/map/density-paint';
import { PointBins } from '../../src/map/point-bins';

/** What a 2D context was asked to draw: squares and texts, with the style in force. */
interface Call {
  readonly kind: 'rect' | 'text';
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly alpha: number;
  readonly text?: string;
}

/** A stand-in for CanvasRenderingContext2D that records squares and texts (happy-dom has no canvas). */
function recordingContext() {
  const calls: Call[] = [];
  type State = {
    fillStyle: string;
    globalAlpha: number;
    font: string;
    textAlign: string;
    textBaseline: string;
  };
  const saved: State[] = [];
  const transforms: number[][] = [];
  const context = {
    fillStyle: '#000000',
    globalAlpha: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    save() {
      const { fillStyle, globalAlpha, font, textAlign, textBaseline } = this;
      saved.push({ fillStyle, globalAlpha, font, textAlign, textBaseline });
    },
    restore() {
      Object.assign(this, saved.pop());
    },
    setTransform(...m: number[]) {
      transforms.push(m);
    },
    fillRect(x: number, y: number) {
      calls.push({ kind: 'rect', x, y, fill: this.fillStyle, alpha: this.globalAlpha });
    },
    fillText(text: string, x: number, y: number) {
      calls.push({ kind: 'text', x, y, fill: this.fillStyle, alpha: this.globalAlpha, text });
    },
  };
  return { context: context as unknown as CanvasRenderingContext2D, calls, transforms };
}

/** A 3 × 2 grid of 50 px cells with `counts[cell]` points piled in the middle of each cell. */
function gridWith(counts: readonly number[]): DensityGrid {
  const xs: number[] = [];
  const ys: number[] = [];
  counts.forEach((n, cell) => {
    for (let k = 0; k < n; k++) {
      xs.push((cell % 3) * 50 + 25);
      ys.push(Math.floor(cell / 3) * 50 + 25);
    }
  });
  const area = { left: 0, top: 0, width: 150, height: 100, cellSize: 50 };
  const scale = 2 ** 10; // world px (Web Mercator 0..1 times this)
  const points = { x: Float64Array.from(xs, (x) => x / scale), y: Float64Array.from(ys, (y) => y / scale) };
  const order = Uint32Array.from(xs, (_, i) => i);
  return DensityGrid.fromBins(PointBins.build(points, order, { ...area, scale }), area);
}

describe('paintDenseCells', () => {
  it('paints a square and its count for each cell with enough points, and nothing for the others', () => {
    const { context, calls } = recordingContext();
    const painted = paintDenseCells(context, denseCells(gridWith([0, 2, 3, 1_250, 40, 1]), 3), 1);
    expect(painted).toBe(3);
    const squares = calls.filter((c) => c.kind === 'rect');
    const texts = calls.filter((c) => c.kind === 'text');
    expect(squares.map((c) => [c.x, c.y]).sort()).toEqual(
      [
        [100 + DENSITY_LOOK.inset, DENSITY_LOOK.inset],
        [DENSITY_LOOK.inset, 50 + DENSITY_LOOK.inset],
        [50 + DENSITY_LOOK.inset, 50 + DENSITY_LOOK.inset],
      ].sort(),
    );
    expect(texts.map((c) => c.text).sort()).toEqual(['1.2k', '3', '40']);
  });

  it('writes nothing but numbers', () => {
    const { context, calls } = recordingContext();
    paintDenseCells(context, denseCells(gridWith([3, 17, 999, 12_000, 5, 250_000]), 3), 2);
    for (const call of calls.filter((c) => c.kind === 'text')) expect(call.text).toMatch(/^\d+(\.\d)?[kM]?$/);
  });

  it('shades the densest cell darkest and the sparsest lightest, and leaves every mark translucent', () => {
    const { context, calls } = recordingContext();
    paintDenseCells(context, denseCells(gridWith([3, 30, 300, 3_000, 0, 0]), 3), 1);
    const fillAt = (x: number) => calls.find((c) => c.kind === 'rect' && c.x === x)?.fill;
    const shades = DENSITY_LOOK.shades.map((s) => s.fill);
    expect(fillAt(DENSITY_LOOK.inset)).toBe(shades[0]);
    expect(fillAt(DENSITY_LOOK.inset)).not.toBe(fillAt(50 + DENSITY_LOOK.inset));
    expect(calls.find((c) => c.kind === 'rect' && c.y > 50)?.fill).toBe(shades.at(-1));
    for (const call of calls) expect(call.alpha).toBeLessThan(1);
  });

  it('draws in CSS px scaled to device px, and restores the context', () => {
    const { context, transforms } = recordingContext();
    paintDenseCells(context, denseCells(gridWith([5, 0, 0, 0, 0, 0]), 3), 2);
    expect(transforms).toEqual([[2, 0, 0, 2, 0, 0]]);
    expect(context.globalAlpha).toBe(1);
    expect(context.fillStyle).toBe('#000000');
  });

  it('paints nothing when no cell has enough points', () => {
    const { context, calls } = recordingContext();
    expect(paintDenseCells(context, denseCells(gridWith([1, 2, 0, 2, 1, 0]), 3), 1)).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('denseCells', () => {
  it('lists the cells with enough points, where they sit, their counts and shades, as plain arrays', () => {
    const cells = denseCells(gridWith([0, 2, 3, 1_250, 40, 1]), 3);
    expect(cells.cellSize).toBe(50);
    expect([...cells.count]).toEqual([3, 1_250, 40]);
    expect([...cells.left]).toEqual([100, 0, 50]);
    expect([...cells.top]).toEqual([0, 50, 50]);
    expect(cells.shade[0]).toBe(0);
    expect(cells.shade[1]).toBe(DENSITY_LOOK.shades.length - 1);
    expect(structuredClone(cells)).toEqual(cells);
  });

  it('is empty when no cell has enough points', () => {
    expect(denseCells(gridWith([1, 2, 0, 2, 1, 0]), 3).count.length).toBe(0);
  });
});

describe('CountStamps', () => {
  /** An atlas that records the counts written on it and its clears; a character is 7 px wide. */
  function fakeAtlas() {
    const written: { text: string; fill: string; x: number; y: number; scale: number }[] = [];
    let cleared = 0;
    let scale = 1;
    const context = {
      font: '',
      fillStyle: '',
      textAlign: '',
      textBaseline: '',
      setTransform: (a: number) => {
        scale = a;
      },
      measureText: (text: string) => ({ width: 7 * text.length }),
      clearRect: () => {
        cleared++;
      },
      fillText(text: string, x: number, y: number) {
        written.push({ text, fill: this.fillStyle, x, y, scale });
      },
    };
    const canvas = { getContext: () => context as unknown as PaintContext };
    return { canvas, written, cleared: () => cleared };
  }

  it('writes a count once per colour, in its own place on the atlas, sized to it', () => {
    const { canvas, written } = fakeAtlas();
    const stamps = new CountStamps(canvas, 256);
    const a = stamps.get('1.2k', '#ffffff', 2);
    expect(stamps.get('1.2k', '#ffffff', 2)).toBe(a);
    const b = stamps.get('1.2k', '#2d1a4d', 2);
    expect(stamps.count).toBe(2);
    // 4 characters of 7 px + 4 px of room, 18 px high, at ratio 2: even device sizes, side by side.
    expect(a).toEqual({ x: 0, y: 0, width: 64, height: 36 });
    expect(b).toEqual({ x: 64, y: 0, width: 64, height: 36 });
    // Written centred in its place, in CSS px under the ratio's scale.
    expect(written).toEqual([
      { text: '1.2k', fill: '#ffffff', x: 16, y: 9.5, scale: 2 },
      { text: '1.2k', fill: '#2d1a4d', x: 48, y: 9.5, scale: 2 },
    ]);
  });

  it('starts a new row when a row is full, and empties the atlas when it is full or the ratio changes', () => {
    const { canvas, cleared } = fakeAtlas();
    const stamps = new CountStamps(canvas, 40);
    // "999": 21 + 4 = 25 px wide, 18 high: one per row, two rows in 40 px.
    expect(stamps.get('999', '#ffffff', 1)).toEqual({ x: 0, y: 0, width: 26, height: 18 });
    expect(stamps.get('998', '#ffffff', 1)).toEqual({ x: 0, y: 18, width: 26, height: 18 });
    expect(cleared()).toBe(1); // the first ratio set
    expect(stamps.get('997', '#ffffff', 1)).toEqual({ x: 0, y: 0, width: 26, height: 18 });
    expect(cleared()).toBe(2);
    expect(stamps.count).toBe(1);
    stamps.get('997', '#ffffff', 2);
    expect(cleared()).toBe(3);
  });

  it('draws the count of each square from the atlas, centred on whole device pixels, and writes no text', () => {
    const { canvas } = fakeAtlas();
    const stamps = new CountStamps(canvas, 256);
    const drawn: number[][] = [];
    const { context, calls } = recordingContext();
    (context as unknown as { drawImage: unknown }).drawImage = (source: unknown, ...at: number[]) => {
      expect(source).toBe(canvas);
      drawn.push(at);
    };
    const cells = denseCells(gridWith([3, 0, 40, 0, 0, 0]), 3);
    expect(paintDenseCells(context, cells, 1.5, stamps)).toBe(2);
    expect(calls.filter((c) => c.kind === 'text')).toEqual([]);
    // Centres (25, 25) and (125, 25) CSS px, (37.5, 37.5) and (187.5, 37.5) device px; "3" is 18 × 28 device
    // px on the atlas, "40" 28 × 28 beside it.
    expect(drawn).toEqual([
      [0, 0, 18, 28, Math.round(37.5 - 9), Math.round(37.5 - 14), 18, 28],
      [18, 0, 28, 28, Math.round(187.5 - 14), Math.round(37.5 - 14), 28, 28],
    ]);
  });

  it('writes the counts as text when they do not all fit on the atlas at once', () => {
    const { canvas } = fakeAtlas();
    const stamps = new CountStamps(canvas, 40); // two counts of three characters at most
    const { context, calls } = recordingContext();
    (context as unknown as { drawImage: unknown }).drawImage = () => {
      throw new Error('nothing should be drawn from an atlas that lost some of its counts');
    };
    const cells = denseCells(gridWith([300, 400, 500, 0, 0, 0]), 3);
    expect(paintDenseCells(context, cells, 1, stamps)).toBe(3);
    expect(calls.filter((c) => c.kind === 'text').map((c) => c.text)).toEqual(['300', '400', '500']);
  });
});
