// @vitest-environment happy-dom
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
