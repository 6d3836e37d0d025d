// @vitest-environment happy-dom
// (only for the cross-check against Leaflet's own projection; point-raster itself needs no DOM)
import L from 'leaflet';
import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/domain/columns';
import { buildIndex } from '../../src/domain/filter';
import { parseIncidents } from '../../src/domain/parse';
import {
  buildStamp,
  DOT_STYLES,
  type DotGeometry,
  type DrawnPoints,
  InkTiles,
  MAX_MERCATOR_LATITUDE,
  mercatorX,
  mercatorY,
  type PointColumns,
  pixelValue,
  plotTrail,
  pointColumns,
  projectPoints,
  stampPoints,
  stampReach,
} from '../../src/map/point-raster';
import { symbolFor } from '../../src/map/symbols';

const DOT: DotGeometry = { radius: 3, outline: 1, ring: 1.5 };
const RED = '#d55e00';
const BLUE = '#0072b2';

/** The RGBA bytes a 32-bit pixel value writes. */
function bytesOf(value: number): number[] {
  return [...new Uint8Array(Int32Array.of(value).buffer)];
}

describe('mercatorX / mercatorY', () => {
  it('puts [0, 0] at the middle of the world and the date line at its edges', () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBe(0.5);
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(180)).toBe(1);
    expect(mercatorY(MAX_MERCATOR_LATITUDE)).toBeCloseTo(0, 9);
    expect(mercatorY(-MAX_MERCATOR_LATITUDE)).toBeCloseTo(1, 9);
  });

  it('clamps latitudes beyond Web Mercator’s limit, as Leaflet does', () => {
    expect(mercatorY(90)).toBe(mercatorY(MAX_MERCATOR_LATITUDE));
    expect(mercatorY(-90)).toBe(mercatorY(-MAX_MERCATOR_LATITUDE));
  });

  it('agrees with Leaflet’s EPSG:3857 pixels at any zoom', () => {
    const places: [number, number][] = [
      [44.21, 33.34], // [lon, lat]: Taji, Iraq
      [-122.42, 37.77],
      [151.21, -33.87],
      [-70, -85],
    ];
    for (const zoom of [2, 5.5, 12]) {
      const scale = 256 * 2 ** zoom;
      for (const [lon, lat] of places) {
        const p = L.CRS.EPSG3857.latLngToPoint(L.latLng(lat, lon), zoom);
        expect(mercatorX(lon) * scale).toBeCloseTo(p.x, 6);
        expect(mercatorY(lat) * scale).toBeCloseTo(p.y, 6);
      }
    }
  });
});

describe('pointColumns', () => {
  const feature = (id: string, lon: number, lat: number, extra: object) => ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { title: id, date: '2020-01-01', sources: [{ name: 'test' }], ...extra },
  });
  const { incidents } = parseIncidents({
    type: 'FeatureCollection',
    features: [
      feature('protest', 44.4, 33.3, { eventType: 'Protests', locationPrecision: 'exact' }),
      feature('battle', 40.9, 34.5, { eventType: 'Battles', locationPrecision: 'region' }),
      feature('untyped', 50, 20, { locationPrecision: 'near' }),
    ],
  });

  it('projects [lon, lat] once and gives each incident its type’s colour, hollow for a region', () => {
    const columns = pointColumns(buildColumns(incidents), buildIndex(incidents).typeCode);
    expect(columns.x[0]).toBe(mercatorX(44.4));
    expect(columns.y[0]).toBe(mercatorY(33.3));
    const styleOf = (i: number) => DOT_STYLES[columns.style[i] as number];
    // No actors: the perpetrator is unknown, drawn grey.
    expect(styleOf(0)).toEqual({ color: symbolFor('Protests').color, hollow: false, drawing: 'grey' });
    expect(styleOf(1)).toEqual({ color: symbolFor('Battles').color, hollow: true, drawing: 'grey' });
    expect(styleOf(2)).toEqual({ color: symbolFor(null).color, hollow: false, drawing: 'grey' });
  });
});

describe('pixelValue', () => {
  it('writes R, G, B, A in ImageData’s byte order', () => {
    expect(bytesOf(pixelValue('#D55E00'))).toEqual([0xd5, 0x5e, 0x00, 255]);
    expect(bytesOf(pixelValue('#0072b2', 128))).toEqual([0x00, 0x72, 0xb2, 128]);
  });

  it('throws on a colour it cannot read, naming it', () => {
    expect(() => pixelValue('red')).toThrow('got "red"');
  });
});

