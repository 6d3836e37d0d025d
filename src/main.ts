/**
 * Composition root: the page's fixed parts, the start-up load, and mounting a dataset. No logic lives
 * here: loading is `io/load-dataset`, checking a link's data source is `io/data-source`, and everything
 * drawn for one dataset is `ui/dataset-view`.
 */
import 'leaflet/dist/leaflet.css';
import './style.css';
import './map/map.css';
import L from 'leaflet';
import bundledDatasetUrl from '../geodata/incidents.geojson?url';
import type { Dataset } from './domain/dataset';
import { quotedParam, resolveDataSource, TrustedOrigins } from './io/data-source';
import { loadFromUrl } from './io/load-dataset';
import { dataParam } from './io/url-history';
import { addBasemap } from './map/basemap';
import { askToLoadFrom } from './ui/consent';
import { DatasetView } from './ui/dataset-view';
import { showDatasetHeader, showLoadFailure } from './ui/header';
import { LoadProgress } from './ui/load-progress';
import { Notices } from './ui/notices';
import { ViewSwitcher } from './ui/view-switcher';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const narrowScreen = window.matchMedia('(max-width: 899px)');

const notices = new Notices(byId('notices'));
const mapElement = byId('map');
const map = L.map(mapElement, { center: [33.5, 43], zoom: 5, minZoom: 2, worldCopyJump: true });
new ResizeObserver(() => map.invalidateSize()).observe(mapElement);
const basemap = addBasemap(map);
basemap.ready.catch((error: Error) =>
  notices.show('basemap', 'warning', 'The basemap is missing', error.message),
);
const switcher = new ViewSwitcher(byId('view-switcher'), byId('layout'), (panel) => {
  if (panel === 'map') map.invalidateSize();
});
const header = {
  name: byId('dataset-name'),
  count: byId('result-count'),
  clear: byId<HTMLButtonElement>('clear-filters'),
};
const host = {
  map,
  basemap,
  notices,
  list: byId('incident-list'),
  filters: byId('filters'),
  timeline: byId('timeline'),
  count: header.count,
  clear: header.clear,
  narrow: () => narrowScreen.matches,
  showMap: () => {
    if (narrowScreen.matches) switcher.show('map');
  },
};

let mounted: DatasetView | null = null;

function mount(dataset: Dataset): void {
  mounted?.unmount();
  showDatasetHeader(header, dataset);
  mounted = new DatasetView(dataset, host);
}

/** Loads the link's `?data=` (after asking, for another site) or the bundled dataset, and mounts it. */
async function start(): Promise<void> {
  const requested = dataParam();
  const offerBundled = requested !== null;
  let url = bundledDatasetUrl;
  let name = 'the bundled dataset';
  let origin: Dataset['origin'] = { kind: 'bundled' };
  if (requested !== null) {
    const source = resolveDataSource(requested, window.location.href);
    if (!source.ok) return showLoadFailure(header, notices, source.message, [], offerBundled);
    name = quotedParam('data', requested);
    if (source.crossOrigin) {
      const trusted = new TrustedOrigins(window.localStorage);
      if (!trusted.has(source.origin)) {
        if (!(await askToLoadFrom(notices, source.host))) {
          const message = `The incidents of ${name} were not loaded: you chose not to load data from ${source.host}.`;
          return showLoadFailure(header, notices, message, [], offerBundled);
        }
        trusted.add(source.origin);
      }
    }
    url = source.url;
    origin = { kind: 'url', url: source.url, host: source.host, crossOrigin: source.crossOrigin };
  }
  const cancel = new AbortController();
  const progress = new LoadProgress(notices, name, () => cancel.abort());
  const result = await loadFromUrl(url, name, origin, {
    signal: cancel.signal,
    onProgress: (p) => progress.update(p),
  });
  progress.done();
  if (!result.ok) return showLoadFailure(header, notices, result.message, result.issues, offerBundled);
  notices.showLoadReport(name, result.dataset.incidents.length, result.issues);
  mount(result.dataset);
}

start().catch((error: unknown) => {
  // A bug, not bad data: say so on the page rather than leave it blank.
  notices.show(
    'crash',
    'error',
    'Something went wrong',
    String(error instanceof Error ? error.message : error),
  );
  console.error(error);
});
