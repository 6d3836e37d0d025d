/**
 * Composition root: load → validate → index → filter → render, wired together. No logic lives here.
 */
import 'leaflet/dist/leaflet.css';
import './style.css';
import './map/map.css';
import L from 'leaflet';
import bundledDatasetUrl from '../geodata/incidents.geojson?url';
import { el } from './dom/el';
import { typesPresent } from './domain/filter';
import { datePresets } from './domain/histogram';
import { formatIssue } from './domain/issues';
import { buildPlaceTable, placeNames } from './domain/places';
import { decodeView } from './domain/view-state';
import { openDataset } from './io/dataset';
import { dataParam, hrefForView, onHistoryMove, readQuery, writeView } from './io/url-history';
import { addBasemap } from './map/basemap';
import { IncidentLayer } from './map/incident-layer';
import { addLegend } from './map/legend';
import { buildPopupContent } from './map/popup-content';
import { Atlas } from './ui/atlas';
import { FiltersPanel } from './ui/filters-panel';
import { IncidentList } from './ui/incident-list';
import { Notices } from './ui/notices';
import { Timeline } from './ui/timeline';
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

async function start(): Promise<void> {
  const requested = dataParam();
  const name = requested ?? 'the bundled dataset';
  const result = await openDataset(requested ?? bundledDatasetUrl, name);
  const datasetName = byId('dataset-name');
  const count = byId('result-count');
  if (!result.ok) {
    datasetName.textContent = 'No dataset loaded';
    count.textContent = 'No incidents';
    byId<HTMLButtonElement>('clear-filters').disabled = true;
    notices.show(
      'load-failed',
      'error',
      'The dataset could not be loaded',
      el('p', {}, result.message),
      result.issues.length > 0 ? el('ul', {}, ...result.issues.map((i) => el('li', {}, formatIssue(i)))) : '',
      requested === null
        ? ''
        : el(
            'p',
            {},
            el('a', { attrs: { href: window.location.pathname } }, 'Open the bundled dataset instead'),
          ),
    );
    return;
  }
  const { dataset, issues } = result;
  const { incidents, index } = dataset;
  datasetName.textContent =
    requested === null
      ? 'Camp Taji rocket attack and the events around it, Dec 2019 – Mar 2020'
      : `Dataset: ${requested}`;
  notices.showLoadReport(name, incidents.length, issues);
  const vocabulary = { actors: new Set(index.actorNames), ids: new Set(dataset.positionOf.keys()) };
  const decoded = decodeView(readQuery(), vocabulary);
  if (decoded.notices.length > 0) {
    notices.show(
      'url',
      'info',
      'Some link parameters were ignored',
      el('ul', {}, ...decoded.notices.map((n) => el('li', {}, n))),
    );
  }

  let atlas: Atlas | null = null;
  const places = buildPlaceTable(incidents);
  const layer = new IncidentLayer(map, incidents, {
    onSelect: (i, byKeyboard) => atlas?.select(i, byKeyboard ? 'keyboard' : 'map'),
    onClose: (i) => atlas?.closed(i),
    popupContent: (i) =>
      buildPopupContent(incidents[i] as (typeof incidents)[number], {
        titleOf: (id) => incidents[dataset.positionOf.get(id) ?? -1]?.title ?? null,
        hrefOf: (id) => hrefForView(atlas?.pairsWithSelected(id) ?? [['id', id]]),
        open: (id) => atlas?.select(dataset.positionOf.get(id) ?? null, 'link'),
      }),
  });
  const list = new IncidentList(byId('incident-list'), incidents, {
    onChoose: (i) => atlas?.select(i, 'list'),
  });
  const types = typesPresent(index);
  const filters = new FiltersPanel(byId('filters'), {
    actorNames: index.actorNames,
    types,
    presets: datePresets(index.firstDay, index.lastDay, index.newestFirst),
    onChange: (filter) => atlas?.setFilter(filter),
  });
  const timeline = new Timeline(byId('timeline'), { onRangeChange: (range) => atlas?.setDateRange(range) });
  addLegend(
    map,
    types.map((t) => (t === 'none' ? null : t)),
    !narrowScreen.matches,
  );
  // Leave room for the legend (bottom right) so no incident starts hidden under it.
  const legendRoom = narrowScreen.matches ? 48 : 290;
  // The notices above may have just shrunk the map; measure it now rather than when the observer fires.
  map.invalidateSize({ pan: false });
  map.fitBounds(L.latLngBounds(incidents.map((i) => L.latLng(i.lat, i.lon))), {
    paddingTopLeft: [48, 48],
    paddingBottomRight: [legendRoom, 48],
    maxZoom: 9,
    animate: false, // an animated first fit would end after, and undo, the pan to an open popup
  });

  atlas = new Atlas(
    dataset,
    {
      layer,
      list,
      filters,
      timeline,
      count,
      clear: byId<HTMLButtonElement>('clear-filters'),
      writeUrl: writeView,
      labelPlaces: (shown) =>
        basemap.setPlaceLabels(placeNames(places, shown).map((p) => ({ ...p, kind: 'place' }))),
      showMap: () => {
        if (narrowScreen.matches) switcher.show('map');
      },
    },
    decoded.view,
  );
  onHistoryMove(() => atlas?.restore(decodeView(readQuery(), vocabulary).view));
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
