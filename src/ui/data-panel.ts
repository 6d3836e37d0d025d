/**
 * The header's data controls: "Open data" (a labelled file input taking several files), the list of
 * loaded datasets with their format and counts, each removable, the export buttons, and a drop target
 * that appears when files are dragged over the page. It owns no state: `render` shows the shelf, and the
 * user's actions are reported through the callbacks.
 */
import { el } from '../dom/el';

/** One row of the data list. */
export interface DataRow {
  readonly key: string;
  readonly name: string;
  readonly format: string;
  readonly loaded: number;
  readonly skipped: number;
  readonly total: number;
  /** Kept in this browser (opened files) rather than fetched again (bundled, links). */
  readonly kept: boolean;
}

export type ExportFormat = 'geojson' | 'csv' | 'kml';

export interface DataPanelOptions {
  /** The user picked or dropped files. */
  onFiles(files: File[]): void;
  onRemove(key: string): void;
  onExport(format: ExportFormat): void;
}

/** File types the picker offers; anything else can still be dropped and is then named in a message. */
const ACCEPT =
  '.geojson,.json,.csv,.tsv,.txt,.arrow,.feather,application/geo+json,application/json,text/csv,application/vnd.apache.arrow.file';

const n = (x: number) => x.toLocaleString('en-US');

export class DataPanel {
  private readonly input: HTMLInputElement;
  private readonly summary: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly exportCount: HTMLElement;
  private readonly exportButtons: HTMLButtonElement[];
  private readonly drop: HTMLElement;
  private readonly unlisten: (() => void)[] = [];
  private dragDepth = 0;

  constructor(
    container: HTMLElement,
    private readonly options: DataPanelOptions,
  ) {
    this.input = el('input', {
      className: 'visually-hidden',
      attrs: { type: 'file', id: 'open-data-input', multiple: '', accept: ACCEPT },
    });
    const open = el(
      'span',
      { className: 'open-data' },
      this.input,
      el('label', { className: 'button', attrs: { for: 'open-data-input' } }, 'Open data'),
    );
    this.summary = el('summary', { className: 'button' }, 'Data');
    this.list = el('ul', { className: 'data-list', attrs: { 'aria-label': 'Loaded datasets' } });
    this.exportCount = el('span', {}, '');
    this.exportButtons = (['geojson', 'csv', 'kml'] as const).map((format) => {
      const button = el(
        'button',
        { className: 'button', attrs: { type: 'button', 'data-export': format } },
        { geojson: 'GeoJSON', csv: 'CSV (ACLED columns)', kml: 'KML' }[format],
      );
      button.addEventListener('click', () => this.options.onExport(format));
      return button;
    });
    const menu = el(
      'details',
      { className: 'data-menu' },
      this.summary,
      el(
        'div',
        { className: 'data-menu-body' },
        el('h2', {}, 'Loaded datasets'),
        this.list,
        el(
          'p',
          { className: 'data-note' },
          'Opened files stay in this browser until you remove them; they are never uploaded. A shared link carries the view, not the data.',
        ),
        el('h2', {}, 'Export what is shown'),
        el('p', { className: 'data-note' }, this.exportCount),
        el(
          'div',
          { className: 'export-buttons', attrs: { role: 'group', 'aria-label': 'Export' } },
          ...this.exportButtons,
        ),
      ),
    );
    container.replaceChildren(open, menu);
    this.input.addEventListener('change', () => {
      const files = Array.from(this.input.files ?? []);
      this.input.value = ''; // choosing the same file again is a new choice
      if (files.length > 0) this.options.onFiles(files);
    });

    this.drop = el(
      'div',
      { className: 'drop-target', attrs: { 'aria-hidden': 'true' } },
      el('p', {}, 'Drop files to open them: GeoJSON, ACLED or UCDP exports, or any CSV with coordinates'),
    );
    this.drop.hidden = true;
    document.body.append(this.drop);
    this.listen(document, 'dragenter', this.onDragEnter);
    this.listen(document, 'dragover', this.onDragOver);
    this.listen(document, 'dragleave', this.onDragLeave);
    this.listen(document, 'drop', this.onDrop);
  }

  /** Shows the loaded datasets and how many incidents an export would hold. */
  render(rows: readonly DataRow[], shown: number): void {
    this.summary.textContent = `Data (${rows.length})`;
    const items: HTMLLIElement[] = [];
    for (const row of rows) {
      const remove = el(
        'button',
        { className: 'button-link', attrs: { type: 'button', 'aria-label': `Remove ${row.name}` } },
        'Remove',
      );
      remove.addEventListener('click', () => this.options.onRemove(row.key));
      const counts =
        row.skipped > 0
          ? `${n(row.loaded)} loaded, ${n(row.skipped)} skipped of ${n(row.total)}`
          : `${n(row.loaded)} incident${row.loaded === 1 ? '' : 's'}`;
      items.push(
        el(
          'li',
          { attrs: { 'data-key': row.key } },
          el('span', { className: 'data-name' }, row.name),
          el(
            'span',
            { className: 'data-meta' },
            `${row.format} · ${counts}${row.kept ? ' · kept in this browser' : ''}`,
          ),
          remove,
        ),
      );
    }
    this.list.replaceChildren();
    this.list.append(...items); // one per loaded dataset: a handful
    this.exportCount.textContent = `${n(shown)} incident${shown === 1 ? '' : 's'} shown with the current filters.`;
    for (const button of this.exportButtons) button.disabled = shown === 0;
  }

  /** Removes the drop target and every document listener. */
  destroy(): void {
    for (const undo of this.unlisten.splice(0)) undo();
    this.drop.remove();
  }

  private listen(
    target: Document,
    type: 'dragenter' | 'dragover' | 'dragleave' | 'drop',
    handler: (e: DragEvent) => void,
  ): void {
    target.addEventListener(type, handler);
    this.unlisten.push(() => target.removeEventListener(type, handler));
  }

  private readonly onDragEnter = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragDepth++;
    this.drop.hidden = false;
  };

  private readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = 'copy';
  };

  private readonly onDragLeave = (): void => {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.drop.hidden = true;
  };

  private readonly onDrop = (event: DragEvent): void => {
    this.dragDepth = 0;
    this.drop.hidden = true;
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length === 0) return;
    event.preventDefault(); // never let the browser navigate to the dropped file
    this.options.onFiles(files);
  };
}
