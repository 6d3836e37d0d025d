import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BoxGrid,
  candidateBoxes,
  type LabelGeometry,
  type LabelKind,
  LabelLayout,
  LabelTable,
  type LabelView,
  type LayoutOptions,
  type Rect,
  shownBoxes,
} from '../../src/map/label-layout';

const OPTIONS: LayoutOptions = { lineHeight: 10, margin: 2, markerRadius: 11, placeOffset: 18, dotOffset: 7 };
/** World px = container px: a label's x and y are where its point is on screen. */
const VIEW: LabelView = { zoom: 6, scale: 1, left: 0, top: 0, width: 800, height: 600 };

const label = (kind: LabelKind, x: number, y: number, width: number, priority = 0, minZoom = 0) => ({
  kind,
  x,
  y,
  width,
  priority,
  minZoom,
});

function layout(
  labels: readonly LabelGeometry[],
  obstacles: readonly Rect[] = [],
  options = OPTIONS,
  view = VIEW,
): number[] {
  const out = new Int8Array(labels.length);
  new LabelLayout(options).run(new LabelTable(labels), view, obstacles, out);
  return [...out];
}

/** The boxes `candidateBoxes` gives label `i`, as objects. */
function boxesOf(table: LabelTable, i: number, view: LabelView, options: LayoutOptions): Rect[] {
  const out = new Float64Array(32);
  const ax = Math.round((table.x[i] as number) * view.scale) - view.left;
  const ay = Math.round((table.y[i] as number) * view.scale) - view.top;
  const count = candidateBoxes(table, i, ax, ay, options, out);
  return Array.from({ length: count }, (_, k) => ({
    x: out[4 * k] as number,
    y: out[4 * k + 1] as number,
    width: out[4 * k + 2] as number,
    height: out[4 * k + 3] as number,
  }));
}

/**
 * The layout as the module's header states it, by brute force: every box against every box kept, no grid,
 * no shortcut for names far off screen.
 */
function oracle(
  labels: readonly LabelGeometry[],
  obstacles: readonly Rect[],
  options: LayoutOptions,
  view: LabelView,
): number[] {
  const table = new LabelTable(labels);
  const out = labels.map(() => -1);
  const near = (a: Rect, b: Rect, gap: number) =>
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap;
  const onScreen = (b: Rect) =>
    b.x + b.width > 0 && b.x < view.width && b.y + b.height > 0 && b.y < view.height;
  const served = (places: boolean) =>
    labels
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => (l.kind === 'place') === places && view.zoom >= l.minZoom)
      .sort((a, b) => b.l.priority - a.l.priority)
      .map(({ i }) => i);
  const keptPlaces: Rect[] = [];
  const blocked: Rect[] = [...obstacles];
  const r = options.markerRadius;
  for (const i of served(true)) {
    const [box] = boxesOf(table, i, view, options) as [Rect];
    const ax = Math.round((labels[i] as LabelGeometry).x * view.scale) - view.left;
    const ay = Math.round((labels[i] as LabelGeometry).y * view.scale) - view.top;
    blocked.push({ x: ax - r, y: ay - r, width: 2 * r, height: 2 * r });
    if (keptPlaces.some((k) => near(box, k, options.margin))) continue;
    keptPlaces.push(box);
    blocked.push(box);
    if (onScreen(box)) out[i] = 0;
  }
  const kept: Rect[] = [];
  for (const i of served(false)) {
    const boxes = boxesOf(table, i, view, options);
    if (!boxes.some(onScreen)) continue;
    const fit = boxes.findIndex(
      (b) => !kept.some((k) => near(b, k, options.margin)) && !blocked.some((o) => near(b, o, 0)),
    );
    if (fit < 0) continue;
    kept.push(boxes[fit] as Rect);
    out[i] = fit;
  }
  return out;
}

/** Integers from `min` to `max` that are multiples of 5. */
const lattice = (min: number, max: number) => fc.integer({ min: min / 5, max: max / 5 }).map((v) => 5 * v);

