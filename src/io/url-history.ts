/**
 * The page URL as the store of the shareable view. Parameters other than the view's (such as `data`)
 * are kept as they are; each filter change can be its own history entry so Back undoes it.
 */
import { VIEW_PARAMS } from '../domain/view-state';

const VIEW_PARAM_SET = new Set<string>(VIEW_PARAMS);

/** The current query as `[name, value]` pairs. */
export function readQuery(): [string, string][] {
  flushView();
  return [...new URLSearchParams(window.location.search)];
}

/** The `data` parameter: the dataset URL to load instead of the bundled one, or null. */
export function dataParam(): string | null {
  flushView();
  const value = new URLSearchParams(window.location.search).get('data');
  return value === null || value.trim() === '' ? null : value;
}

/** A same-page href for the given view pairs, keeping every non-view parameter of the current URL. */
export function hrefForView(viewPairs: readonly [string, string][]): string {
  const params = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(window.location.search)) {
    if (!VIEW_PARAM_SET.has(name)) params.append(name, value);
  }
  for (const [name, value] of viewPairs) params.append(name, value);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
}

/** A view written but not yet in the URL (see `writeView`). */
let pending: { href: string; mode: 'push' | 'replace' } | null = null;

/**
 * Writes the view into the URL: `push` adds a history entry, `replace` amends the current one. The write
 * happens after the next frame is painted (or 250 ms at most, for a page not being painted): Chromium takes
 * up to ~10 ms for a `pushState` in a busy page, which is no part of showing the change. Writes meanwhile
 * keep their meaning: a `replace` amends the entry still to be written, a second `push` first writes the
 * one before it. Everything here that reads or writes the URL writes a pending view first.
 */
export function writeView(viewPairs: readonly [string, string][], mode: 'push' | 'replace'): void {
  const href = hrefForView(viewPairs);
  if (pending !== null) {
    if (mode === 'replace') {
      pending = { href, mode: pending.mode };
      return;
    }
    flushView();
  }
  if (href === currentHref()) return;
  pending = { href, mode };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(flushView, 0)); // the task after the frame
  setTimeout(flushView, 250);
}

/** Writes a pending view into the URL now (nothing when none is pending). */
export function flushView(): void {
  const write = pending;
  pending = null;
  if (write === null || write.href === currentHref()) return;
  if (write.mode === 'push') window.history.pushState(null, '', write.href);
  else window.history.replaceState(null, '', write.href);
}

function currentHref(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/** Calls `listener` when the user moves through history (Back/Forward). Returns the unsubscribe. */
export function onHistoryMove(listener: () => void): () => void {
  // The history has moved already: a view still pending (changed in the same frame as Back) is dropped,
  // so it cannot land on top of the entry Back went to.
  const moved = () => {
    pending = null;
    listener();
  };
  window.addEventListener('popstate', moved);
  return () => window.removeEventListener('popstate', moved);
}

/** The `dataset` parameters: names of opened files whose view the link shows (the rows are never in a link). */
export function datasetNamesInLink(): string[] {
  flushView();
  return new URLSearchParams(window.location.search).getAll('dataset');
}

/** Sets the `dataset` parameters to `names`, amending the current history entry. */
export function writeDatasetNames(names: readonly string[]): void {
  flushView();
  const params = new URLSearchParams(window.location.search);
  const current = params.getAll('dataset');
  if (current.length === names.length && current.every((n, i) => n === names[i])) return;
  params.delete('dataset');
  for (const name of names) params.append('dataset', name);
  const query = params.toString();
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
  );
}
