// @vitest-environment happy-dom
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Chain } from '../../src/domain/story';
import { RelationLayer } from '../../src/map/relation-layer';

let container: HTMLDivElement;
let map: L.Map;

beforeEach(() => {
  container = document.createElement('div');
  // happy-dom does no layout: give the map a size of its own.
  Object.defineProperty(container, 'clientWidth', { value: 800 });
  Object.defineProperty(container, 'clientHeight', { value: 600 });
  document.body.append(container);
  map = L.map(container, { center: [33.5, 43], zoom: 6, zoomAnimation: false, fadeAnimation: false });
});

afterEach(() => {
  map.remove();
  container.remove();
});

/** Two incidents, Taji and Baghdad, the first the cause of the second. */
const points = {
  lat: Float64Array.of(33.53, 33.3),
  lon: Float64Array.of(44.26, 44.4),
  idOf: (i: number) => `incident-${i}`,
};
const chain: Chain = {
  start: 0,
  steps: [0, 1],
  framing: [],
  notRelated: [],
  links: [{ from: 0, to: 1, kind: 'causal' }],
  truncated: false,
};
/** The arcs drawn (not the arrowheads' shapes, which are markers). */
const arcs = () =>
  [...container.querySelectorAll('.relation-layer path')].filter((p) => p.closest('marker') === null);
const arrows = () => arcs().length;

describe('RelationLayer', () => {
  it('follows every move of the map only while it draws relations, and not once removed', () => {
    const layer = new RelationLayer(points, false).addTo(map);
    expect(map.listens('move')).toBe(false);
    layer.show(chain);
    expect(map.listens('move')).toBe(true);
    expect(arrows()).toBeGreaterThan(0);
    layer.show(null);
    expect(map.listens('move')).toBe(false);
    expect(arrows()).toBe(0);
    layer.show(chain);
    layer.remove();
    expect(map.listens('move')).toBe(false);
  });

  it('redraws its arrows where the incidents are after a pan', () => {
    const layer = new RelationLayer(points, false).addTo(map);
    layer.show(chain);
    const before = arcs()[0]?.getAttribute('d');
    expect(before).toBeTruthy();
    map.panBy([120, 80], { animate: false });
    const after = arcs()[0]?.getAttribute('d');
    expect(after).not.toBe(before);
    layer.remove();
  });
});
