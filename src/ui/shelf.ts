/**
 * The shelf: the datasets loaded side by side, held in one place. Opening files adds to it or replaces
 * it (the user chooses), removing takes one off, and every change mounts the combined dataset anew.
 * Opened files are kept in this browser (IndexedDB) until removed; a failed open changes nothing shown.
 */

import { el } from '../dom/el';
import { type Dataset, type DatasetOrigin, datasetFrom } from '../domain/dataset';
import type { LoadIssue } from '../domain/issues';
import { type IdCollision, type ShelfPart, shelfName } from '../domain/shelf';
import { combineInWorker } from '../io/load-client';
import { type ImportResult, importFile, type LoadOptions } from '../io/load-dataset';
import type { StoreMessage } from '../io/load-protocol';
import { BlobRecords } from '../io/record-blob';
import type { ShelfStore } from '../io/shelf-store';
import type { DataPanel, DataRow } from './data-panel';
import { LoadProgress, type PointsPreview } from './load-progress';
import type { Notices } from './notices';
import { askAddOrReplace } from './open-choice';

/** A dataset on the shelf: its incidents and counts, where it came from, and its load problems. */
export interface ShelfEntry extends ShelfPart {
  readonly origin: DatasetOrigin;
  readonly issues: readonly LoadIssue[];
  /** Kept in this browser's storage (opened files). */
  readonly kept: boolean;
  /** Its columnar store, as the loader built it. */
  readonly store: StoreMessage;
}

export interface ShelfOptions {
  readonly notices: Notices;
  readonly store: ShelfStore;
  /** Shows the combined dataset (unmounting what was shown). */
  mount(dataset: Dataset): void;
  /** Nothing could be shown at all. */
  showNothing(message: string): void;
  /** The names of the opened files shown, for the link (`dataset=` parameters). */
  writeDatasetNames(names: readonly string[]): void;
  /** Draws an opened file's incidents as they are read, over what is shown, until it is read. */
  readonly preview?: PointsPreview;
}

/** Problems named at most in the id-collision notice; the rest are counted. */
const MAX_COLLISIONS_LISTED = 50;
const BUNDLED_FLAG = 'incident-atlas.shelf-has-bundled';

let nextKey = 0;
function newKey(): string {
  nextKey++;
  return `${Date.now().toString(36)}-${nextKey}`;
}

/** A shelf entry from a successful import. */
export function entryFrom(
  result: Extract<ImportResult, { ok: true }>,
  origin: DatasetOrigin,
  key: string,
  kept: boolean,
): ShelfEntry {
  return {
    key,
    name: result.name,
    format: result.format,
    count: result.count,
    total: result.total,
    skipped: result.total - result.count,
    origin,
    issues: result.issues,
    kept,
    store: result.store,
  };
}

export class Shelf {
  private entries: ShelfEntry[] = [];
  private panel: DataPanel | null = null;
  private shownCount = 0;
  /** Counts remounts, so a join that finishes after a newer change is dropped. */
  private generation = 0;
  private joining: AbortController | null = null;

  constructor(private readonly options: ShelfOptions) {}

  /** The panel that lists the shelf (set once, after both exist). */
  attach(panel: DataPanel): void {
    this.panel = panel;
    this.renderPanel();
  }

  /** What is on the shelf now. */
  get parts(): readonly ShelfEntry[] {
    return this.entries;
  }

  /** How many incidents the filters currently show (for the export line). */
  setShownCount(n: number): void {
    this.shownCount = n;
    this.renderPanel();
  }

  /** Puts exactly these entries on the shelf and shows them. */
  show(entries: readonly ShelfEntry[]): void {
    this.entries = [...entries];
    this.remount();
  }

  /** The files kept in this browser, as shelf entries (read again from storage). Failures are reported. */
  /** Whether the bundled dataset was on the shelf at the end of the last visit (also when no visit was). */
  get bundledKept(): boolean {
    return storageFlag();
  }