describe('buildStamp', () => {
  const at = (stamp: ReturnType<typeof buildStamp>, offset: number) => {
    const k = [...stamp.offsets].indexOf(offset);
    return k < 0 ? null : stamp.pixels[k];
  };

  it('draws a filled dot: colour inside the radius, a white outline, nothing beyond', () => {
    const stride = 100;
    const stamp = buildStamp({ color: RED, hollow: false }, DOT, 1, stride);
    expect(at(stamp, 0)).toBe(pixelValue(RED));
    expect(at(stamp, 2)).toBe(pixelValue(RED));
    expect(at(stamp, 3)).toBe(pixelValue('#ffffff'));
    expect(at(stamp, -3 * stride)).toBe(pixelValue('#ffffff'));
    expect(at(stamp, 4)).toBeNull();
    expect(stamp.offsets.length).toBe(stamp.pixels.length);
  });

  it('rasterises a radius of n + 0.5 as a round dot, not a square', () => {
    const stride = 100;
    const stamp = buildStamp({ color: RED, hollow: false }, { radius: 3.5, outline: 0, ring: 0 }, 1, stride);
    const rows = new Map<number, number>();
    for (const o of stamp.offsets) {
      const row = Math.round(o / stride);
      rows.set(row, (rows.get(row) ?? 0) + 1);
    }
    expect([...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n)).toEqual([3, 5, 7, 7, 7, 5, 3]);
  });

  it('leaves the middle of a hollow dot see-through', () => {
    const stamp = buildStamp({ color: BLUE, hollow: true }, DOT, 2, 100);
    expect(at(stamp, 0)).toBeNull();
    expect(at(stamp, 5)).toBe(pixelValue(BLUE));
    expect(at(stamp, 7)).toBe(pixelValue('#ffffff'));
  });

  it('scales with the device pixel ratio and reaches as far as stampReach says', () => {
    for (const ratio of [1, 1.5, 2, 3]) {
      const stride = 1000;
      const stamp = buildStamp({ color: RED, hollow: false }, DOT, ratio, stride);
      const reach = Math.max(...[...stamp.offsets].map((o) => Math.abs(Math.round(o / stride))));
      expect(reach).toBe(stampReach(DOT, ratio));
      expect(at(stamp, Math.floor(DOT.radius * ratio) - 1)).toBe(pixelValue(RED));
    }
  });
});

