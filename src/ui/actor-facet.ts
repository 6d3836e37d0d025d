/**
 * The Actor facet's checkboxes: every actor of the dataset, chosen ones first, then by how many incidents
 * pass the other filters with them (most first), narrowed by a search box. The list is virtualised
 * (src/ui/virtual-list.ts), so 5,000 actors cost as many DOM nodes as 20; a filter change re-sorts actor
 * ids in a typed array and re-renders only the rows on screen.
 */
import { el } from '../dom/el';
import { VirtualList } from './virtual-list';
import './actor-facet.css';

export interface ActorFacetOptions {
  /** Actor names; an actor id is a position here, as in `FacetCounts.actors`. */
  readonly names: readonly string[];
  /** The user checked (`on`) or unchecked the actor `name`. */
  onToggle(name: string, on: boolean): void;
}

/** Defaults, in one place. */
export const ACTOR_FACET_DEFAULTS = {
  searchThreshold: 8, // actors; above this the facet gets a search box
  rowRem: 2, // row height in rem (checkbox, name and count on one line)
} as const;

interface RowParts {
  readonly box: HTMLInputElement;
  readonly name: HTMLSpanElement;
  readonly count: HTMLSpanElement;
}

export class ActorFacet {
  /** The nodes to place in the Actor fieldset, in order. */
  readonly nodes: readonly HTMLElement[];
  private readonly lowerNames: readonly string[];
  private readonly list: HTMLUListElement;
  private readonly status: HTMLParagraphElement;
  private readonly search: HTMLInputElement | null = null;
  private readonly virtual: VirtualList;
  private readonly parts = new WeakMap<HTMLLIElement, RowParts>();
  private counts: Uint32Array;
  private chosen: readonly string[] = [];
  private chosenIds = new Set<number>();
  /** Actor ids in display order: chosen first, then matches of the search by count. */
  private order = new Uint32Array(0);

  constructor(private readonly options: ActorFacetOptions) {
    const { names } = options;
    this.lowerNames = names.map((n) => n.toLocaleLowerCase());
    this.counts = new Uint32Array(names.length);
    this.status = el('p', {
      className: 'facet-status',
      attrs: { id: 'actor-facet-status', 'aria-live': 'polite' },
    });
    this.list = el('ul', {
      className: 'facet-list actor-list',
      attrs: { id: 'actor-options', 'aria-label': 'Actors', 'aria-describedby': 'actor-facet-status' },
    });
    const scroller = el('div', { className: 'actor-scroller' }, this.list);
    const nodes: HTMLElement[] = [];
    if (names.length > ACTOR_FACET_DEFAULTS.searchThreshold) {
      const input = el('input', {
        className: 'text-input',
        attrs: { type: 'search', id: 'actor-search', autocomplete: 'off', 'aria-controls': 'actor-options' },
      });
      input.addEventListener('input', () => this.update(true));
      this.search = input;
      nodes.push(
        el('label', { className: 'select-label', attrs: { for: 'actor-search' } }, 'Search actors', input),
      );
    }
    nodes.push(this.status, scroller);
    this.nodes = nodes;
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.virtual = new VirtualList(this.list, {
      rowHeight: Math.round(ACTOR_FACET_DEFAULTS.rowRem * rem),
      scroller,
      keyOf: (position) => this.order[position] as number,
      createRow: (item) => this.createRow(item),
      renderRow: (item, position) => this.renderRow(item, position),
    });
  }

  /** Shows `chosen` as checked and `counts` (per actor id) beside the names; never emits. */
  render(chosen: readonly string[], counts: Uint32Array): void {
    if (counts.length !== this.options.names.length)
      throw new RangeError(`Got ${counts.length} actor counts for ${this.options.names.length} actors`);
    this.counts = counts;
    this.chosen = chosen;
    this.update(false);
  }

  /** Re-sorts the actors and re-renders the rows shown; the focused actor keeps focus where it moves. */
  private update(searchChanged: boolean): void {
    const focusedName = this.focusedName();
    this.chosenIds = new Set();
    for (const name of this.chosen) {
      const id = this.options.names.indexOf(name);
      if (id >= 0) this.chosenIds.add(id);
    }
    const needle = this.search?.value.trim().toLocaleLowerCase() ?? '';
    const matches: number[] = [];
    for (let id = 0; id < this.lowerNames.length; id++) {
      if (this.chosenIds.has(id)) continue;
      if (needle === '' || (this.lowerNames[id] as string).includes(needle)) matches.push(id);
    }
    let chosenMatching = 0;
    for (const id of this.chosenIds) if ((this.lowerNames[id] as string).includes(needle)) chosenMatching++;
    const rest = Uint32Array.from(matches);
    const counts = this.counts;
    rest.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
    this.order = new Uint32Array(this.chosenIds.size + rest.length);
    this.order.set([...this.chosenIds], 0);
    this.order.set(rest, this.chosenIds.size);

    const total = this.options.names.length;
    const n = (x: number) => x.toLocaleString('en-US');
    this.status.textContent =
      needle === ''
        ? `${n(total)} actor${total === 1 ? '' : 's'}, chosen first, then by incidents`
        : `${n(rest.length + chosenMatching)} of ${n(total)} actors match “${this.search?.value.trim() ?? ''}”`;
    this.status.hidden = total <= ACTOR_FACET_DEFAULTS.searchThreshold;
    // The focused actor keeps its row (rows are keyed by actor id) and stays the tab stop where it moves.
    const focusedAt = focusedName === null ? -1 : this.order.indexOf(this.options.names.indexOf(focusedName));
    if (focusedAt >= 0) {
      this.virtual.setCount(this.order.length, focusedAt);
      this.virtual.scrollToIndex(focusedAt);
    } else {
      this.virtual.setCount(this.order.length);
      if (searchChanged) this.virtual.scrollToIndex(0, 'start');
    }
  }

  /** The actor whose checkbox has focus, if any. */
  private focusedName(): string | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLInputElement) || !this.list.contains(active)) return null;
    return active.value;
  }

  private createRow(item: HTMLLIElement): HTMLElement {
    const box = el('input', { attrs: { type: 'checkbox', name: 'actor' } });
    const name = el('span', { className: 'facet-name' });
    const count = el('span', { className: 'facet-count' });
    box.addEventListener('change', () => this.options.onToggle(box.value, box.checked));
    item.appendChild(el('label', {}, box, name, count));
    this.parts.set(item, { box, name, count });
    return box;
  }

  private renderRow(item: HTMLLIElement, position: number): void {
    const parts = this.parts.get(item);
    const id = this.order[position];
    if (parts === undefined || id === undefined) throw new RangeError(`No actor row at position ${position}`);
    const name = this.options.names[id] as string;
    const count = this.counts[id] as number;
    const checked = this.chosenIds.has(id);
    parts.box.value = name;
    parts.box.checked = checked;
    parts.name.textContent = name;
    parts.name.title = name;
    parts.count.replaceChildren(
      count.toLocaleString('en-US'),
      el('span', { className: 'visually-hidden' }, ` incident${count === 1 ? '' : 's'}`),
    );
    item.classList.toggle('facet-empty', count === 0 && !checked);
  }
}