  async restoreKept(): Promise<{ entries: ShelfEntry[]; withBundled: boolean }> {
    const stored = await this.options.store.list();
    const entries: ShelfEntry[] = [];
    for (const file of stored) {
      const result = await importWithMapping(file.blob, file.name, false);
      if (result.ok) entries.push(entryFrom(result, { kind: 'file', fileName: file.name }, file.key, true));
      else
        this.options.notices.show(
          `open-${file.key}`,
          'error',
          `${file.name} could not be opened again`,
          el('p', {}, result.message),
        );
    }
    return { entries, withBundled: storageFlag() };
  }

  /** The user opened files (picker or drop): ask add or replace when something is shown, then load them. */
  async open(files: readonly File[]): Promise<void> {
    let mode: 'add' | 'replace' = 'replace';
    if (this.entries.length > 0) {
      const choice = await askAddOrReplace(files.length, shelfName(this.entries));
      if (choice === 'cancel') return;
      mode = choice;
    }
    const opened: ShelfEntry[] = [];
    for (const file of files) {
      const entry = await this.read(file);
      if (entry === null) continue;
      opened.push(entry);
      const kept = await this.options.store.put({
        key: entry.key,
        name: file.name,
        blob: file,
        openedAt: Date.now(),
      });
      if (!kept)
        this.options.notices.show(
          `keep-${entry.key}`,
          'info',
          `${entry.name} is shown but not kept`,
          el('p', {}, 'This browser would not store it, so it will be gone after a reload.'),
        );
    }
    if (opened.length === 0) return; // every file failed: what is shown stays as it was
    if (mode === 'replace') {
      await this.options.store.remove(this.entries.filter((e) => e.kept).map((e) => e.key));
      this.entries = opened;
    } else this.entries = [...this.entries, ...opened];
    this.remount();
  }

  /** Takes a dataset off the shelf (and out of this browser's storage). The last one brings back nothing. */
  async remove(key: string): Promise<void> {
    const entry = this.entries.find((e) => e.key === key);
    if (entry === undefined) return;
    if (entry.kept) await this.options.store.remove([key]);
    this.entries = this.entries.filter((e) => e.key !== key);
    this.options.notices.remove(`load-${key}`);
    this.remount();
  }

  /** Reads one file with progress and Cancel; reports a failure and returns null. */
  private async read(file: File): Promise<ShelfEntry | null> {
    const cancel = new AbortController();
    const progress = new LoadProgress(this.options.notices, file.name, () => cancel.abort());
    const { preview } = this.options;
    const result = await importWithMapping(file, file.name, true, {
      signal: cancel.signal,
      onProgress: (p) => progress.update(p),
      ...(preview ? { onPoints: (xy: Float32Array) => preview.add(xy) } : {}),
    });
    progress.done();
    // What is shown stays until the file's dataset replaces it, so the preview can go now.
    preview?.clear();
    const key = newKey();
    if (!result.ok) {
      this.options.notices.show(
        `open-${key}`,
        'error',
        `${file.name} could not be opened`,
        el('p', {}, result.message),
        el('p', {}, 'Nothing shown was changed.'),
      );
      return null;
    }
    const entry = entryFrom(result, { kind: 'file', fileName: file.name }, key, true);
    this.options.notices.showLoadReport(entry.name, entry.count, entry.issues);
    return entry;
  }

