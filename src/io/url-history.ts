/**
 * The page URL as the store of the shareable view. Parameters other than the view's (such as `data`)
 * are kept as they are; each filter change can be its own history entry so Back undoes it.
 */
import { VIEW_PARAMS } from '../domain/view-state';

const VIEW_PARAM_SET = new Set<string>(VIEW_PARAMS);

/** The current query as `[name, value]` pairs. */
export function readQuery(): [string, string][] {
  return [...new URLSearchParams(window.location.search)];
}

/** The `data` parameter: the dataset URL to load instead of the bundled one, or null. */
export function dataParam(): string | null {
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

/** Writes the view into the URL: `push` adds a history entry, `replace` amends the current one. */
export function writeView(viewPairs: readonly [string, string][], mode: 'push' | 'replace'): void {
  const href = hrefForView(viewPairs);
  const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (href === current) return;
  if (mode === 'push') window.history.pushState(null, '', href);
  else window.history.replaceState(null, '', href);
}

/** Calls `listener` when the user moves through history (Back/Forward). Returns the unsubscribe. */
export function onHistoryMove(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

/** The `dataset` parameters: names of opened files whose view the link shows (the rows are never in a link). */
export function datasetNamesInLink(): string[] {
  return new URLSearchParams(window.location.search).getAll('dataset');
}

/** Sets the `dataset` parameters to `names`, amending the current history entry. */
export function writeDatasetNames(names: readonly string[]): void {
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
