/**
 * The view controller: holds the current view (filter + open incident), derives everything else from it
 * (the filtered indices, facet counts, the histogram's bars) and hands the result to the map layer, the
 * list, the filters and the timeline. The URL mirrors the view: each filter change is one history entry;
 * opening an incident amends the current entry.
 *
 * Story mode lives here too, as part of the view (`view.story`): each step is one history entry; a step sets
 * the date filter to its incident's days (so the timeline brush moves there), opens it after the map has
 * flown to it, and shows the story bar. The relations of the open incident are drawn by `story.relations`.
 */

import type { Dataset } from '../domain/dataset';
import type { DayNumber } from '../domain/date';
import { dateExtent, facetCounts, type IncidentFilter, NO_FILTER, selectIncidents } from '../domain/filter';
import { formatIncidentDate } from '../domain/format';
import { brushRange } from '../domain/histogram';
import type { IncidentId } from '../domain/incident';
import { withRecords } from '../domain/records';
import { includesSorted } from '../domain/sorted';
import { chainOf, isStory, type RelationGraph } from '../domain/story';
import { encodeView, type StoryStep, sameFilter, type ViewState } from '../domain/view-state';
import type { IncidentLayer } from '../map/incident-layer';
import type { RelationLayer } from '../map/relation-layer';
import type { FiltersPanel } from './filters-panel';
import type { IncidentList } from './incident-list';
import type { StoryBar } from './story-bar';
import type { Timeline } from './timeline';

/** The parts of story mode (e-story). */
export interface StoryParts {
  /** The dataset's relation graph (domain/story.ts), built once. */
  readonly graph: RelationGraph;
  readonly bar: StoryBar;
  readonly relations: RelationLayer;
  /** Moves the map to the incident at `index`, then calls `done`; returns a function that cancels `done`. */
  flyTo(index: number, done: () => void): () => void;
}

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
  /**
   * Runs the rest of a render, a stage per task (each `yield` of `stages` ends one): `runStages(stages,
   * false)` after a task in the page, at once in tests.
   */
  later(stages: Generator<void, void, void>): void;
  /** Brings the map into view on narrow screens, where panels are switched. */
  showMap(): void;
  /** An incident's record could not be read: say so. */
  failed(error: unknown): void;
  readonly story: StoryParts;
}

/** How an incident was chosen: by pointer on the map, by keyboard on the map, from the list, or a related link. */
export type SelectVia = 'map' | 'keyboard' | 'list' | 'link';

export class Atlas {
  private view: ViewState;
  private shown: Uint32Array = new Uint32Array(0);
  /** What the timeline counts (the incidents passing every filter but the dates), and for which filter. */
  private undated: Uint32Array = new Uint32Array(0);
  private undatedFor: IncidentFilter | null = null;
  private readonly extent: { from: number; to: number } | null;
  /** The filter in force when the story began, restored on Exit (null: none, e.g. a story opened by link). */
  private storyReturn: IncidentFilter | null = null;
  /** Cancels the pending open of a step's popup when another step or view comes first. */
  private cancelFlight: () => void = () => {};
  /** Counts renders begun, so a staged one knows when a later one has replaced it. */
  private renderGeneration = 0;

  constructor(
    private readonly dataset: Dataset,
    private readonly parts: AtlasParts,
    initial: ViewState,
  ) {
    this.view = initial;
    this.extent = dateExtent(dataset.index);
    parts.clear.addEventListener('click', this.clearFilters);
  }

  /**
   * Shows the first view, as stages (a generator for `runStages`: each `yield` ends one): the stages of a
   * render, then the incident or story the link opens.
   */
  *start(): Generator<void, void, void> {
    const story = this.view.story;
    if (story !== null) {
      this.showStep(story, false, 'replace');
      return;
    }
    yield* this.renderStages();
    const selected = this.selectedIndex();
    if (selected !== null) this.parts.layer.open(selected);
  }

  /** True while a story is being followed. */
  following(): boolean {
    return this.view.story !== null;
  }

  /** Starts following the story of the incident `id` at its first step: one history entry. */
  startStory(id: IncidentId): void {
    if (this.view.story === null) this.storyReturn = this.view.filter;
    this.showStep({ start: id, step: 1 }, true, 'push');
  }

  /** Moves `delta` steps through the story being followed (ignored at either end): one history entry. */
  stepStory(delta: number): void {
    const story = this.view.story;
    if (story === null) return;
    this.showStep({ start: story.start, step: story.step + delta }, false, 'push');
  }

