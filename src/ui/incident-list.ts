/**
 * The list named "Incidents": one button per incident that passes the filters, newest first, with date,
 * title, place and hints about how exact the date and place are and how firm the attribution is.
 *
 * Every match is listed, in order, however many there are: the list is virtualised (src/ui/virtual-list.ts),
 * so only the rows on screen exist as DOM nodes and a filter change costs the same for 10 or 1,000,000
 * matches. One row is the tab stop; the arrow keys, Home/End and Page Up/Down move between rows.
 */
import { el } from '../dom/el';
import { attributionDrawing } from '../domain/attribution';
import { COUNT_RULE_LABEL, COUNT_RULES, type CountRule, pickCount } from '../domain/counts';
import type { Dataset } from '../domain/dataset';
import { formatDatePrecision, formatIncidentDate, formatPlace } from '../domain/format';
import type { Incident } from '../domain/incident';
import { createSymbolSvg, symbolFor } from '../map/symbols';
import { VirtualList } from './virtual-list';
import './incident-list.css';

export interface IncidentListOptions {
  /** The user chose the incident at `index` (click, Enter or Space). */
  onChoose(index: number): void;
  /** The element the list scrolls in; default: the nearest scrolling ancestor of the container. */
  readonly scroller?: HTMLElement;
  /** The rule that picks one casualty figure where reports disagree (default: the latest report). */
  readonly countRule?: CountRule;
  /** The user chose another rule. */
  onCountRule?(rule: CountRule): void;
  /** Records of rows on screen could not be read. */
  failed(error: unknown): void;
}

/** Row height in rem: date, title and meta lines of incident-list.css, plus padding. */
const ROW_REM = 4.25;

/** The first-listed perpetrator and how firm its attribution is, e.g. `Kataib Hezbollah: suspected`. */
/** "26 killed (latest of 3 reports)", "3 killed", or null when not reported. */
function killedHint(incident: Incident, rule: CountRule): string | null {
  const figure = pickCount(incident.fatalities, rule);
  if (figure === null) return null;
  const n = incident.fatalities.reports.length;
  const which = n > 1 ? ` (${rule} of ${n} reports)` : '';
  return `${figure.toLocaleString('en-US')} killed${which}`;
}

function perpetratorHint(incident: Incident): string | null {
  const perpetrators = incident.actors.filter((a) => a.role === 'perpetrator');
  const first = perpetrators[0];
  if (first === undefined) return null;
  const more = perpetrators.length > 1 ? ` (+${perpetrators.length - 1} more)` : '';
  return `${first.name}: ${first.attribution}${more}`;
}

