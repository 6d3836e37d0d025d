/**
 * drawBasemap, the drawing both the page and the basemap's worker run: the whole device canvas cleared,
 * CSS px scaled to device px, each kind with shapes in view traced as one path (the vertices counted) in the order of the
 * styles and filled or stroked in its style; a kind without shapes, or none in view, draws nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  type DrawContext,
  type DrawFrame,
  deviceSize,
  drawBasemap,
  type VectorStyle,
} from '../../src/map/basemap-draw';
import { prepareShapes, type VectorShapes } from '../../src/map/vector-shapes';

/** A 2D context that writes down what it is asked to do. */
function recorder(): DrawContext & { calls: string[] } {
  const calls: string[] = [];
  const context = {
    calls,
    setTransform: (...m: number[]) => calls.push(`setTransform ${m.join(' ')}`),
    clearRect: (...r: number[]) => calls.push(`clearRect ${r.join(' ')}`),
    beginPath: () => calls.push('beginPath'),
    moveTo: () => {},
    lineTo: () => {},
    closePath: () => {},
    fill: (rule?: unknown) => calls.push(`fill ${String(rule)} ${context.fillStyle}`),
    stroke: () =>
      calls.push(`stroke ${context.strokeStyle} ${context.lineWidth} ${context.lineCap} ${context.lineJoin}`),
    setLineDash: (dash: number[]) => calls.push(`dash ${dash.join(',')}`),
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 0,
    lineCap: 'butt',
    lineJoin: 'miter',
  };
  return context as unknown as DrawContext & { calls: string[] };
}

type Kind = 'land' | 'river' | 'border';
const STYLES: Record<Kind, VectorStyle> = {
  land: { fill: '#f2efe6' },
  river: { stroke: '#7fa7c9', weight: 1.5, cap: 'butt' },
  border: { stroke: '#8a8a8a', weight: 1, dash: [4, 3] },
};

/** The world at zoom 4 (4096 px), a 400 × 300 px frame around Iraq at 2 device px per CSS px. */
const FRAME: DrawFrame = { scale: 4096, left: 2450, top: 1550, width: 400, height: 300, ratio: 2 };

const iraq: VectorShapes = prepareShapes(
  [
    [
      [39, 29],
      [48, 29],
      [48, 37],
      [39, 37],
      [39, 29],
    ],
  ],
  true,
);
const tigris: VectorShapes = prepareShapes(
  [
    [
      [42, 37],
      [44.4, 33.3],
      [47, 31],
    ],
  ],
  false,
);
const farAway: VectorShapes = prepareShapes(
  [
    [
      [-70, -30],
      [-69, -29],
    ],
  ],
  false,
);

describe('drawBasemap', () => {
  it('clears the device canvas, scales to device px, and draws each kind in view in the styles’ order', () => {
    const context = recorder();
    const shapes = new Map<Kind, VectorShapes>([
      ['border', farAway],
      ['river', tigris],
      ['land', iraq],
    ]);
    const traced = drawBasemap(context, FRAME, STYLES, shapes);
    // The land's 5 vertices and the river's 3; the border lies far away.
    expect(traced).toBe(8);
    expect(deviceSize(FRAME)).toEqual({ width: 800, height: 600 });
    expect(context.calls).toEqual([
      'setTransform 1 0 0 1 0 0',
      'clearRect 0 0 800 600',
      'setTransform 2 0 0 2 0 0',
      'beginPath',
      'fill evenodd #f2efe6',
      'beginPath',
      'dash ',
      'stroke #7fa7c9 1.5 butt round',
      'beginPath', // the border: traced, nothing in view, so neither filled nor stroked
    ]);
  });

  it('draws nothing for a kind without shapes', () => {
    const context = recorder();
    expect(drawBasemap(context, FRAME, STYLES, new Map([['border', tigris]]))).toBe(3);
    expect(context.calls.slice(3)).toEqual(['beginPath', 'dash 4,3', 'stroke #8a8a8a 1 round round']);
  });
});
