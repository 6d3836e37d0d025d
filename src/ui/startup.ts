/**
 * What the page shows first: the dataset a link names with `?data=` (asking first when it is on another
 * site), else the files kept in this browser (with the bundled dataset when it was on the shelf), else the
 * bundled dataset. A link made while opened files were shown names them (`dataset=`); when they are not
 * open here, the page says which it expects.
 */
import { el } from '../dom/el';
import type { DatasetOrigin } from '../domain/dataset';
import { quotedParam, resolveDataSource, TrustedOrigins } from '../io/data-source';
import { importUrl } from '../io/load-dataset';
import { dataParam, datasetNamesInLink } from '../io/url-history';
import { askToLoadFrom } from './consent';
import { LoadProgress, type PointsPreview } from './load-progress';
import type { Notices } from './notices';
import { entryFrom, type Shelf, type ShelfEntry } from './shelf';

export interface StartUpOptions {
  readonly shelf: Shelf;
  readonly notices: Notices;
  /** The bundled dataset's address (built by Vite). */
  readonly bundledUrl: string;
  /**
   * Draws the incidents as they are read, until the dataset mounts or `fail` runs (both clear it); the
   * first may move the map to them.
   */
  readonly preview?: PointsPreview;
  /** Nothing can be shown: say why (and offer the bundled dataset when a link asked for another). */
  fail(message: string, issues: Parameters<Notices['showLoadReport']>[2], offerBundled: boolean): void;
}

/** Downloads one address with progress and Cancel, as a shelf entry; reports nothing itself. */
async function fetchEntry(
  url: string,
  name: string,
  origin: DatasetOrigin,
  { notices, preview }: StartUpOptions,
): Promise<{ entry: ShelfEntry } | { message: string; issues: Parameters<Notices['showLoadReport']>[2] }> {
  const cancel = new AbortController();
  const progress = new LoadProgress(notices, name, () => cancel.abort());
  const result = await importUrl(url, name, origin, {
    signal: cancel.signal,
    onProgress: (p) => progress.update(p),
    ...(preview ? { onPoints: (xy: Float32Array) => preview.add(xy) } : {}),
  });
  progress.done();
  if (!result.ok) return { message: result.message, issues: result.issues };
  notices.showLoadReport(name, result.count, result.issues);
  return { entry: entryFrom(result, origin, origin.kind === 'bundled' ? 'bundled' : `url:${url}`, false) };
}

/** The `?data=` dataset, after checking its address and, for another site, asking. */
async function startFromLink(requested: string, options: StartUpOptions): Promise<void> {
  const { notices } = options;
  const source = resolveDataSource(requested, window.location.href);
  if (!source.ok) return options.fail(source.message, [], true);
  const name = quotedParam('data', requested);
  if (source.crossOrigin) {
    const trusted = new TrustedOrigins(window.localStorage);
    if (!trusted.has(source.origin)) {
      if (!(await askToLoadFrom(notices, source.host))) {
        const message = `The incidents of ${name} were not loaded: you chose not to load data from ${source.host}.`;
        return options.fail(message, [], true);
      }
      trusted.add(source.origin);
    }
  }
  const origin = {
    kind: 'url',
    url: source.url,
    host: source.host,
    crossOrigin: source.crossOrigin,
  } as const;
  const fetched = await fetchEntry(source.url, name, origin, options);
  if ('entry' in fetched) options.shelf.show([fetched.entry]);
  else options.fail(fetched.message, fetched.issues, true);
}

/** Chooses and loads what the page shows first. Never throws on bad data or a failed download. */
export async function startUp(options: StartUpOptions): Promise<void> {
  const requested = dataParam();
  if (requested !== null) return startFromLink(requested, options);
  const { shelf, notices } = options;
  const expected = datasetNamesInLink();
  const fetchBundled = () =>
    fetchEntry(options.bundledUrl, 'the bundled dataset', { kind: 'bundled' }, options);
  // Fetched while the kept files are read from this browser's storage, when it will be shown with them.
  const bundled = shelf.bundledKept ? fetchBundled() : null;
  const kept = await shelf.restoreKept();
  const entries = [...kept.entries];
  if (entries.length === 0 || kept.withBundled) {
    const fetched = await (bundled ?? fetchBundled());
    if ('entry' in fetched) entries.unshift(fetched.entry);
    else if (entries.length === 0) return options.fail(fetched.message, fetched.issues, false);
  }
  const missing = expected.filter((name) => !entries.some((e) => e.name === name));
  shelf.show(entries);
  if (missing.length > 0) {
    notices.show(
      'expected-data',
      'warning',
      'This link shows data that is not open in this browser',
      el(
        'p',
        {},
        `It was made with ${missing.map((m) => quotedParam('dataset', m)).join(', ')}. A link carries the view, never the data: open that file (Open data, or drop it on the page) to see what was shared.`,
      ),
    );
  }
}