  /** Stops following the story: the filter from before it returns, the open incident stays open. */
  exitStory(): void {
    if (this.view.story === null) return;
    this.cancelFlight();
    this.parts.story.bar.hide();
    this.view = { ...this.view, filter: this.storyReturn ?? NO_FILTER, story: null };
    this.storyReturn = null;
    this.render();
    this.parts.writeUrl(encodeView(this.view), 'push');
    // The bar held focus: hand it to the open popup, or the incident's list item.
    const selected = this.selectedIndex();
    if (selected !== null) this.parts.layer.open(selected, true);
  }

  /**
   * Opens an incident chosen in the popup's story section: while following a story, a step of it is shown
   * as that step (one history entry); anything else ends the story first.
   */
  openFromChain(index: number): void {
    const story = this.view.story;
    if (story !== null) {
      const step = (this.storySteps(story.start) ?? []).indexOf(index) + 1;
      if (step > 0) {
        this.showStep({ start: story.start, step }, false, 'push');
        return;
      }
      this.exitStory();
    }
    this.select(index, 'link');
  }

  /** The steps of the story started from `id`, or null when it has none. */
  private storySteps(id: IncidentId): readonly number[] | null {
    const start = this.dataset.indexOf(id);
    if (start === undefined) return null;
    const chain = chainOf(this.parts.story.graph, start);
    return isStory(chain) ? chain.steps : null;
  }

  /** Shows a step: filter to its days, fly to it, open it, update the bar; `write` the URL unless null. */
  private showStep(story: StoryStep, focus: boolean, write: 'push' | 'replace' | null): void {
    const steps = this.storySteps(story.start);
    if (steps === null) throw new Error(`No story starts from ${story.start}`);
    const step = Math.min(Math.max(1, story.step), steps.length);
    if (write === 'push' && this.view.story?.start === story.start && this.view.story.step === step) return;
    const index = steps[step - 1] as number;
    const id = this.dataset.idOf(index);
    const { firstDay, lastDay } = this.dataset.index;
    this.cancelFlight();
    this.parts.layer.close(); // an open popup would pan the map back while it flies
    this.view = {
      filter: { ...NO_FILTER, from: firstDay[index] as DayNumber, to: lastDay[index] as DayNumber },
      selected: id,
      story: { start: story.start, step },
    };
    this.render();
    this.parts.list.markCurrent(index);
    this.parts.showMap();
    // The bar names the step once its record is at hand (at once, unless it must be read first).
    const bar = this.parts.story.bar;
    const current = () => this.view.story?.start === story.start && this.view.story.step === step;
    withRecords(
      this.dataset.records,
      [index],
      ([incident]) => {
        if (incident === undefined || !current()) return;
        bar.show(
          { step, total: steps.length, title: incident.title, date: formatIncidentDate(incident.date) },
          focus,
        );
      },
      (error) => this.parts.failed(error),
    );
    if (write !== null) this.parts.writeUrl(encodeView(this.view), write);
    this.cancelFlight = this.parts.story.flyTo(index, () => {
      this.cancelFlight = () => {};
      if (this.view.selected === id) this.parts.layer.open(index);
    });
  }

  /** The user changed the filters: one history entry. */
  setFilter(filter: IncidentFilter): void {
    if (sameFilter(filter, this.view.filter)) return;
    this.view = { ...this.view, filter };
    this.render();
    this.parts.writeUrl(encodeView(this.view), 'push');
  }

  /** The user changed the filters, from the filter in force: one history entry. */
  updateFilter(update: (current: IncidentFilter) => IncidentFilter): void {
    this.setFilter(update(this.view.filter));
  }

  /**
   * The timeline brush is being dragged to `range` (null: the drag ended without a new choice): the list, the
   * map and the count follow it, with no history entry and no change to the view, which the choice at the
   * end of the drag makes (`setDateRange`).
   */
  previewDateRange(range: { from: number; to: number } | null): void {
    if (range === null) this.render();
    else this.render({ ...this.view.filter, from: range.from as DayNumber, to: range.to as DayNumber });
  }

  /** The timeline brush set a date range (null = all dates). */
  setDateRange(range: { from: number; to: number } | null): void {
    this.setFilter({ ...this.view.filter, from: range?.from ?? null, to: range?.to ?? null });
  }

  /** The view's query pairs with `id` opened: for shareable links to an incident. */
  pairsWithSelected(id: string): [string, string][] {
    return encodeView({ ...this.view, selected: id as ViewState['selected'], story: null });
  }

  readonly clearFilters = (): void => {
    this.setFilter(NO_FILTER);
  };

