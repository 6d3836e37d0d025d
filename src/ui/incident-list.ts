/**
 * The list named "Incidents": one button per incident that passes the filters, newest first, with date,
 * title, place and hints about how exact the date and place are and how firm the attribution is.
 * Items are created once per incident and reused, so re-filtering a long list moves nodes, not text.
 */
import { el } from '../dom/el';
import { formatDatePrecision, formatIncidentDate, formatPlace } from '../domain/format';
import type { Incident } from '../domain/incident';
import { createSymbolSvg, symbolFor } from '../map/symbols';

export interface IncidentListOptions {
  /** The user chose the incident at `index` (click, Enter or Space). */
  onChoose(index: number): void;
}

/** Most items rendered at once; past this the list says how many more match (zoom or filter to see them). */
const MAX_ITEMS = 500;

/** The first-listed perpetrator and how firm its attribution is, e.g. `Kataib Hezbollah: suspected`. */
function perpetratorHint(incident: Incident): string | null {
  const perpetrators = incident.actors.filter((a) => a.role === 'perpetrator');
  const first = perpetrators[0];
  if (first === undefined) return null;
  const more = perpetrators.length > 1 ? ` (+${perpetrators.length - 1} more)` : '';
  return `${first.name}: ${first.attribution}${more}`;
}

export class IncidentList {
  private readonly list: HTMLOListElement;
  private readonly more: HTMLParagraphElement;
  private readonly items = new Map<number, { li: HTMLLIElement; button: HTMLButtonElement }>();
  private current: number | null = null;

  constructor(
    container: HTMLElement,
    private readonly incidents: readonly Incident[],
    private readonly options: IncidentListOptions,
  ) {
    this.list = el('ol', { className: 'incident-list', attrs: { 'aria-label': 'Incidents' } });
    this.more = el('p', { className: 'empty-state' });
    container.replaceChildren(this.list, this.more);
  }

  /** Shows the incidents at `indices`, in that order, and marks `selected` (an index) as current. */
  render(indices: ArrayLike<number>, selected: number | null): void {
    const shown = Math.min(indices.length, MAX_ITEMS);
    const nodes: HTMLLIElement[] = [];
    for (let k = 0; k < shown; k++) nodes.push(this.itemFor(indices[k] as number).li);
    this.list.replaceChildren(...nodes);
    if (indices.length === 0) this.more.textContent = 'No incident matches these filters.';
    else if (indices.length > shown)
      this.more.textContent = `…and ${indices.length - shown} more. Narrow the filters to list them.`;
    else this.more.textContent = '';
    this.markCurrent(selected);
  }

  /** Moves keyboard focus to the item of `index`, when it is listed. */
  focusItem(index: number): void {
    const item = this.items.get(index);
    if (item?.li.isConnected) item.button.focus();
  }

  /** Highlights the item of `index` (or none) and scrolls it into view within the list. */
  markCurrent(index: number | null): void {
    if (this.current !== null) this.items.get(this.current)?.button.removeAttribute('aria-current');
    this.current = index;
    if (index === null) return;
    const item = this.items.get(index);
    if (!item?.li.isConnected) return;
    item.button.setAttribute('aria-current', 'true');
    item.li.scrollIntoView({ block: 'nearest' });
  }

  private itemFor(index: number) {
    let item = this.items.get(index);
    if (item) return item;
    const incident = this.incidents[index] as Incident;
    const hints = [formatDatePrecision(incident.date)];
    if (incident.locationPrecision !== 'exact')
      hints.push(`location ${incident.locationPrecision === 'near' ? 'approximate' : 'regional'}`);
    const attribution = perpetratorHint(incident);
    if (attribution) hints.push(attribution);
    const button = el(
      'button',
      { className: 'incident-item', attrs: { type: 'button', 'data-incident-id': incident.id } },
      createSymbolSvg(symbolFor(incident.eventType), 18),
      el('span', { className: 'item-date' }, formatIncidentDate(incident.date)),
      el('span', { className: 'item-title' }, incident.title),
      el(
        'span',
        { className: 'item-meta' },
        formatPlace(incident.place),
        ...hints.map((h) => el('span', { className: 'hint' }, h)),
      ),
    );
    button.addEventListener('click', () => this.options.onChoose(index));
    item = { li: el('li', {}, button), button };
    this.items.set(index, item);
    return item;
  }
}
