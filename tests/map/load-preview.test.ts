// @vitest-environment happy-dom
/**
 * The load preview's part that happy-dom can check: which points it keeps, and when the first ones move
 * the map (a file about somewhere else) or leave it (a file about what is in view, or a file opened over a
 * dataset shown). The pixels are point-raster.test.ts `plotTrail`; the browser test (e2e/large) sees them.
 */
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mercatorX, mercatorY } from '../../src/domain/mercator';
import { LoadPreviewLayer } from '../../src/map/load-preview';

const xyOf = (...lonLats: [number, number][]) =>
  new Float32Array(lonLats.flatMap(([lon, lat]) => [mercatorX(lon), mercatorY(lat)]));

let element: HTMLDivElement;
let map: L.Map;

beforeEach(() => {
  element = document.createElement('div');
  // happy-dom lays nothing out: give the map a size.
  Object.defineProperty(element, 'clientWidth', { value: 800 });
  Object.defineProperty(element, 'clientHeight', { value: 600 });
  document.body.append(element);
  map = L.map(element, { center: [33.5, 43], zoom: 5 });
});

afterEach(() => {
  map.remove();
  element.remove();
});

describe('LoadPreviewLayer', () => {
  it('moves the map to the first points when none of them is in view, and not closer than zoom 7', () => {
    const layer = new LoadPreviewLayer().addTo(map);
    layer.add(xyOf([7.49, 9.06], [8.52, 12.0], [3.38, 6.52]), { fitFirst: true }); // Nigeria
    expect(map.getBounds().contains([9.06, 7.49])).toBe(true);
    expect(map.getBounds().contains([6.52, 3.38])).toBe(true);
    expect(map.getZoom()).toBeLessThanOrEqual(7);
    // Later points never move it again.
    const centre = map.getCenter();
    layer.add(xyOf([-70, -30]), { fitFirst: true });
    expect(map.getCenter()).toEqual(centre);
    expect(layer.size).toBe(4);
  });

  it('leaves the map where it is when one of the first points is in view', () => {
    const layer = new LoadPreviewLayer().addTo(map);
    const centre = map.getCenter();
    layer.add(xyOf([7.49, 9.06], [44.36, 33.31]), { fitFirst: true }); // Nigeria and Camp Taji
    expect(map.getCenter()).toEqual(centre);
    expect(map.getZoom()).toBe(5);
  });

  it('leaves the map where it is without fitFirst (a file opened over a dataset shown)', () => {
    const layer = new LoadPreviewLayer().addTo(map);
    const centre = map.getCenter();
    layer.add(xyOf([7.49, 9.06]));
    expect(map.getCenter()).toEqual(centre);
  });

  it('forgets every point on clear, and fits again for the next load', () => {
    const layer = new LoadPreviewLayer().addTo(map);
    layer.add(xyOf([44.36, 33.31], [43, 34]), { fitFirst: true });
    expect(layer.size).toBe(2);
    layer.clear();
    expect(layer.size).toBe(0);
    layer.add(xyOf([7.49, 9.06]), { fitFirst: true });
    expect(map.getBounds().contains([9.06, 7.49])).toBe(true);
  });

  it('ignores an empty piece', () => {
    const layer = new LoadPreviewLayer().addTo(map);
    layer.add(new Float32Array(0), { fitFirst: true });
    expect(layer.size).toBe(0);
    layer.add(xyOf([7.49, 9.06]), { fitFirst: true });
    expect(map.getBounds().contains([9.06, 7.49])).toBe(true);
  });

  it('takes its canvas off the map when removed', () => {
    const layer = new LoadPreviewLayer().addTo(map);
    expect(element.querySelectorAll('.leaflet-loadPreview-pane canvas')).toHaveLength(1);
    layer.remove();
    expect(element.querySelectorAll('.leaflet-loadPreview-pane canvas')).toHaveLength(0);
  });
});
