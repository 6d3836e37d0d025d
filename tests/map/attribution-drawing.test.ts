// @vitest-environment happy-dom
/**
 * Attribution drawn (issue 8.4): the same four looks on DOM markers (SVG) and on canvas dots (stamps) —
 * solid, dashed outline, hatched / split, grey — while a region's dot stays hollow.
 */
import { describe, expect, it } from 'vitest';
import type { AttributionDrawing } from '../../src/domain/attribution';
import { buildStamp, type DotStyle, pixelValue } from '../../src/map/point-raster';
import { createSymbolSvg, symbolFor, UNKNOWN_BODY } from '../../src/map/symbols';

const battles = symbolFor('Battles');

describe('createSymbolSvg', () => {
  const drawn = (drawing: AttributionDrawing) => createSymbolSvg(battles, 24, drawing);

  it('draws confirmed and claimed as a solid shape in the type colour', () => {
    const paths = drawn('solid').querySelectorAll('path');
    expect(paths).toHaveLength(1);
    expect(paths[0]?.getAttribute('fill')).toBe(battles.color);
    expect(paths[0]?.hasAttribute('stroke-dasharray')).toBe(false);
  });

  it('draws suspected with a dashed outline around a pale body', () => {
    const outline = drawn('dashed').querySelectorAll('path')[1];
    expect(outline?.getAttribute('stroke-dasharray')).toBe('3 2');
    expect(outline?.getAttribute('stroke')).toBe(battles.color);
    expect(Number(outline?.getAttribute('fill-opacity'))).toBeLessThan(1);
  });

  it('draws disputed hatched, with a pattern id of its own per symbol', () => {
    const a = drawn('hatched');
    const b = drawn('hatched');
    const idA = a.querySelector('pattern')?.id;
    const idB = b.querySelector('pattern')?.id;
    expect(idA).toBeTruthy();
    expect(idA).not.toBe(idB);
    expect(a.querySelectorAll('path')[1]?.getAttribute('fill')).toBe(`url(#${idA})`);
  });

  it('draws unknown as a grey body in a rim of the type colour', () => {
    const body = drawn('grey').querySelectorAll('path')[1];
    expect(body?.getAttribute('fill')).toBe(UNKNOWN_BODY);
    expect(body?.getAttribute('stroke')).toBe(battles.color);
  });

  it('stays decorative', () => {
    expect(drawn('hatched').getAttribute('aria-hidden')).toBe('true');
  });
});

describe('canvas dot stamps', () => {
  const geometry = { radius: 3.5, outline: 1, ring: 1.5 };
  const stride = 100;
  /** The stamp's pixel at (dx, dy) from the centre, or null where it leaves the buffer untouched. */
  function pixelAt(style: DotStyle, dx: number, dy: number): number | null {
    const stamp = buildStamp(style, geometry, 1, stride);
    const k = stamp.offsets.indexOf(dy * stride + dx);
    return k < 0 ? null : (stamp.pixels[k] as number);
  }
  const colour = pixelValue(battles.color);
  const white = pixelValue('#ffffff');
  const style = (drawing: AttributionDrawing, hollow = false): DotStyle => ({
    color: battles.color,
    hollow,
    drawing,
  });

  it('fills a solid dot with the colour', () => {
    expect(pixelAt(style('solid'), 0, 0)).toBe(colour);
    expect(pixelAt(style('solid'), 2, 0)).toBe(colour);
  });

  it('gives a suspected dot a pale body and a rim broken into dashes', () => {
    const body = pixelAt(style('dashed'), 0, 0);
    expect(body).not.toBe(colour);
    expect(body).not.toBe(white);
    const rim: (number | null)[] = [];
    for (let dy = -3; dy <= 3; dy++) {
      for (let dx = -3; dx <= 3; dx++) {
        const d = Math.hypot(dx, dy);
        if (d >= geometry.radius - geometry.ring && d < geometry.radius)
          rim.push(pixelAt(style('dashed'), dx, dy));
      }
    }
    expect(rim).toContain(colour);
    expect(rim).toContain(white);
  });

  it('splits a disputed dot: the left half coloured, the right half white inside the rim', () => {
    expect(pixelAt(style('hatched'), -1, 0)).toBe(colour);
    expect(pixelAt(style('hatched'), 1, 0)).toBe(white);
    expect(pixelAt(style('hatched'), 3, 0)).toBe(colour); // the rim keeps the dot's outline
  });

  it('greys an unknown dot inside a rim of the colour', () => {
    expect(pixelAt(style('grey'), 0, 0)).toBe(pixelValue(UNKNOWN_BODY));
    expect(pixelAt(style('grey'), 3, 0)).toBe(colour);
  });

  it('keeps a region dot hollow whatever the attribution', () => {
    for (const drawing of ['solid', 'dashed', 'hatched', 'grey'] as const) {
      expect(pixelAt(style(drawing, true), 0, 0)).toBeNull();
    }
  });
});