  /** Detaches from the parts it was given (they are the dataset view's to remove). */
  destroy(): void {
    this.renderGeneration++; // stages of a render still to run do nothing
    this.cancelFlight();
    this.parts.clear.removeEventListener('click', this.clearFilters);
  }

  /** Opens the incident at `index` (or closes the open one for null). */
  select(index: number | null, via: SelectVia): void {
    const id = index === null ? null : this.dataset.idOf(index);
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
    this.showRelations();
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
    if (view.story !== null) {
      if (this.view.story === null) this.storyReturn = this.view.filter;
      this.showStep(view.story, false, null);
      return;
    }
    this.cancelFlight();
    this.parts.story.bar.hide();
    this.view = view;
    this.render();
    const selected = this.selectedIndex();
    if (selected === null) this.parts.layer.close();
    else this.parts.layer.open(selected);
  }

  /** The filter in force. */
  currentFilter(): IncidentFilter {
    return this.view.filter;
  }

  /** Indices currently shown, newest first. */
  visible(): Uint32Array {
    return this.shown;
  }

  private selectedIndex(): number | null {
    if (this.view.selected === null) return null;
    return this.dataset.indexOf(this.view.selected) ?? null;
  }

  /**
   * Derives the view and shows it: the list, the points and the count at once, so the frame after a change
   * shows them; the place names, facets and timeline in the tasks after (`parts.later`), a frame or so later.
   * A render begun before those have run makes them do nothing.
   */
  private render(preview: IncidentFilter | null = null): void {
    const stages = this.renderStages(preview);
    stages.next(); // the scan and the list
    if (stages.next().done) return; // the points and the count
    this.parts.later(stages);
  }

  /**
   * Derives the view and shows it, in stages that at a million incidents each take a few tens of ms: the
   * scan and the list; the points and the count (the count appears with the points it promises); the place
   * names; the filters; the timeline. A render begun meanwhile leaves this one's remaining stages undone.
   */
  private *renderStages(preview: IncidentFilter | null = null): Generator<void, void, void> {
    const generation = ++this.renderGeneration;
    const superseded = () => generation !== this.renderGeneration;
    const { index } = this.dataset;
    const filter = preview ?? this.view.filter;
    // What passes, and nothing more: the facet counts are a scan of their own, after the frame.
    const selection = selectIncidents(index, filter);
    this.shown = selection.newestFirst;
    // An open incident that the new filter hides is closed, so the map never shows what the list does not.
    const selected = this.selectedIndex();
    if (selected !== null && !includesSorted(selection.ascending, selected)) {
      this.view = { ...this.view, selected: null };
      this.parts.layer.close();
    }
    // The list first: it measures its scroller, which is cheap only before anything else has changed.
    this.parts.list.render(this.shown, this.selectedIndex());
    yield;
    if (superseded()) return;
    this.parts.layer.setIncidents(selection.ascending);
    const total = this.dataset.count;
    const n = (x: number) => x.toLocaleString('en-US');
    this.parts.count.textContent = `${n(this.shown.length)} of ${n(total)} incident${total === 1 ? '' : 's'}`;
    this.parts.clear.disabled = sameFilter(filter, NO_FILTER);
    this.showRelations();
    yield;
    if (superseded()) return;
    this.parts.labelPlaces(this.shown);
    yield;
    if (superseded()) return;
    // The timeline counts what passes the other filters: a change of dates alone leaves that as it was, so
    // it is not gathered again, the same array is handed on and the timeline keeps its histogram (a brush
    // drag costs no recount).
    const undatedFilter = { ...filter, from: null, to: null };
    const undatedKept = this.undatedFor !== null && sameFilter(undatedFilter, this.undatedFor);
    const counts = facetCounts(index, filter, { undated: !undatedKept });
    this.parts.filters.render(filter, counts);
    yield;
    if (superseded()) return;
    if (!undatedKept) {
      this.undated = counts.undated;
      this.undatedFor = undatedFilter;
    }
    // Counting the bars and drawing them are a stage each (~20 ms each at a million).
    this.parts.timeline.setData(index.firstDay, index.lastDay, this.undated, { draw: false });
    yield;
    if (superseded()) return;
    // A preview comes from the brush being dragged: the timeline draws that range itself.
    if (preview === null) this.parts.timeline.setRange(brushRange(filter.from, filter.to, this.extent));
    this.parts.timeline.drawPending();
  }

  /** Draws the chain of the open incident (nothing when none is open). */
  private showRelations(): void {
    const selected = this.selectedIndex();
    this.parts.story.relations.show(selected === null ? null : chainOf(this.parts.story.graph, selected));
  }
}
