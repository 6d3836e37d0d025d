/**
 * The view controller: holds the current view (filter + open incident), derives everything else from it
 * (the filtered indices, facet counts, the histogram's bars) and hands the result to the map layer, the
 * list, the filters and the timeline. The URL mirrors the view: each filter change is one history entry;
 * opening an incident amends the current entry.
 */
import { dateExtent, filterAndCount, type IncidentFilter, NO_FILTER } from '../domain/filter';
import { encodeView, sameFilter, type ViewState } from '../domain/view-state';
import type { Dataset } from '../io/dataset';
import type { IncidentLayer } from '../map/incident-layer';
import type { FiltersPanel } from './filters-panel';
import type { IncidentList } from './incident-list';
import type { Timeline } from './timeline';

export interface AtlasParts {
  readonly layer: IncidentLayer;
  readonly list: IncidentList;
  readonly filters: FiltersPanel;
  readonly timeline: Timeline;
  readonly count: HTMLElement;
  readonly clear: HTMLButtonElement;
  /** Writes the view's pairs into the URL. */
  writeUrl(pairs: [string, string][], mode: 'push' | 'replace'): void;
  /** Labels the places of the incidents shown (indices into the dataset). */
  labelPlaces(indices: Uint32Array): void;
  /** Brings the map into view on narrow screens, where panels are switched. */
  showMap(): void;
}

/** How an incident was chosen: by pointer on the map, by keyboard on the map, from the list, or a related link. */
export type SelectVia = 'map' | 'keyboard' | 'list' | 'link';

export class Atlas {
  private view: ViewState;
  private shown: Uint32Array = new Uint32Array(0);
  private readonly extent: { from: number; to: number } | null;

  constructor(
    private readonly dataset: Dataset,
    private readonly parts: AtlasParts,
    initial: ViewState,
  ) {
    this.view = initial;
    this.extent = dateExtent(dataset.index);
    parts.clear.addEventListener('click', () => this.clearFilters());
    this.render();
    const selected = this.selectedIndex();
    if (selected !== null) parts.layer.open(selected);
  }

  /** The user changed the filters: one history entry. */
  setFilter(filter: IncidentFilter): void {
    if (sameFilter(filter, this.view.filter)) return;
    this.view = { ...this.view, filter };
    this.render();
    this.parts.writeUrl(encodeView(this.view), 'push');
  }

  /** The timeline brush set a date range (null = all dates). */
  setDateRange(range: { from: number; to: number } | null): void {
    this.setFilter({ ...this.view.filter, from: range?.from ?? null, to: range?.to ?? null });
  }

  /** The view's query pairs with `id` opened: for shareable links to an incident. */
  pairsWithSelected(id: string): [string, string][] {
    return encodeView({ ...this.view, selected: id as ViewState['selected'] });
  }

  clearFilters(): void {
    this.setFilter(NO_FILTER);
  }

  /** Opens the incident at `index` (or closes the open one for null). */
  select(index: number | null, via: SelectVia): void {
    const incident = index === null ? null : this.dataset.incidents[index];
    const id = incident?.id ?? null;
    if (id === this.view.selected && via === 'map') return;
    this.view = { ...this.view, selected: id };
    this.parts.list.markCurrent(index);
    if (index === null) this.parts.layer.close();
    else {
      if (via === 'list' || via === 'link') this.parts.showMap();
      // Keyboard and list choices move focus into the popup so its links are next in the tab order.
      this.parts.layer.open(index, via !== 'map');
    }
    this.parts.writeUrl(encodeView(this.view), 'replace');
  }

  /**
   * The user closed the popup of `index`. The map layer returns focus to its marker when it has one; when
   * it draws on a canvas there is none, so focus goes to the incident's list item instead of being lost.
   */
  closed(index: number): void {
    this.select(null, 'map');
    if (document.activeElement === null || document.activeElement === document.body)
      this.parts.list.focusItem(index);
  }

  /** Back/Forward moved to another view: show it without writing history. */
  restore(view: ViewState): void {
    this.view = view;
    this.render();
    const selected = this.selectedIndex();
    if (selected === null) this.parts.layer.close();
    else this.parts.layer.open(selected);
  }

  /** Indices currently shown, newest first. */
  visible(): Uint32Array {
    return this.shown;
  }

  private selectedIndex(): number | null {
    if (this.view.selected === null) return null;
    return this.dataset.positionOf.get(this.view.selected) ?? null;
  }

  private render(): void {
    const { index, incidents } = this.dataset;
    const { filter } = this.view;
    const { shown, counts } = filterAndCount(index, filter);
    this.shown = shown;
    // An open incident that the new filter hides is closed, so the map never shows what the list does not.
    const selected = this.selectedIndex();
    if (selected !== null && !this.shown.includes(selected)) {
      this.view = { ...this.view, selected: null };
      this.parts.layer.close();
    }
    this.parts.layer.setIncidents(this.shown);
    this.parts.labelPlaces(this.shown);
    this.parts.list.render(this.shown, this.selectedIndex());
    this.parts.filters.render(filter, counts);
    this.parts.timeline.setData(index.firstDay, index.lastDay, counts.undated);
    const extent = this.extent;
    this.parts.timeline.setRange(
      (filter.from === null && filter.to === null) || extent === null
        ? null
        : { from: filter.from ?? extent.from, to: filter.to ?? extent.to },
    );
    const total = incidents.length;
    const n = (x: number) => x.toLocaleString('en-US');
    this.parts.count.textContent = `${n(this.shown.length)} of ${n(total)} incident${total === 1 ? '' : 's'}`;
    this.parts.clear.disabled = sameFilter(filter, NO_FILTER);
  }
}
