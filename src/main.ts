/**
 * Composition root: the page's fixed parts, the start-up load, and mounting a dataset. No logic lives
 * here: loading is `io/load-dataset`, checking a link's data source is `io/data-source`, and everything
 * drawn for one dataset is `ui/dataset-view`.
 */
import 'leaflet/dist/leaflet.css';
import './style.css';
import './map/map.css';
import type L from 'leaflet';
import bundledDatasetUrl from '../geodata/incidents.geojson?url';
import { preloadRecordReader } from './io/record-blob';
import { ShelfStore } from './io/shelf-store';
import { writeDatasetNames } from './io/url-history';
import type { Basemap } from './map/basemap';
import { CountRulePreference } from './ui/count-rule';
import { DataPanel } from './ui/data-panel';
import type { DatasetView } from './ui/dataset-view';
import { showDatasetHeader, showLoadFailure } from './ui/header';
import { Notices } from './ui/notices';
import { Shelf } from './ui/shelf';
import { startUp } from './ui/startup';
import { ViewSwitcher } from './ui/view-switcher';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const narrowScreen = window.matchMedia('(max-width: 899px)');

const notices = new Notices(byId('notices'));
/** The map, once made (the next task); until then there is none to resize. */
let mapMade: L.Map | null = null;
const switcher = new ViewSwitcher(byId('view-switcher'), byId('layout'), (panel) => {
  if (panel === 'map') mapMade?.invalidateSize();
});
// The map and the basemap from a chunk of their own (with Leaflet), fetched and run after this script has
// begun the load: this script, the page's first task, stays short.
const mapCode = import('./map/map-setup');
const mapReady = mapCode.then(({ makeMap }) => {
  mapMade = makeMap(byId('map'));
  return mapMade;
});
// The basemap from the task after the map's.
const basemapAdded = mapCode.then(({ addBasemap }) =>
  mapReady.then((map) => new Promise<Basemap>((resolve) => setTimeout(() => resolve(addBasemap(map)), 0))),
);
void basemapAdded.then((basemap) => {
  basemap.ready.catch((error: Error) =>
    notices.show('basemap', 'warning', 'The basemap is missing', error.message),
  );
  for (const part of [basemap.detail, basemap.townDetail])
    part.catch((error: Error) =>
      notices.show('basemap-detail', 'warning', 'Part of the basemap is missing', error.message),
    );
});
// A streamed file's incidents drawn as they are read (map/load-preview.ts), until its dataset mounts.
const loadPreview = mapCode.then(({ LoadPreviewLayer }) =>
  mapReady.then((map) => new LoadPreviewLayer().addTo(map)),
);
const clearPreview = () => void loadPreview.then((layer) => layer.clear());
const previewFor = (fitFirst: boolean) => ({
  add: (xy: Float32Array) => void loadPreview.then((layer) => layer.add(xy, { fitFirst })),
  clear: clearPreview,
});
const header = {
  name: byId('dataset-name'),
  count: byId('result-count'),
  clear: byId<HTMLButtonElement>('clear-filters'),
};
const host = {
  notices,
  list: byId('incident-list'),
  filters: byId('filters'),
  timeline: byId('timeline'),
  mapPanel: byId('map-panel'),
  count: header.count,
  clear: header.clear,
  narrow: () => narrowScreen.matches,
  onShown: (n: number) => shelf.setShownCount(n),
  countRule: new CountRulePreference(window.localStorage),
  showMap: () => {
    if (narrowScreen.matches) switcher.show('map');
  },
};

// What draws a dataset is a chunk of its own, fetched and compiled while the data loads: the page's first
// task (the script's evaluation) stays short. A dataset is mounted once it, the map and the basemap are here.
const datasetViews = Promise.all([import('./ui/dataset-view'), mapReady, basemapAdded]);
let mounted: DatasetView | null = null;
/** Counts mounts and unmounts, so a mount whose code arrives after a newer one does nothing. */
let mounts = 0;

const crashed = (error: unknown) => {
  // A bug, not bad data: say so on the page rather than leave it blank.
  notices.show(
    'crash',
    'error',
    'Something went wrong',
    String(error instanceof Error ? error.message : error),
  );
  console.error(error);
};

const shelf = new Shelf({
  notices,
  store: new ShelfStore(),
  mount(dataset) {
    mounted?.unmount();
    mounted = null;
    const mount = ++mounts;
    notices.remove('load-failed');
    showDatasetHeader(header, dataset);
    datasetViews.then(([{ DatasetView }, map, basemap]) => {
      if (mount !== mounts) return;
      mounted = new DatasetView(dataset, { ...host, map, basemap });
      clearPreview(); // in this task: the dataset's own points are in the same frame
    }, crashed);
  },
  showNothing(message) {
    mounted?.unmount();
    mounted = null;
    mounts++;
    clearPreview();
    showLoadFailure(header, notices, message, [], true);
  },
  writeDatasetNames,
  preview: previewFor(false),
});
const dataPanel = new DataPanel(byId('data-controls'), {
  onFiles: (files) => void shelf.open(files),
  onRemove: (key) => void shelf.remove(key),
  onExport: (format) => mounted?.exportShown(format),
});

// The record reader is fetched while the data loads, as the code that draws a dataset is.
preloadRecordReader();
startUp({
  shelf,
  notices,
  bundledUrl: bundledDatasetUrl,
  preview: previewFor(true),
  fail: (message, issues, offerBundled) => {
    clearPreview();
    showLoadFailure(header, notices, message, issues, offerBundled);
  },
}).catch(crashed);
// The data controls show the shelf from the next task on: the load has started, and the page's first task
// stays short (their first number formatting is the first use of Intl, ~10–20 ms).
setTimeout(() => shelf.attach(dataPanel), 0);