describe('LabelLayout', () => {
  it('keeps the higher-priority label when two overlap', () => {
    const shown = layout([
      label('water', 100, 100, 50, 1),
      label('water', 120, 105, 50, 3),
      label('water', 300, 100, 50, 0),
    ]);
    expect(shown).toEqual([-1, 0, 0]);
  });

  it('keeps labels that only come within the margin apart', () => {
    // Boxes 100–110 and 113–123: 3 px apart.
    const labels = [label('water', 105, 100, 10, 1), label('water', 118, 100, 10, 0)];
    expect(layout(labels, [], { ...OPTIONS, margin: 2 })).toEqual([0, 0]);
    expect(layout(labels, [], { ...OPTIONS, margin: 4 })).toEqual([0, -1]);
  });

  it('never puts a name over an obstacle, whatever its priority', () => {
    const control = { x: 140, y: 90, width: 20, height: 20 };
    expect(layout([label('water', 125, 100, 50, 1e9), label('water', 210, 100, 20)], [control])).toEqual([
      -1, 0,
    ]);
  });

  it('takes the first side of a town that is free, and -1 when none is', () => {
    // A town's name goes right of its dot (box 197–247 × 195–205); a control over the end of that box
    // sends it above-right (201–243 × 189–199).
    const town = label('town', 200, 200, 40);
    expect(layout([town])).toEqual([0]);
    expect(layout([town], [{ x: 244, y: 197, width: 10, height: 6 }])).toEqual([1]);
    // A control over the dot and all around it leaves no side.
    expect(layout([town], [{ x: 100, y: 150, width: 200, height: 100 }])).toEqual([-1]);
  });

  it('serves names by priority, so a bigger town keeps its best side', () => {
    const small = label('town', 200, 200, 40, 1);
    const big = label('capital', 205, 200, 40, 100);
    // The capital takes the right; the town's right, above-right, below-right and left boxes all come
    // within the margin of it, so the town goes above-left.
    expect(layout([small, big])).toEqual([4, 0]);
  });

  it('keeps every incident place clear of the names, and its marker too', () => {
    // A place's label sits right of its marker; a country name centred on the marker must give way.
    const shown = layout([label('country', 100, 100, 30, 1e9), label('place', 100, 100, 60, 4e9)]);
    expect(shown).toEqual([-1, 0]);
  });

  it('shows no name below its zoom, and no place label off screen (its marker still counts)', () => {
    expect(layout([label('town', 100, 100, 30, 0, 7)])).toEqual([-1]);
    expect(layout([label('town', 100, 100, 30, 0, 6)])).toEqual([0]);
    // A place just off the right edge: its label is not shown, but the square of its marker (794–816 ×
    // 289–311) keeps the town's three right-hand boxes clear, so the town's name goes left.
    expect(layout([label('place', 805, 300, 10, 4e9), label('town', 790, 300, 20)])).toEqual([-1, 3]);
  });

  it('lays out as the brute-force greedy placement does, whatever the labels, obstacles and view', () => {
    const kinds: LabelKind[] = ['place', 'country', 'capital', 'town', 'water'];
    const geometry = fc.record({
      kind: fc.constantFrom(...kinds),
      // Mostly around the view on a 5 px lattice, so that boxes often just touch or come exactly within
      // the margin; some far off it (the grid files those under its edge cells).
      x: fc.oneof(lattice(-100, 900), lattice(-100, 900), fc.integer({ min: -12_000, max: 12_000 })),
      y: fc.oneof(lattice(-100, 700), lattice(-100, 700), fc.integer({ min: -12_000, max: 12_000 })),
      width: lattice(5, 160),
      priority: fc.integer({ min: 0, max: 5 }), // few values: many ties, served in the labels' order
      minZoom: fc.integer({ min: 0, max: 8 }),
    });
    const rect = fc.record({
      x: lattice(-50, 850),
      y: lattice(-50, 650),
      width: lattice(5, 200),
      height: lattice(5, 100),
    });
    const view = fc.record({
      zoom: fc.integer({ min: 0, max: 8 }),
      scale: fc.constantFrom(1, 1, 2, 0.5),
      left: lattice(-200, 200),
      top: lattice(-200, 200),
      width: fc.integer({ min: 200, max: 1400 }),
      height: fc.integer({ min: 200, max: 900 }),
    });
    const margin = fc.constantFrom(0, 1, 2, 4, 5);
    fc.assert(
      fc.property(
        fc.array(geometry, { minLength: 10, maxLength: 150, size: 'max' }),
        fc.array(rect, { maxLength: 6, size: 'max' }),
        view,
        margin,
        (labels, obstacles, v, m) => {
          const options = { ...OPTIONS, margin: m };
          expect(layout(labels, obstacles, options, v)).toEqual(oracle(labels, obstacles, options, v));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same layout when run again with its scratch reused, and after a bigger table', () => {
    const placer = new LabelLayout(OPTIONS);
    const small = new LabelTable([label('water', 100, 100, 50), label('water', 120, 100, 50, 1)]);
    const many = new LabelTable(
      Array.from({ length: 500 }, (_, i) => label('town', (i * 37) % 800, (i * 53) % 600, 40, i % 7)),
    );
    const run = (table: LabelTable) => {
      const out = new Int8Array(table.size);
      placer.run(table, VIEW, [], out);
      return [...out];
    };
    const first = run(small);
    expect(run(many)).toEqual(
      oracle(
        Array.from({ length: 500 }, (_, i) => label('town', (i * 37) % 800, (i * 53) % 600, 40, i % 7)),
        [],
        OPTIONS,
        VIEW,
      ),
    );
    expect(run(small)).toEqual(first);
    expect(first).toEqual([-1, 0]);
  });
});

describe('shownBoxes', () => {
  it('gives the box each shown name took, none within the margin of another', () => {
    const labels = Array.from({ length: 400 }, (_, i) =>
      label(i % 5 === 0 ? 'water' : 'town', (i * 37) % 800, (i * 53) % 600, 20 + (i % 40), i % 9),
    );
    const table = new LabelTable(labels);
    const out = new Int8Array(labels.length);
    new LabelLayout(OPTIONS).run(table, VIEW, [], out);
    const boxes = shownBoxes(table, VIEW, out, OPTIONS);
    const shownIndices = [...out.keys()].filter((i) => (out[i] as number) >= 0);
    expect(boxes).toHaveLength(shownIndices.length);
    expect(boxes.length).toBeGreaterThan(20);
    shownIndices.forEach((i, k) => {
      expect(boxes[k]).toEqual(boxesOf(table, i, VIEW, OPTIONS)[out[i] as number]);
    });
    const near = (a: Rect, b: Rect) =>
      a.x < b.x + b.width + OPTIONS.margin &&
      b.x < a.x + a.width + OPTIONS.margin &&
      a.y < b.y + b.height + OPTIONS.margin &&
      b.y < a.y + a.height + OPTIONS.margin;
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) expect(near(boxes[a] as Rect, boxes[b] as Rect)).toBe(false);
  });
});

describe('BoxGrid', () => {
  it('finds a box within the gap, and none beyond it, near the view and far off it', () => {
    const grid = new BoxGrid();
    grid.reset(800, 600);
    grid.add(100, 100, 10, 10);
    grid.add(-50_000, 20_000, 10, 10);
    expect(grid.hits(112, 100, 5, 5, 2)).toBe(false); // 2 px apart: not closer than 2
    expect(grid.hits(111, 100, 5, 5, 2)).toBe(true);
    expect(grid.hits(-50_005, 20_005, 4, 4, 0)).toBe(false);
    expect(grid.hits(-49_995, 20_005, 4, 4, 0)).toBe(true);
    grid.reset(800, 600);
    expect(grid.hits(100, 100, 10, 10, 0)).toBe(false);
  });
});
