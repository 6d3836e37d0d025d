/**
 * One mounted dataset: the map layer, legend, list, filters, timeline and view controller made for it,
 * and the one `unmount` that removes all of them with their listeners. Mounting another dataset is
 * `unmount()` then a new DatasetView; nothing of the old one stays on the page or in memory.
 */
import L from 'leaflet';
import type { Dataset } from '../domain/dataset';
import { typesPresent } from '../domain/filter';
import { datePresets } from '../domain/histogram';
import { placeNames } from '../domain/places';
import { chainOf, storyLength } from '../domain/story';
import { decodeView } from '../domain/view-state';
import { hrefForView, onHistoryMove, readQuery, writeView } from '../io/url-history';
import type { Basemap } from '../map/basemap';
import { IncidentLayer } from '../map/incident-layer';
import { addLegend } from '../map/legend';
import { buildPopupChain } from '../map/popup-chain';
import { buildPopupContent } from '../map/popup-content';
import { RelationLayer } from '../map/relation-layer';
import { flyToStep } from '../map/story-camera';
import { Atlas } from './atlas';
import type { CountRulePreference } from './count-rule';
import type { ExportFormat } from './data-panel';
import { downloadExport } from './export-download';
import { FiltersPanel } from './filters-panel';
import { IncidentList } from './incident-list';
import type { Notices } from './notices';
import { StoryBar } from './story-bar';
import { Timeline } from './timeline';

/** The page's fixed parts a dataset view draws into. */
export interface DatasetViewHost {
  readonly map: L.Map;
  readonly basemap: Basemap;
  readonly notices: Notices;
  readonly list: HTMLElement;
  readonly filters: HTMLElement;
  readonly timeline: HTMLElement;
  /** The map panel: the story bar sits at its top. */
  readonly mapPanel: HTMLElement;
  readonly count: HTMLElement;
  readonly clear: HTMLButtonElement;
  /** True on phone-sized screens, where one panel shows at a time. */
  narrow(): boolean;
  /** Brings the map panel into view on narrow screens. */
  showMap(): void;
  /** The filters now show `n` incidents. */
  onShown(n: number): void;
  /** The rule that picks one casualty figure where reports disagree. */
  readonly countRule: CountRulePreference;
}

const FIT = {
  padding: 48, // px around the incidents at the first fit
  legendRoomWide: 290, // px kept free at the bottom right for the open legend on wide screens
  legendRoomNarrow: 48, // px for the collapsed legend on phones
  maxZoom: 9, // never closer than this at the first fit, so a single incident keeps its context
};

/**
 * User Timing measures of the steps of mounting (`incident-atlas:mount <step>`), for the benchmark and the
 * browser's performance panel: each call measures from the previous one.
 */
function stopwatch(prefix: string): (step: string) => void {
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    performance.measure(`${prefix} ${step}`, { start: last, end: now });
    last = now;
  };
}

/** The bounds of every incident, computed from the numbers (no Leaflet object per incident). */
function incidentBounds(dataset: Dataset): L.LatLngBounds | null {
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  for (const incident of dataset.incidents) {
    if (incident.lat < south) south = incident.lat;
    if (incident.lat > north) north = incident.lat;
    if (incident.lon < west) west = incident.lon;
    if (incident.lon > east) east = incident.lon;
  }
  return south > north ? null : L.latLngBounds([south, west], [north, east]);
}

export class DatasetView {
  private readonly atlas: Atlas;
  private readonly layer: IncidentLayer;
  private readonly timeline: Timeline;
  private readonly legend: L.Control;
  private readonly relations: RelationLayer;
  private readonly storyBar: StoryBar;
  private readonly teardown: (() => void)[] = [];