describe('projectPoints and stampPoints', () => {
  const width = 40;
  const height = 30;
  const styles = [
    buildStamp({ color: RED, hollow: false }, DOT, 1, width),
    buildStamp({ color: BLUE, hollow: false }, DOT, 1, width),
  ];
  const reach = stampReach(DOT, 1);
  /** Incidents at world pixels (scale 1000), each with a style. */
  function columns(points: [number, number, number][]): PointColumns {
    return {
      x: Float64Array.from(points, (p) => p[0] / 1000),
      y: Float64Array.from(points, (p) => p[1] / 1000),
      style: Uint8Array.from(points, (p) => p[2]),
    };
  }
  const room = (n: number): DrawnPoints => ({
    xs: new Float32Array(n),
    ys: new Float32Array(n),
    index: new Uint32Array(n),
    centre: new Int32Array(n),
  });
  const view = { scale: 1000, left: 100, top: 200, ratio: 1, width, height };
  /** Projects and stamps, returning how many were drawn. */
  function draw(target: Int32Array, points: PointColumns, order: number[], drawn = room(order.length)) {
    const count = projectPoints(view, points, order, reach, drawn);
    stampPoints(target, drawn, count, points.style, styles);
    return count;
  }

  it('puts each point at its world pixel minus the buffer’s corner, in the order given', () => {
    const points = columns([
      [110, 210, 0],
      [125.7, 215.2, 1],
    ]);
    const drawn = room(2);
    expect(projectPoints(view, points, [0, 1], reach, drawn)).toBe(2);
    expect([...drawn.index]).toEqual([0, 1]);
    expect([...drawn.centre]).toEqual([10 * width + 10, 15 * width + 25]);
    expect([drawn.xs[1], drawn.ys[1]]).toEqual([25.5, 15.5]);
  });

  it('clears only the range it is given, and tells the lowest and highest centre it stamped', () => {
    const target = new Int32Array(width * height).fill(7);
    const points = columns([
      [110, 210, 0],
      [125, 205, 1],
    ]);
    const drawn = room(2);
    const count = projectPoints(view, points, [0, 1], reach, drawn);
    const [low, high] = stampPoints(target, drawn, count, points.style, styles, [3 * width, 20 * width]);
    expect([low, high]).toEqual([5 * width + 25, 10 * width + 10]);
    expect(target[0]).toBe(7); // outside the range: left as it was
    expect(target[25 * width]).toBe(7);
    expect(target[18 * width]).toBe(0); // inside it, away from the dots: cleared
    expect(target[10 * width + 10]).toBe(pixelValue(RED));
    expect(stampPoints(target, drawn, 0, points.style, styles)).toEqual([Infinity, -Infinity]);
    expect(target.every((v) => v === 0)).toBe(true);
  });

  it('places points in device pixels at a pixel ratio above 1, and keeps CSS px for hit-testing', () => {
    const drawn = room(1);
    const retina = { ...view, ratio: 2, width: 80, height: 60 };
    expect(projectPoints(retina, columns([[110, 210, 0]]), [0], reach, drawn)).toBe(1);
    expect(drawn.centre[0]).toBe(20 * 80 + 20);
    expect([drawn.xs[0], drawn.ys[0]]).toEqual([10.25, 10.25]);
  });

  it('stamps the dots into a cleared buffer', () => {
    const target = new Int32Array(width * height).fill(123);
    const count = draw(
      target,
      columns([
        [110, 210, 0],
        [125, 215, 1],
      ]),
      [0, 1],
    );
    expect(count).toBe(2);
    expect(target[10 * width + 10]).toBe(pixelValue(RED));
    expect(target[15 * width + 25]).toBe(pixelValue(BLUE));
    expect(target[0]).toBe(0);
  });

  it('draws the last of two points at one place on top', () => {
    const target = new Int32Array(width * height);
    const points = columns([
      [110, 210, 0],
      [110, 210, 1],
    ]);
    draw(target, points, [1, 0]);
    expect(target[10 * width + 10]).toBe(pixelValue(RED));
    draw(target, points, [0, 1]);
    expect(target[10 * width + 10]).toBe(pixelValue(BLUE));
  });

  it('skips points whose dot would cross the buffer’s edge, and those outside it', () => {
    const points = columns([
      [100 + reach - 1, 210, 0],
      [100 + reach, 210, 0],
      [100 + width - reach, 210, 0],
      [50, 50, 0],
      [Number.NaN, 210, 0],
    ]);
    const drawn = room(5);
    expect(projectPoints(view, points, [0, 1, 2, 3, 4], reach, drawn)).toBe(1);
    expect(drawn.index[0]).toBe(1);
  });

  it('throws when there is no room for the drawn points, naming the sizes', () => {
    const points = columns([[110, 210, 0]]);
    expect(() => projectPoints(view, points, [0], reach, room(0))).toThrow('Room for 0 drawn points, need 1');
    expect(() => stampPoints(new Int32Array(width * height), room(0), 1, points.style, styles)).toThrow(
      '1 points to stamp, 0 drawn',
    );
  });
});

describe('plotTrail', () => {
  /** Where `value` was written in a `width`-wide buffer, as "x,y". */
  const written = (pixels: Int32Array, width: number, value: number) =>
    [...pixels.keys()].filter((k) => pixels[k] === value).map((k) => `${k % width},${Math.floor(k / width)}`);

  it('plots squares centred on each point in view, and skips those out of it', () => {
    const value = pixelValue(BLUE, 150);
    const view = { scale: 256, left: 100, top: 50, ratio: 1, width: 10, height: 8 };
    const pixels = new Int32Array(view.width * view.height);
    // World pixels (103, 54) and (108.6, 51.2) are in view; (99, 55) lies left of it, (105, 58) below.
    const xy = new Float32Array([103, 54, 108.6, 51.2, 99, 55, 105, 58].map((p) => p / 256));
    expect(plotTrail(pixels, view, xy, 2, value)).toBe(2);
    expect(written(pixels, view.width, value).sort()).toEqual(
      ['2,3', '3,3', '2,4', '3,4', '8,0', '9,0', '8,1', '9,1'].sort(),
    );
  });

  it('places points in device pixels on a high-density screen', () => {
    const value = pixelValue(RED);
    const view = { scale: 512, left: 0, top: 0, ratio: 2, width: 12, height: 12 };
    const pixels = new Int32Array(view.width * view.height);
    // CSS pixel (3, 2) at this scale is device pixel (6, 4); a 2-px square covers 5..6 and 3..4.
    expect(plotTrail(pixels, view, new Float32Array([3 / 512, 2 / 512]), 2, value)).toBe(1);
    expect(written(pixels, view.width, value).sort()).toEqual(['5,3', '6,3', '5,4', '6,4'].sort());
  });
});

