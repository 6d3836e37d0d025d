/**
 * The filter controls: From/To dates with presets, the Actor facet (searchable, multi-select, with role and
 * attribution restrictions; see actor-facet.ts) and the Event type facet. It owns no state: `render`
 * shows a filter and its counts, and every user change is reported once as a complete new filter through
 * `onChange`.
 */
import { el } from '../dom/el';
import { dayFromIso, isoFromDay } from '../domain/date';
import { type FacetCounts, type IncidentFilter, TYPE_KEYS, type TypeKey } from '../domain/filter';
import type { DayRange } from '../domain/histogram';
import { createSymbolSvg, symbolFor } from '../map/symbols';
import { ActorFacet } from './actor-facet';

export interface FilterPresets {
  readonly last30: DayRange | null;
  readonly busiestMonth: (DayRange & { label: string }) | null;
}

export interface FiltersPanelOptions {
  /** Every actor in the dataset; an actor id is a position here, as in `FacetCounts.actors`. */
  readonly actorNames: readonly string[];
  /** Event-type keys present in the dataset. */
  readonly types: readonly TypeKey[];
  readonly presets: FilterPresets;
  /**
   * The user changed a filter: `update` gives the next filter from the one in force. The panel keeps no
   * filter of its own to build on: what it shows may be a frame or two behind (its counts are drawn after
   * the map), and a change built on that would undo the one before.
   */
  onChange(update: (current: IncidentFilter) => IncidentFilter): void;
}

interface FacetRow {
  readonly item: HTMLLIElement;
  readonly box: HTMLInputElement;
  readonly count: HTMLSpanElement;
}

function facetRow(name: string, label: string, icon: SVGSVGElement | null, group: string): FacetRow {
  const box = el('input', { attrs: { type: 'checkbox', value: name, name: group } });
  const count = el('span', { className: 'facet-count' });
  const item = el(
    'li',
    {},
    el('label', {}, box, icon, el('span', { className: 'facet-name' }, label), count),
  );
  return { item, box, count };
}

export class FiltersPanel {
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly dateError: HTMLParagraphElement;
  private readonly actors: ActorFacet;
  private readonly typeRows = new Map<TypeKey, FacetRow>();
  private readonly role: HTMLSelectElement;
  private readonly firmOnly: HTMLInputElement;