  constructor(
    readonly dataset: Dataset,
    private readonly host: DatasetViewHost,
  ) {
    const { incidents, index, positionOf } = dataset;
    // Story mode: the relation graph once per dataset, the "Relations" overlay and the story bar.
    const lap = stopwatch('incident-atlas:mount');
    const { graph, places } = dataset;
    // Its legend starts folded: open, it would cover the popup it explains (one click shows it).
    this.relations = new RelationLayer(incidents, false).addTo(host.map);
    host.basemap.layers.addOverlay(this.relations, 'Relations');
    this.storyBar = new StoryBar(host.mapPanel, {
      onPrevious: () => atlas?.stepStory(-1),
      onNext: () => atlas?.stepStory(1),
      onExit: () => atlas?.exitStory(),
    });
    const vocabulary = {
      actors: new Set(index.actorNames),
      ids: new Set(positionOf.keys()),
      storyLength: (id: string) => storyLength(graph, positionOf.get(id)),
    };
    const decoded = decodeView(readQuery(), vocabulary);
    this.showUrlNotices(decoded.notices);

    // The parts call back into the view controller, which is made last: `atlas` is set before any event.
    let atlas: Atlas | null = null;
    lap('graph, places, story bar, link parameters');
    this.layer = new IncidentLayer(host.map, incidents, {
      onSelect: (i, byKeyboard) => atlas?.select(i, byKeyboard ? 'keyboard' : 'map'),
      onClose: (i) => atlas?.closed(i),
      popupContent: (i) =>
        buildPopupContent(incidents[i] as (typeof incidents)[number], {
          titleOf: (id) => incidents[positionOf.get(id) ?? -1]?.title ?? null,
          hrefOf: (id) => hrefForView(atlas?.pairsWithSelected(id) ?? [['id', id]]),
          open: (id) => atlas?.select(positionOf.get(id) ?? null, 'link'),
          chain: (incident) =>
            buildPopupChain(chainOf(graph, i), incidents, {
              hrefOf: (id) => hrefForView(atlas?.pairsWithSelected(id) ?? [['id', id]]),
              open: (j) => atlas?.openFromChain(j),
              follow: atlas?.following() ? null : () => atlas?.startStory(incident.id),
            }),
        }),
    });
    lap('map layer');
    const list = new IncidentList(host.list, incidents, {
      onChoose: (i) => atlas?.select(i, 'list'),
      countRule: host.countRule.get(),
      onCountRule: (rule) => host.countRule.set(rule),
    });
    const types = typesPresent(index);
    lap('list');
    const filters = new FiltersPanel(host.filters, {
      actorNames: index.actorNames,
      types,
      presets: datePresets(index.firstDay, index.lastDay, index.newestFirst),
      onChange: (filter) => atlas?.setFilter(filter),
    });
    lap('filters');
    this.timeline = new Timeline(host.timeline, { onRangeChange: (range) => atlas?.setDateRange(range) });
    this.legend = addLegend(
      host.map,
      types.map((t) => (t === 'none' ? null : t)),
      !host.narrow(),
    );
    this.fit();
    lap('timeline, legend, fit');
    atlas = new Atlas(
      dataset,
      {
        layer: this.layer,
        list,
        filters,
        timeline: this.timeline,
        count: host.count,
        clear: host.clear,
        writeUrl: writeView,
        labelPlaces: (shown) => {
          host.basemap.setPlaceLabels(placeNames(places, shown).map((p) => ({ ...p, kind: 'place' })));
          host.onShown(shown.length);
        },
        showMap: () => host.showMap(),
        story: {
          graph,
          bar: this.storyBar,
          relations: this.relations,
          flyTo: (i, done) => {
            const incident = incidents[i] as (typeof incidents)[number];
            return flyToStep(host.map, incident.lat, incident.lon, done);
          },
        },
      },
      decoded.view,
    );
    this.atlas = atlas;
    lap('first render');
    this.teardown.push(
      onHistoryMove(() => this.atlas.restore(decodeView(readQuery(), vocabulary).view)),
      () => host.list.replaceChildren(),
      () => host.filters.replaceChildren(),
    );
  }

  /** Downloads the incidents shown (after the filters) in `format`. */
  exportShown(format: ExportFormat): void {
    void downloadExport(
      format,
      this.dataset,
      this.atlas.visible(),
      this.atlas.currentFilter(),
      this.host.countRule.get(),
      this.host.notices,
    );
  }

  /** Removes everything this view added to the page and the map, with every listener. */
  unmount(): void {
    for (const undo of this.teardown.splice(0)) undo();
    this.atlas.destroy();
    this.storyBar.destroy();
    this.host.basemap.layers.removeLayer(this.relations);
    this.relations.remove();
    this.layer.destroy();
    this.timeline.destroy();
    this.legend.remove();
    this.host.basemap.setPlaceLabels([]);
    this.host.notices.remove('url');
  }

  /** Fits the map to the incidents, leaving room for the legend so none starts hidden under it. */
  private fit(): void {
    const bounds = incidentBounds(this.dataset);
    if (bounds === null) return;
    const legendRoom = this.host.narrow() ? FIT.legendRoomNarrow : FIT.legendRoomWide;
    // Notices above may have just shrunk the map; measure it now rather than when the observer fires.
    this.host.map.invalidateSize({ pan: false });
    this.host.map.fitBounds(bounds, {
      paddingTopLeft: [FIT.padding, FIT.padding],
      paddingBottomRight: [legendRoom, FIT.padding],
      maxZoom: FIT.maxZoom,
      animate: false, // an animated first fit would end after, and undo, the pan to an open popup
    });
  }

  private showUrlNotices(notices: readonly string[]): void {
    if (notices.length > 0)
      this.host.notices.showList('url', 'info', 'Some link parameters were ignored', notices);
  }
}
