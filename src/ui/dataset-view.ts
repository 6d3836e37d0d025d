/**
 * One mounted dataset: the map layer, legend, list, filters, timeline and view controller made for it,
 * and the one `unmount` that removes all of them with their listeners. Mounting another dataset is
 * `unmount()` then a new DatasetView; nothing of the old one stays on the page or in memory.
 */
import L from 'leaflet';
import { el } from '../dom/el';
import { columnBounds } from '../domain/columns';
import type { Dataset } from '../domain/dataset';
import { typesPresent } from '../domain/filter';
import { datePresets } from '../domain/histogram';
import type { Incident } from '../domain/incident';
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

/** The bounds of every incident, from the coordinate columns (no Leaflet object per incident). */
function incidentBounds(dataset: Dataset): L.LatLngBounds | null {
  const box = columnBounds(dataset.columns);
  if (box === null) return null;
  const [west, south, east, north] = box;
  return L.latLngBounds([south, west], [north, east]);
}

/**
 * The popup of the incident at `i`: its record, the records of the incidents its relations name and of its
 * chain's members, all read first (at once when they are at hand), then built.
 */
function popupFor(
  dataset: Dataset,
  i: number,
  build: (incidentAt: (j: number) => Incident | undefined) => HTMLElement,
): HTMLElement | Promise<HTMLElement> {
  const { records, graph } = dataset;
  const chain = chainOf(graph, i);
  const needed = (incident: Incident): number[] => {
    const related = incident.related.map((rel) => dataset.indexOf(rel.id));
    return [i, ...chain.steps, ...chain.framing, ...chain.notRelated].concat(
      related.filter((j): j is number => j !== undefined),
    );
  };
  const at = (j: number) => records.peek(j);
  const own = records.peek(i);
  if (own !== undefined && needed(own).every((j) => at(j) !== undefined)) return build(at);
  return (async () => {
    await records.load([i]);
    const incident = records.peek(i);
    if (incident === undefined) throw new Error(`The record of incident ${i} could not be read`);
    await records.load(needed(incident));
    return build(at);
  })();
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
    const { index, columns } = dataset;
    // Story mode: the relation graph once per dataset, the "Relations" overlay and the story bar.
    const lap = stopwatch('incident-atlas:mount');
    const { graph, places } = dataset;
    // Its legend starts folded: open, it would cover the popup it explains (one click shows it).
    this.relations = new RelationLayer(
      { lat: columns.lat, lon: columns.lon, idOf: (i) => dataset.idOf(i) },
      false,
    ).addTo(host.map);
    host.basemap.layers.addOverlay(this.relations, 'Relations');
    this.storyBar = new StoryBar(host.mapPanel, {
      onPrevious: () => atlas?.stepStory(-1),
      onNext: () => atlas?.stepStory(1),
      onExit: () => atlas?.exitStory(),
    });
    const vocabulary = {
      actors: new Set(index.actorNames),
      ids: { has: (id: string) => dataset.indexOf(id) !== undefined },
      storyLength: (id: string) => storyLength(graph, dataset.indexOf(id)),
    };
    const decoded = decodeView(readQuery(), vocabulary);
    this.showUrlNotices(decoded.notices);

    // The parts call back into the view controller, which is made last: `atlas` is set before any event.
    let atlas: Atlas | null = null;
    lap('graph, places, story bar, link parameters');
    const failed = (error: unknown) => this.recordFailed(error);
    this.layer = new IncidentLayer(host.map, dataset, {
      onSelect: (i, byKeyboard) => atlas?.select(i, byKeyboard ? 'keyboard' : 'map'),
      onClose: (i) => atlas?.closed(i),
      failed,
      popupContent: (i) =>
        popupFor(dataset, i, (incidentAt) =>
          buildPopupContent(incidentAt(i) as Incident, {
            titleOf: (id) => incidentAt(dataset.indexOf(id) ?? -1)?.title ?? null,
            hrefOf: (id) => hrefForView(atlas?.pairsWithSelected(id) ?? [['id', id]]),
            open: (id) => atlas?.select(dataset.indexOf(id) ?? null, 'link'),
            chain: (incident) =>
              buildPopupChain(chainOf(graph, i), incidentAt, {
                hrefOf: (id) => hrefForView(atlas?.pairsWithSelected(id) ?? [['id', id]]),
                open: (j) => atlas?.openFromChain(j),
                follow: atlas?.following() ? null : () => atlas?.startStory(incident.id),
              }),
          }),
        ),
    });
    lap('map layer');
    const list = new IncidentList(host.list, dataset, {
      onChoose: (i) => atlas?.select(i, 'list'),
      failed,
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
        failed,
        story: {
          graph,
          bar: this.storyBar,
          relations: this.relations,
          flyTo: (i, done) => flyToStep(host.map, columns.lat[i] as number, columns.lon[i] as number, done),
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

  /** An incident's record could not be read (a store that went away, a damaged file): say so, once. */
  private recordFailed(error: unknown): void {
    this.host.notices.show(
      'records',
      'error',
      'Some incidents could not be read',
      el('p', {}, error instanceof Error ? error.message : String(error)),
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
