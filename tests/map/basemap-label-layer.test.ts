// @vitest-environment happy-dom
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabelLayer, type MapLabel } from '../../src/map/basemap-labels';

let container: HTMLDivElement;
let map: L.Map;
let labels: LabelLayer;

beforeEach(() => {
  container = document.createElement('div');
  // happy-dom does no layout: give the map a size of its own.
  Object.defineProperty(container, 'clientWidth', { value: 800 });
  Object.defineProperty(container, 'clientHeight', { value: 600 });
  document.body.append(container);
  map = L.map(container, { center: [34, 42], zoom: 6, zoomAnimation: false, fadeAnimation: false });
  labels = new LabelLayer(map);
});

afterEach(() => {
  labels.remove();
  map.remove();
  container.remove();
});

const place = (text: string, lon: number, lat: number): MapLabel => ({ text, lon, lat, kind: 'place' });
const shown = () => [...container.querySelectorAll('.map-label-place')].map((e) => e.textContent);
const element = (text: string) =>
  [...container.querySelectorAll('.map-label-place')].find((e) => e.textContent === text);

describe('LabelLayer.replace', () => {
  it('keeps the element of a place still named, drops the others, adds the new', () => {
    labels.replace('place', [place('Baghdad', 44.4, 33.3), place('Kirkuk', 44.4, 35.5)]);
    expect(shown().sort()).toEqual(['Baghdad', 'Kirkuk']);
    const baghdad = element('Baghdad');
    expect(baghdad).toBeDefined();

    labels.replace('place', [place('Baghdad', 44.4, 33.3), place('Mosul', 43.13, 36.34)]);
    expect(shown().sort()).toEqual(['Baghdad', 'Mosul']);
    expect(element('Baghdad')).toBe(baghdad); // the same marker: nothing re-created
    expect(element('Kirkuk')).toBeUndefined();

    labels.replace('place', []);
    expect(shown()).toEqual([]);
  });

  it('names two places of the same name and point twice, and forgets both', () => {
    labels.replace('place', [place('Hit', 42.8, 33.6)]);
    labels.replace('place', [place('Hit', 42.8, 33.6), place('Hit', 42.8, 33.6)]);
    expect(labels['drawn' as keyof LabelLayer]).toHaveLength(2);
    labels.replace('place', []);
    expect(labels['drawn' as keyof LabelLayer]).toHaveLength(0);
    expect(shown()).toEqual([]);
  });

  it('leaves the basemap names of other kinds alone', () => {
    labels.add([{ text: 'Syria', lon: 38.5, lat: 35, kind: 'country' }]);
    labels.replace('place', [place('Baghdad', 44.4, 33.3)]);
    labels.replace('place', []);
    expect(container.querySelector('.map-label-country')?.textContent).toBe('Syria');
  });

  it('refuses a label of another kind', () => {
    expect(() => labels.replace('place', [{ text: 'Iraq', lon: 44, lat: 33, kind: 'country' }])).toThrow(
      /country label among the place labels/,
    );
  });
});

describe('LabelLayer positions', () => {
  const positionOf = (text: string) => {
    const e = element(text) as HTMLElement;
    return L.DomUtil.getPosition(e);
  };

  it('puts a name at its layer point, and leaves it be on a pan', () => {
    labels.replace('place', [place('Baghdad', 44.4, 33.3)]);
    const at = map.latLngToLayerPoint([33.3, 44.4]).round();
    expect(positionOf('Baghdad')).toEqual(at);
    const baghdad = element('Baghdad') as HTMLElement;
    const transform = baghdad.style.transform;
    map.panBy([40, 25], { animate: false });
    expect(element('Baghdad')).toBe(baghdad);
    expect(baghdad.style.transform).toBe(transform); // the pane moved, not the name
    expect(positionOf('Baghdad')).toEqual(map.latLngToLayerPoint([33.3, 44.4]).round());
  });

  it('moves the names to where Leaflet will put them at the end of a zoom', () => {
    labels.replace('place', [place('Baghdad', 44.4, 33.3), place('Mosul', 43.13, 36.34)]);
    const center = L.latLng(34.5, 43.2);
    map.fire('zoomanim', { center, zoom: 8, noUpdate: false });
    // Leaflet's own projection for a marker during the same animation (Marker._animateZoom).
    const leaflet = map as unknown as {
      _latLngToNewLayerPoint(latlng: L.LatLngExpression, zoom: number, center: L.LatLng): L.Point;
    };
    const named: [string, L.LatLngTuple][] = [
      ['Baghdad', [33.3, 44.4]],
      ['Mosul', [36.34, 43.13]],
    ];
    for (const [text, latlng] of named)
      expect(positionOf(text)).toEqual(leaflet._latLngToNewLayerPoint(latlng, 8, center).round());
  });

  it('places the names for the end of a zoom as it starts: the layout after it leaves them be', () => {
    labels.replace('place', [place('Baghdad', 44.4, 33.3)]);
    const baghdad = element('Baghdad') as HTMLElement;
    const center = L.latLng(34.5, 43.2);
    map.fire('zoomanim', { center, zoom: 8, noUpdate: false });
    const placed = vi.spyOn(L.DomUtil, 'setPosition');
    try {
      map.setView(center, 8, { animate: false }); // zoomend and moveend: a layout at the new zoom
      expect(placed.mock.calls.filter(([e]) => e === baghdad)).toEqual([]);
    } finally {
      placed.mockRestore();
    }
    expect(element('Baghdad')).toBe(baghdad);
    expect(positionOf('Baghdad')).toEqual(map.latLngToLayerPoint([33.3, 44.4]).round());
  });

  it('takes its names and its listeners off the map when removed', () => {
    labels.replace('place', [place('Baghdad', 44.4, 33.3)]);
    labels.remove();
    expect(container.querySelector('.map-label')).toBeNull();
    expect(map.listens('zoomanim')).toBe(false);
    labels = new LabelLayer(map); // for afterEach
  });
});