/** The nearest ancestor of `node` that scrolls vertically (the page's scrolling element if none). */
export function scrollParent(node: HTMLElement): HTMLElement {
  for (let at = node.parentElement; at !== null; at = at.parentElement) {
    const { overflowY } = getComputedStyle(at);
    if (overflowY === 'auto' || overflowY === 'scroll') return at;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/** The parts of a row, found again when the row is reused for another incident. */
interface RowParts {
  readonly button: HTMLButtonElement;
  readonly icon: HTMLSpanElement;
  readonly date: HTMLSpanElement;
  readonly killed: HTMLSpanElement;
  readonly title: HTMLSpanElement;
  readonly meta: HTMLSpanElement;
}

export class IncidentList {
  private readonly list: HTMLOListElement;
  private readonly summary: HTMLParagraphElement;
  private readonly empty: HTMLParagraphElement;
  private readonly virtual: VirtualList;
  private readonly parts = new WeakMap<HTMLLIElement, RowParts>();
  private shown: ArrayLike<number> = new Uint32Array(0);
  /** The last position found by `position` (the open incident's, usually), for `shown` as it is. */
  private found: { index: number; position: number | null } | null = null;
  private current: number | null = null;
  private rule: CountRule;
  private readonly ruleSelect: HTMLSelectElement;
  /** Rows drawn without their record: read together, then the rows on screen are drawn again. */
  private readonly wanted = new Set<number>();

  constructor(
    container: HTMLElement,
    private readonly data: Pick<Dataset, 'records' | 'idOf'>,
    private readonly options: IncidentListOptions,
  ) {
    this.list = el('ol', { className: 'incident-list', attrs: { 'aria-label': 'Incidents' } });
    this.summary = el('p', { className: 'list-summary', attrs: { id: 'incident-list-summary' } });
    this.empty = el('p', { className: 'empty-state' }, 'No incident matches these filters.');
    this.empty.hidden = true;
    this.list.setAttribute('aria-describedby', 'incident-list-summary');
    this.rule = options.countRule ?? 'latest';
    this.ruleSelect = el('select', { attrs: { id: 'count-rule' } });
    for (const rule of COUNT_RULES) {
      this.ruleSelect.append(el('option', { attrs: { value: rule } }, COUNT_RULE_LABEL[rule]));
    }
    this.ruleSelect.value = this.rule;
    this.ruleSelect.addEventListener('change', () => {
      this.setCountRule(this.ruleSelect.value as CountRule);
      options.onCountRule?.(this.rule);
    });
    const ruleRow = el(
      'p',
      { className: 'count-rule' },
      el('label', { attrs: { for: 'count-rule' } }, 'Where reports disagree, count the '),
      this.ruleSelect,
    );
    container.replaceChildren(ruleRow, this.summary, this.list, this.empty);
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.virtual = new VirtualList(this.list, {
      rowHeight: Math.round(ROW_REM * rem),
      scroller: options.scroller ?? scrollParent(container),
      keyOf: (position) => this.shown[position] as number,
      createRow: (item) => this.createRow(item),
      renderRow: (item, position) => this.renderRow(item, position),
    });
  }

  /** Which report gives the one figure shown per incident where reports disagree; redraws the rows. */
  setCountRule(rule: CountRule): void {
    this.rule = rule;
    this.ruleSelect.value = rule;
    this.virtual.refresh();
  }

  /** Shows the incidents at `indices`, in that order, and marks `selected` (an index) as current. */
  render(indices: ArrayLike<number>, selected: number | null): void {
    this.shown = indices;
    this.found = null;
    this.current = selected;
    const n = indices.length;
    this.summary.textContent =
      n === 0 ? '' : `${n.toLocaleString('en-US')} incident${n === 1 ? '' : 's'}, newest first`;
    this.empty.hidden = n > 0;
    this.virtual.setCount(n); // renders the rows shown, the current one marked
    this.reveal(selected);
  }

  /** Moves keyboard focus to the item of `index`, scrolling to it, when it is listed. */
  focusItem(index: number): void {
    const position = this.position(index);
    if (position !== null) this.virtual.focusRow(position);
  }

  /** Highlights the item of `index` (or none) and scrolls it into view within the list. */
  markCurrent(index: number | null): void {
    this.current = index;
    this.reveal(index);
    this.virtual.refresh();
  }

  /** Scrolls the item of `index` into view and makes it the tab stop, when it is listed. */
  private reveal(index: number | null): void {
    const position = index === null ? null : this.position(index);
    if (position !== null) {
      this.virtual.scrollToIndex(position);
      this.virtual.setTabStop(position);
    }
  }

  /** Position of incident `index` in the list, or null when it is not listed: one scan of a typed array. */
  private position(index: number): number | null {
    if (this.found?.index === index) return this.found.position;
    const { shown } = this;
    let position: number | null = null;
    for (let k = 0; k < shown.length; k++) {
      if (shown[k] === index) {
        position = k;
        break;
      }
    }
    this.found = { index, position };
    return position;
  }

  private createRow(item: HTMLLIElement): HTMLElement {
    const icon = el('span', { className: 'item-icon' });
    const date = el('span', { className: 'item-date' });
    const killed = el('span', { className: 'item-killed' });
    const title = el('span', { className: 'item-title' });
    const meta = el('span', { className: 'item-meta' });
    const button = el(
      'button',
      { className: 'incident-item', attrs: { type: 'button' } },
      icon,
      el('span', { className: 'item-when' }, date, killed),
      title,
      meta,
    );
    button.addEventListener('click', () => {
      const index = Number(button.dataset.index);
      if (Number.isInteger(index)) this.options.onChoose(index);
    });
    item.appendChild(button);
    this.parts.set(item, { button, icon, date, killed, title, meta });
    return button;
  }

  /** A row whose record is still being read: its place is kept, its text comes when the record does. */
  private drawPending(parts: RowParts): void {
    parts.icon.replaceChildren();
    parts.date.textContent = '';
    parts.killed.textContent = '';
    parts.title.textContent = 'Loading…';
    parts.title.title = '';
    parts.meta.replaceChildren();
  }

  /** Reads the records of rows drawn pending, all at once, then redraws the rows on screen. */
  private want(index: number): void {
    const first = this.wanted.size === 0;
    this.wanted.add(index);
    if (!first) return;
    queueMicrotask(() => {
      const indices = [...this.wanted];
      this.wanted.clear();
      this.data.records.load(indices).then(
        () => this.virtual.refresh(),
        (error: unknown) => this.options.failed(error),
      );
    });
  }

  private renderRow(item: HTMLLIElement, position: number): void {
    const parts = this.parts.get(item);
    const index = this.shown[position];
    if (parts === undefined || index === undefined) throw new RangeError(`No row at position ${position}`);
    const { button } = parts;
    button.dataset.index = String(index);
    button.dataset.incidentId = this.data.idOf(index);
    if (index === this.current) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
    const incident = this.data.records.peek(index);
    if (incident === undefined) {
      this.drawPending(parts);
      this.want(index);
      return;
    }
    parts.icon.replaceChildren(
      createSymbolSvg(symbolFor(incident.eventType), 18, attributionDrawing(incident)),
    );
    parts.date.textContent = formatIncidentDate(incident.date);
    parts.title.textContent = incident.title;
    parts.title.title = incident.title; // a tooltip for a title cut short; not part of the button's name
    const hints = [formatDatePrecision(incident.date)];
    if (incident.locationPrecision !== 'exact')
      hints.push(`location ${incident.locationPrecision === 'near' ? 'approximate' : 'regional'}`);
    const attribution = perpetratorHint(incident);
    if (attribution) hints.push(attribution);
    const killed = killedHint(incident, this.rule);
    parts.killed.textContent = killed === null ? '' : ` · ${killed}`;
    parts.meta.replaceChildren(
      formatPlace(incident.place),
      ...hints.map((h) => el('span', { className: 'hint' }, h)),
    );
  }
}
