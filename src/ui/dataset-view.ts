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
import { afterNextFrame, backgroundTask, runStages, type StagedRun } from './stages';
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

/** From this many incidents a dataset mounts in stages, one task each (see `stages.ts`); below, at once (10,000 at once took one task of ~75 ms). */
const STAGED_FROM = 2_000;

export class DatasetView {
  /** Made by the mount's stages; null until then. */
  private atlas: Atlas | null = null;
  /** Undoes what the stages made, last first; each stage adds the undo of what it adds. */
  private readonly teardown: (() => void)[] = [];
  private readonly mounting: StagedRun;

  constructor(
    readonly dataset: Dataset,
    private readonly host: DatasetViewHost,
  ) {
    this.mounting = runStages(this.mount(), dataset.count < STAGED_FROM);
    // The mark tells the benchmark (and the browser's performance panel) that every stage has run.
    void this.mounting.done.then(() => {
      performance.mark('incident-atlas:mounted');
    }, this.failedToShow);
  }

  /** A stage of showing the data failed (a bug, not bad data): say so on the page. */
  private readonly failedToShow = (error: unknown): void => {
    this.host.notices.show(
      'mount',
      'error',
      'The data could not be shown',
      el('p', {}, error instanceof Error ? error.message : String(error)),
    );
  };