describe('InkTiles', () => {
  it('marks the tiles a stamp reaches, as one rectangle per run of tiles in a row', () => {
    // 200 × 130 px in tiles of 64: 4 columns (the last 8 px wide) and 3 rows (the last 2 px high).
    const ink = new InkTiles(200, 130, 64, 64);
    expect([ink.columns, ink.rows, ink.empty]).toEqual([4, 3, true]);
    // A dot at (10, 10) reaching 3 px: tile (0, 0). One at (63, 100): tiles (0, 1) and (1, 1) across the
    // edge at x = 64. One at (199, 129) in the corner: the last column's tiles of rows 1 and 2 (it reaches up
    // to y = 126), cut to the buffer.
    ink.mark(Int32Array.of(10 * 200 + 10, 100 * 200 + 63, 129 * 200 + 199), 3, 3);
    expect(ink.empty).toBe(false);
    expect(ink.rectangles()).toEqual([
      [0, 0, 64, 64],
      [0, 64, 128, 64],
      [192, 64, 8, 64],
      [192, 128, 8, 2],
    ]);
  });

  it('marks only the first `count` centres', () => {
    const ink = new InkTiles(200, 130, 64, 64);
    ink.mark(Int32Array.of(10, 129 * 200 + 199), 1, 2);
    expect(ink.rectangles()).toEqual([[0, 0, 64, 64]]);
  });

  it('clears the pixels of its tiles and nothing else, then is empty', () => {
    const width = 200;
    const pixels = new Int32Array(width * 130).fill(7);
    const ink = new InkTiles(width, 130, 64, 64);
    ink.mark(Int32Array.of(100 * width + 70), 1, 1); // tile (1, 1): x 64..127, y 64..127
    ink.clear(pixels);
    expect(ink.empty).toBe(true);
    expect(ink.rectangles()).toEqual([]);
    const cleared = (x: number, y: number) => pixels[y * width + x] === 0;
    expect([cleared(64, 64), cleared(127, 127), cleared(70, 100)]).toEqual([true, true, true]);
    expect([cleared(63, 64), cleared(128, 100), cleared(70, 63), cleared(70, 128)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(pixels.filter((v) => v === 0).length).toBe(64 * 64);
  });

  it('covers every pixel that stampPoints inks', () => {
    // A stamp's pixels lie within its reach of the centre: the tiles then hold all of them.
    const geometry: DotGeometry = { radius: 4, outline: 1, ring: 0 };
    const width = 300;
    const height = 200;
    const stamp = buildStamp(DOT_STYLES[0] as (typeof DOT_STYLES)[number], geometry, 1, width);
    const reach = stampReach(geometry, 1);
    expect(reach).toBe(4);
    const centres = [
      [reach, reach],
      [150, 100],
      [width - 1 - reach, height - 1 - reach],
      [64, 63],
    ].map(([x, y]) => (y as number) * width + (x as number));
    const drawn: DrawnPoints = {
      xs: new Float32Array(4),
      ys: new Float32Array(4),
      index: Uint32Array.of(0, 1, 2, 3),
      centre: Int32Array.from(centres),
    };
    const pixels = new Int32Array(width * height);
    stampPoints(pixels, drawn, 4, new Uint8Array(4), [stamp]);
    const ink = new InkTiles(width, height, 64, 8);
    ink.mark(drawn.centre, 4, reach);
    const inside = new Uint8Array(width * height);
    for (const [x, y, w, h] of ink.rectangles())
      for (let row = y; row < y + h; row++) inside.fill(1, row * width + x, row * width + x + w);
    const inked = [...pixels.keys()].filter((i) => pixels[i] !== 0);
    expect(inked.length).toBeGreaterThan(0);
    expect(inked.filter((i) => inside[i] === 0)).toEqual([]);
  });

  it('cuts wide, short tiles by default, so a dot touches few rows', () => {
    const ink = new InkTiles(200, 130);
    expect([ink.tileWidth, ink.tileHeight, ink.columns, ink.rows]).toEqual([64, 8, 4, 17]);
    ink.mark(Int32Array.of(50 * 200 + 100), 1, 4); // rows 46..54: tiles rows 5 and 6
    expect(ink.rectangles()).toEqual([
      [64, 40, 64, 8],
      [64, 48, 64, 8],
    ]);
  });

  it('refuses a size it cannot cut', () => {
    expect(() => new InkTiles(10.5, 4)).toThrow(/10.5 × 4/);
    expect(() => new InkTiles(10, 4, 0)).toThrow(/tiles 0 × 8/);
  });
});
