/**
 * What both peer pages share: load the same GeoJSON file as Incident Atlas (fetch, then JSON.parse of the
 * whole text), the day range each incident covers (so a date filter means the same as in the app), a
 * popup built from DOM nodes (untrusted text only through textContent), and the page API the harness
 * drives (window.__bench, window.__benchReady).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { dayRange } from './day-range';

export { markFirstPainted, markPainted, start } from './ready';

export interface PeerFeature {
  readonly id: string;
  readonly geometry: { readonly coordinates: readonly [number, number] };
  readonly properties: {
    readonly title: string;
    readonly summary?: string;
    readonly date: string;
    readonly datePrecision?: string;
    readonly eventType?: string | null;
    readonly actors?: readonly { readonly name: string }[];
  };
}

export interface Loaded {
  readonly features: readonly PeerFeature[];
  readonly firstDay: Int32Array;
  readonly lastDay: Int32Array;
  readonly bounds: L.LatLngBounds;
}

/** Fetches `?data=` and reads the whole file as one JSON text, as a typical Leaflet page does. */
export async function loadData(): Promise<Loaded> {
  const url = new URLSearchParams(window.location.search).get('data');
  if (!url) throw new Error('no ?data= given');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const json = JSON.parse(await response.text()) as { features: PeerFeature[] };
  const features = json.features;
  const firstDay = new Int32Array(features.length);
  const lastDay = new Int32Array(features.length);
  let south = 90;
  let west = 180;
  let north = -90;
  let east = -180;
  features.forEach((f, i) => {
    const [first, last] = dayRange(f.properties.date, f.properties.datePrecision);
    firstDay[i] = first;
    lastDay[i] = last;
    const [lon, lat] = f.geometry.coordinates;
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  });
  return { features, firstDay, lastDay, bounds: L.latLngBounds([south, west], [north, east]) };
}

/** The indices of the incidents a filter keeps. */
export function select(data: Loaded, from: number | null, actors: readonly string[]): number[] {
  const chosen = new Set(actors);
  const kept: number[] = [];
  data.features.forEach((f, i) => {
    if (from !== null && (data.lastDay[i] as number) < from) return;
    if (chosen.size > 0 && !f.properties.actors?.some((a) => chosen.has(a.name))) return;
    kept.push(i);
  });
  return kept;
}

/** A popup's content as nodes; data strings only as text. */
export function popupNode(f: PeerFeature): HTMLElement {
  const article = document.createElement('article');
  article.className = 'peer-popup';
  const title = document.createElement('h2');
  title.textContent = f.properties.title;
  const date = document.createElement('p');
  date.textContent = f.properties.date;
  const summary = document.createElement('p');
  summary.textContent = f.properties.summary ?? '';
  article.append(title, date, summary);
  return article;
}

/** A map filling the page, with no basemap (the app's basemap is not what is compared). */
export function createMap(options: L.MapOptions = {}): L.Map {
  const element = document.getElementById('map') as HTMLElement;
  return L.map(element, { maxZoom: 18, ...options, zoomSnap: 1 }).setView([34, 42], 5);
}