  /**
   * Makes the view's parts, a stage per task: at a million incidents each is a few tens of ms where all of
   * it in one task held the page for half a second. Each stage is measured (User Timing
   * `incident-atlas:mount <stage>`).
   */
  private *mount(): Generator<void, void, void> {
    const { dataset, host, teardown } = this;
    const { index, columns, graph, places } = dataset;
    const lap = stopwatch('incident-atlas:mount');
    // Story mode: the "Relations" overlay and the story bar. Its legend starts folded: open, it would
    // cover the popup it explains (one click shows it).
    const relations = new RelationLayer(
      { lat: columns.lat, lon: columns.lon, idOf: (i) => dataset.idOf(i) },
      false,
    ).addTo(host.map);
    host.basemap.layers.addOverlay(relations, 'Relations');
    teardown.push(() => {
      host.basemap.layers.removeLayer(relations);
      relations.remove();
    });
    // The parts call back into the view controller, which is made last: `atlas` is set before any event.
    const atlas = () => this.atlas;
    const storyBar = new StoryBar(host.mapPanel, {
      onPrevious: () => atlas()?.stepStory(-1),
      onNext: () => atlas()?.stepStory(1),
      onExit: () => atlas()?.exitStory(),
    });
    teardown.push(() => storyBar.destroy());
    const vocabulary = {
      actors: new Set(index.actorNames),
      ids: { has: (id: string) => dataset.indexOf(id) !== undefined },
      storyLength: (id: string) => storyLength(graph, dataset.indexOf(id)),
    };
    const decoded = decodeView(readQuery(), vocabulary);
    this.showUrlNotices(decoded.notices);
    teardown.push(() => host.notices.remove('url'));
    lap('graph, places, story bar, link parameters');
    const failed = (error: unknown) => this.recordFailed(error);
    const hrefOf = (id: string) => hrefForView(atlas()?.pairsWithSelected(id) ?? [['id', id]]);
    const layer = new IncidentLayer(host.map, dataset, {
      onSelect: (i, byKeyboard) => atlas()?.select(i, byKeyboard ? 'keyboard' : 'map'),
      onClose: (i) => atlas()?.closed(i),
      failed,
      popupContent: (i) =>
        popupFor(dataset, i, (incidentAt) =>
          buildPopupContent(incidentAt(i) as Incident, {
            titleOf: (id) => incidentAt(dataset.indexOf(id) ?? -1)?.title ?? null,
            hrefOf,
            open: (id) => atlas()?.select(dataset.indexOf(id) ?? null, 'link'),
            chain: (incident) =>
              buildPopupChain(chainOf(graph, i), incidentAt, {
                hrefOf,
                open: (j) => atlas()?.openFromChain(j),
                follow: atlas()?.following() ? null : () => atlas()?.startStory(incident.id),
              }),
          }),
        ),
    });
    teardown.push(() => layer.destroy());
    lap('map layer');
    const list = new IncidentList(host.list, dataset, {
      onChoose: (i) => atlas()?.select(i, 'list'),
      failed,
      countRule: host.countRule.get(),
      onCountRule: (rule) => host.countRule.set(rule),
    });
    teardown.push(() => host.list.replaceChildren());
    lap('list');
    yield;
    layer.prepare();
    lap('map columns');
    yield;
    const types = typesPresent(index);
    const filters = new FiltersPanel(host.filters, {
      actorNames: index.actorNames,
      types,
      presets: datePresets(index.firstDay, index.lastDay, index.newestFirst),
      onChange: (update) => atlas()?.updateFilter(update),
    });
    teardown.push(() => host.filters.replaceChildren());
    lap('filters');
    yield;
    const timeline = new Timeline(host.timeline, {
      onRangeChange: (range) => atlas()?.setDateRange(range),
      onRangePreview: (range) => atlas()?.previewDateRange(range),
    });
    teardown.push(() => timeline.destroy());
    const legend = addLegend(
      host.map,
      types.map((t) => (t === 'none' ? null : t)),
      !host.narrow(),
    );
    teardown.push(() => legend.remove());
    this.fit();
    lap('timeline, legend, fit');
    yield;
    this.atlas = new Atlas(
      dataset,
      {
        layer,
        list,
        filters,
        timeline,
        count: host.count,
        clear: host.clear,
        writeUrl: writeView,
        // The rest of a render after a change: after the frame that shows the points and the count (a task
        // queued at once could run before that frame and delay it), a stage per task of background priority,
        // so input, the next frame and anything else the page has to do go first; for a small dataset, at once.
        later: (stages) => {
          if (dataset.count < STAGED_FROM) runStages(stages, true);
          else
            afterNextFrame(() => {
              // The mark (a render's rest has run, or been superseded) is for benchmarks and the
              // performance panel.
              runStages(stages, false, backgroundTask).done.then(() => {
                performance.clearMarks('incident-atlas:settled'); // one entry, however many changes
                performance.mark('incident-atlas:settled');
              }, this.failedToShow);
            }, backgroundTask);
        },
        labelPlaces: (shown) => {
          host.basemap.setPlaceLabels(placeNames(places, shown).map((p) => ({ ...p, kind: 'place' })));
          host.onShown(shown.length);
        },
        showMap: () => host.showMap(),
        failed,
        story: {
          graph,
          bar: storyBar,
          relations,
          flyTo: (i, done) => flyToStep(host.map, columns.lat[i] as number, columns.lon[i] as number, done),
        },
      },
      decoded.view,
    );
    const made = this.atlas;
    teardown.push(() => {
      made.destroy();
      host.basemap.setPlaceLabels([]);
    });
    for (const _ of made.start()) {
      lap('first render, a stage');
      yield;
    }
    lap('first render, last stage');
    teardown.push(onHistoryMove(() => made.restore(decodeView(readQuery(), vocabulary).view)));
  }

  /** Downloads the incidents shown (after the filters) in `format`. */
  exportShown(format: ExportFormat): void {
    const atlas = this.atlas;
    if (atlas === null) return; // still mounting: nothing is shown yet
    void downloadExport(
      format,
      this.dataset,
      atlas.visible(),
      atlas.currentFilter(),
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

  /** Removes everything this view added to the page and the map, with every listener; stops a mount under way. */
  unmount(): void {
    this.mounting.cancel();
    for (const undo of this.teardown.splice(0).reverse()) undo();
    this.atlas = null;
    this.host.notices.remove('mount');
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