  constructor(
    container: HTMLElement,
    private readonly options: FiltersPanelOptions,
  ) {
    this.from = el('input', {
      className: 'text-input',
      attrs: {
        id: 'filter-from',
        inputmode: 'numeric',
        placeholder: 'YYYY-MM-DD',
        autocomplete: 'off',
        'aria-describedby': 'date-error',
      },
    });
    this.to = el('input', {
      className: 'text-input',
      attrs: {
        id: 'filter-to',
        inputmode: 'numeric',
        placeholder: 'YYYY-MM-DD',
        autocomplete: 'off',
        'aria-describedby': 'date-error',
      },
    });
    this.dateError = el('p', {
      className: 'field-error',
      attrs: { id: 'date-error', 'aria-live': 'polite' },
    });
    for (const input of [this.from, this.to]) {
      input.addEventListener('change', () => this.commitDates());
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.commitDates();
      });
    }

    const presetButtons = [el('button', { className: 'button', attrs: { type: 'button' } }, 'All time')];
    presetButtons[0]?.addEventListener('click', () => this.setDates(null, null));
    const { last30, busiestMonth } = options.presets;
    if (last30) {
      const b = el('button', { className: 'button', attrs: { type: 'button' } }, 'Last 30 days of data');
      b.addEventListener('click', () => this.setDates(last30.from, last30.to));
      presetButtons.push(b);
    }
    if (busiestMonth) {
      const b = el(
        'button',
        { className: 'button', attrs: { type: 'button' } },
        `Busiest month (${busiestMonth.label})`,
      );
      b.addEventListener('click', () => this.setDates(busiestMonth.from, busiestMonth.to));
      presetButtons.push(b);
    }

    const dateGroup = el(
      'fieldset',
      { className: 'filter-group' },
      el('legend', {}, 'Date (local, inclusive)'),
      el(
        'div',
        { className: 'date-inputs' },
        el('label', { attrs: { for: 'filter-from' } }, 'From', this.from),
        el('label', { attrs: { for: 'filter-to' } }, 'To', this.to),
      ),
      this.dateError,
      el(
        'div',
        { className: 'presets', attrs: { role: 'group', 'aria-label': 'Date presets' } },
        ...presetButtons,
      ),
    );

    this.actors = new ActorFacet({
      names: options.actorNames,
      onToggle: (name, on) => this.toggle('actors', name, on),
    });
    this.role = el(
      'select',
      { className: 'select-input', attrs: { id: 'filter-role' } },
      el('option', { attrs: { value: 'any' } }, 'Any role'),
      el('option', { attrs: { value: 'perpetrator' } }, 'Perpetrator'),
      el('option', { attrs: { value: 'target' } }, 'Target'),
    );
    this.role.addEventListener('change', () => {
      const role =
        this.role.value === 'perpetrator' || this.role.value === 'target' ? this.role.value : 'any';
      this.emit({ role });
    });
    this.firmOnly = el('input', { attrs: { type: 'checkbox', id: 'filter-firm' } });
    this.firmOnly.addEventListener('change', () =>
      this.emit({ attribution: this.firmOnly.checked ? 'confirmed' : 'any' }),
    );
    const actorGroup = el(
      'fieldset',
      { className: 'filter-group' },
      el('legend', {}, 'Actor'),
      ...this.actors.nodes,
      el(
        'div',
        { className: 'facet-options' },
        el('label', { className: 'select-label', attrs: { for: 'filter-role' } }, 'Actor role', this.role),
        el(
          'label',
          { className: 'check-label', attrs: { for: 'filter-firm' } },
          this.firmOnly,
          'Only confirmed or claimed attributions',
        ),
      ),
    );

    // Event type facet
    const typeList = el('ul', { className: 'facet-list' });
    for (const key of options.types) {
      const symbol = symbolFor(key === 'none' ? null : key);
      const row = facetRow(key, symbol.label, createSymbolSvg(symbol, 16), 'type');
      row.box.addEventListener('change', () => this.toggle('types', key, row.box.checked));
      this.typeRows.set(key, row);
      typeList.appendChild(row.item);
    }
    const typeGroup = el('fieldset', { className: 'filter-group' }, el('legend', {}, 'Event type'), typeList);

    container.replaceChildren(dateGroup, actorGroup, typeGroup);
  }

  /** Shows `filter` and the facet counts; never emits. */
  render(filter: IncidentFilter, counts: FacetCounts): void {
    const fromText = filter.from === null ? '' : isoFromDay(filter.from);
    const toText = filter.to === null ? '' : isoFromDay(filter.to);
    // Do not overwrite what someone is typing unless the committed value changed.
    if (document.activeElement !== this.from || dayFromIso(this.from.value) !== filter.from)
      this.from.value = fromText;
    if (document.activeElement !== this.to || dayFromIso(this.to.value) !== filter.to) this.to.value = toText;
    this.setDateError('');
    this.actors.render(filter.actors, counts.actors);
    for (const [key, row] of this.typeRows) {
      this.renderRow(row, filter.types.includes(key), counts.types[TYPE_KEYS.indexOf(key)] ?? 0);
    }
    this.role.value = filter.role;
    this.firmOnly.checked = filter.attribution === 'confirmed';
  }

  private renderRow(row: FacetRow, checked: boolean, count: number): void {
    row.box.checked = checked;
    row.count.replaceChildren(
      String(count),
      el('span', { className: 'visually-hidden' }, ` incident${count === 1 ? '' : 's'}`),
    );
    row.item.classList.toggle('facet-empty', count === 0 && !checked);
  }

  private setDateError(message: string): void {
    this.dateError.textContent = message;
  }

  private emit(change: Partial<IncidentFilter>): void {
    this.options.onChange((current) => ({ ...current, ...change }));
  }

  private toggle(facet: 'actors' | 'types', value: string, on: boolean): void {
    this.options.onChange((current) => {
      const chosen = current[facet] as readonly string[];
      const next = on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value);
      return { ...current, [facet]: next };
    });
  }

  private setDates(from: number | null, to: number | null): void {
    this.from.value = from === null ? '' : isoFromDay(from);
    this.to.value = to === null ? '' : isoFromDay(to);
    this.emit({ from, to });
  }

  /** Reads both date inputs; emits only when both are empty or real dates in order. */
  private commitDates(): void {
    const read = (input: HTMLInputElement, name: string): number | null | undefined => {
      const text = input.value.trim();
      if (text === '') {
        input.removeAttribute('aria-invalid');
        return null;
      }
      const day = dayFromIso(text);
      input.setAttribute('aria-invalid', String(day === null));
      if (day === null) this.setDateError(`${name}: "${text}" is not a real date in the form YYYY-MM-DD.`);
      return day ?? undefined;
    };
    this.setDateError('');
    const from = read(this.from, 'From');
    const to = read(this.to, 'To');
    if (from === undefined || to === undefined) return;
    if (from !== null && to !== null && from > to) {
      this.to.setAttribute('aria-invalid', 'true');
      this.setDateError('To is before From.');
      return;
    }
    this.emit({ from, to }); // the same dates again change nothing (Atlas.setFilter)
  }
}
