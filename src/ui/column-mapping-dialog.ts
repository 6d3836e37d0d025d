/**
 * The dialog for a CSV whose columns were not recognised: the user says which column is which (latitude,
 * longitude, date, title; actor, summary, source URL optional), sees the first rows as they would load,
 * and the choice is remembered in this browser for files with the same header line.
 */
import Papa from 'papaparse';
import { el } from '../dom/el';
import { formatIncidentDate } from '../domain/format';
import type { ColumnMapping } from '../domain/import/column-mapping';
import { importText } from '../domain/import/import-text';
import type { MappingRequest } from '../domain/import/result';
import { formatIssue } from '../domain/issues';

const FIELDS: readonly { key: keyof ColumnMapping; label: string; required: boolean }[] = [
  { key: 'latitude', label: 'Latitude', required: true },
  { key: 'longitude', label: 'Longitude', required: true },
  { key: 'date', label: 'Date', required: true },
  { key: 'title', label: 'Title', required: true },
  { key: 'actor', label: 'Actor', required: false },
  { key: 'summary', label: 'Summary', required: false },
  { key: 'sourceUrl', label: 'Source URL', required: false },
];

const STORAGE_PREFIX = 'incident-atlas.column-mapping:';
const MAX_HEADER_KEY = 2_000; // characters of the header line used as the storage key

function storageKey(headers: readonly string[]): string {
  return STORAGE_PREFIX + headers.join('\u001f').slice(0, MAX_HEADER_KEY);
}

/** The mapping remembered for files with exactly these headers, if any. */
export function rememberedMapping(headers: readonly string[]): ColumnMapping | null {
  try {
    const raw = window.localStorage.getItem(storageKey(headers));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const m = parsed as Record<string, unknown>;
    const ok = FIELDS.every(
      (f) =>
        (m[f.key] === undefined && !f.required) ||
        (typeof m[f.key] === 'string' && headers.includes(m[f.key] as string)),
    );
    return ok ? (m as unknown as ColumnMapping) : null;
  } catch {
    return null;
  }
}

function remember(headers: readonly string[], mapping: ColumnMapping): void {
  try {
    window.localStorage.setItem(storageKey(headers), JSON.stringify(mapping));
  } catch {
    // Storage full or blocked: the choice holds for this file only.
  }
}

/** Resolves with the mapping chosen for `fileName`, or null when the user cancels. */
export function askColumnMapping(fileName: string, request: MappingRequest): Promise<ColumnMapping | null> {
  return new Promise((resolve) => {
    const selects = new Map<keyof ColumnMapping, HTMLSelectElement>();
    const rows = FIELDS.map(({ key, label, required }) => {
      const id = `map-${key}`;
      const select = el('select', { attrs: { id, name: key } });
      select.append(el('option', { attrs: { value: '' } }, required ? '— choose a column —' : '— none —'));
      for (const header of request.headers) select.append(el('option', { attrs: { value: header } }, header));
      select.value = request.guess[key] ?? '';
      selects.set(key, select);
      return el(
        'div',
        { className: 'mapping-row' },
        el('label', { attrs: { for: id } }, `${label}${required ? '' : ' (optional)'}`),
        select,
      );
    });
    const preview = el('div', { className: 'mapping-preview', attrs: { 'aria-live': 'polite' } });
    const apply = el(
      'button',
      { className: 'button button-primary', attrs: { type: 'button' } },
      'Load with these columns',
    );
    const cancel = el('button', { className: 'button-link', attrs: { type: 'button' } }, 'Cancel');
    const dialog = el(
      'dialog',
      { className: 'column-mapping', attrs: { 'aria-labelledby': 'column-mapping-heading' } },
      el('h2', { attrs: { id: 'column-mapping-heading' } }, `Which column is which in ${fileName}?`),
      el(
        'p',
        { className: 'data-note' },
        'The columns were not recognised. Your choice is remembered in this browser for files with the same columns.',
      ),
      el('div', { className: 'mapping-fields' }, ...rows),
      el('h3', {}, 'The first rows as they would load'),
      preview,
      el('div', { className: 'consent-actions' }, apply, cancel),
    );

    const current = (): ColumnMapping | null => {
      const value = (k: keyof ColumnMapping) => selects.get(k)?.value || undefined;
      const [latitude, longitude, date, title] = (['latitude', 'longitude', 'date', 'title'] as const).map(
        value,
      );
      if (!latitude || !longitude || !date || !title) return null;
      const mapping: ColumnMapping = { latitude, longitude, date, title };
      const optional = { actor: value('actor'), summary: value('summary'), sourceUrl: value('sourceUrl') };
      return {
        ...mapping,
        ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
      };
    };

    const showPreview = () => {
      const mapping = current();
      apply.disabled = mapping === null;
      if (mapping === null) {
        preview.replaceChildren(el('p', {}, 'Choose the latitude, longitude, date and title columns.'));
        return;
      }
      const text = Papa.unparse({ fields: [...request.headers], data: request.sample.map((r) => [...r]) });
      const result = importText(text, fileName, { mapping, format: 'csv' });
      const items: HTMLLIElement[] = [];
      for (const incident of result.incidents) {
        items.push(
          el(
            'li',
            {},
            `${formatIncidentDate(incident.date)} · ${incident.title} · ${incident.lat.toFixed(4)}, ${incident.lon.toFixed(4)}`,
          ),
        );
      }
      for (const issue of result.issues.filter((i) => i.severity === 'error'))
        items.push(el('li', { className: 'mapping-problem' }, formatIssue(issue)));
      const list = el('ul', {});
      list.append(...items); // at most the 5 sample rows and their problems
      preview.replaceChildren(
        el('p', {}, `${result.incidents.length} of ${request.sample.length} sample rows would load.`),
        list,
      );
    };

    let answered = false;
    const answer = (mapping: ColumnMapping | null) => {
      if (answered) return;
      answered = true;
      if (mapping !== null) remember(request.headers, mapping);
      dialog.close();
      dialog.remove();
      resolve(mapping);
    };
    for (const select of selects.values()) select.addEventListener('change', showPreview);
    apply.addEventListener('click', () => answer(current()));
    cancel.addEventListener('click', () => answer(null));
    dialog.addEventListener('close', () => answer(null));
    document.body.append(dialog);
    showPreview();
    dialog.showModal();
    selects.get('latitude')?.focus();
  });
}