  private remount(): void {
    setStorageFlag(this.entries.some((e) => e.origin.kind === 'bundled'));
    this.options.writeDatasetNames(this.entries.filter((e) => e.origin.kind === 'file').map((e) => e.name));
    if (this.entries.length === 0) {
      this.options.showNothing(
        'No dataset is open. Open a file, drop one on the page, or open the bundled dataset.',
      );
      this.renderPanel();
      return;
    }
    const generation = ++this.generation;
    this.joining?.abort();
    this.joining = null;
    const name = shelfName(this.entries);
    if (this.entries.length === 1) {
      // One dataset alone is shown with the store its loader built.
      const only = this.entries[0] as ShelfEntry;
      this.reportCollisions([]);
      this.options.mount(
        datasetFrom(
          only.store.derived,
          new BlobRecords(only.store.records, { ids: only.store.derived.columns.ids }),
          name,
          only.origin,
        ),
      );
      this.renderPanel();
      return;
    }
    // Several are joined in a worker (ids checked, everything indexed together); what is shown stays until
    // the join is ready, and a join overtaken by a newer change is dropped.
    const entries = this.entries;
    const origin: DatasetOrigin = { kind: 'several', parts: entries.map((e) => e.origin) };
    const cancel = new AbortController();
    this.joining = cancel;
    const progress = new LoadProgress(this.options.notices, name, () => cancel.abort());
    void combineInWorker(
      entries.map((e) => ({ name: e.name, records: e.store.records, ids: e.store.derived.columns.ids })),
      {
        signal: cancel.signal,
        onProgress: (p) => progress.say(`${p.features.toLocaleString('en-US')} incidents joined`),
      },
    ).then((result) => {
      progress.done();
      if (generation !== this.generation) return;
      this.joining = null;
      if (!result.ok) {
        this.options.notices.show(
          'join',
          'error',
          `${name} could not be shown together`,
          el('p', {}, result.message),
        );
        return;
      }
      this.options.notices.remove('join');
      this.reportCollisions(result.collisions);
      const records = new BlobRecords(result.store.records, { ids: result.store.derived.columns.ids });
      this.options.mount(datasetFrom(result.store.derived, records, name, origin));
      this.renderPanel();
    });
    this.renderPanel();
  }

  private reportCollisions(collisions: readonly IdCollision[]): void {
    this.options.notices.remove('collisions');
    if (collisions.length === 0) return;
    const items: HTMLLIElement[] = [];
    for (const c of collisions.slice(0, MAX_COLLISIONS_LISTED))
      items.push(el('li', {}, `id ${c.id}: ${c.droppedFrom} left out, ${c.keptIn} kept`));
    const list = el('ul', {});
    list.append(...items); // bounded by MAX_COLLISIONS_LISTED
    const more = collisions.length - items.length;
    this.options.notices.show(
      'collisions',
      'warning',
      `${collisions.length.toLocaleString('en-US')} incident${collisions.length === 1 ? '' : 's'} left out: the id is already used by another dataset shown`,
      list,
      more > 0 ? el('p', {}, `…and ${more.toLocaleString('en-US')} more.`) : '',
    );
  }

  private renderPanel(): void {
    if (this.panel === null) return;
    const rows: DataRow[] = this.entries.map((e) => ({
      key: e.key,
      name: e.name,
      format: e.format,
      loaded: e.count,
      skipped: e.skipped,
      total: e.total,
      kept: e.kept,
    }));
    this.panel.render(rows, this.shownCount);
  }
}

/**
 * Imports a file's bytes; a CSV whose columns were not recognised takes the mapping remembered for its
 * header line, else (when `ask`) the one the user chooses in the mapping dialog.
 */
async function importWithMapping(
  file: Blob,
  fileName: string,
  ask: boolean,
  options: LoadOptions = {},
): Promise<ImportResult> {
  const first = await importFile(file, fileName, options);
  if (first.ok || first.needsMapping === undefined) return first;
  // The dialog (with the CSV importer for its preview) is fetched only for a file that needs it.
  const { askColumnMapping, rememberedMapping } = await import('./column-mapping-dialog');
  const mapping =
    rememberedMapping(first.needsMapping.headers) ??
    (ask ? await askColumnMapping(fileName, first.needsMapping) : null);
  if (mapping === null)
    return { ok: false, message: `${fileName} was not opened: its columns were not chosen.`, issues: [] };
  return importFile(file, fileName, { ...options, mapping });
}

function storageFlag(): boolean {
  try {
    return window.localStorage.getItem(BUNDLED_FLAG) !== '0';
  } catch {
    return true;
  }
}

function setStorageFlag(hasBundled: boolean): void {
  try {
    window.localStorage.setItem(BUNDLED_FLAG, hasBundled ? '1' : '0');
  } catch {
    // Storage blocked: the shelf is remembered for this visit only.
  }
}
