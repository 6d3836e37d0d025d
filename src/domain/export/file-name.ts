/**
 * File names for exports that say what is in them: the dataset and the date filter,
 * `incidents_2020-03-01_2020-03-31.geojson`.
 */

/** What the export holds, as the filter describes it. Dates are `YYYY-MM-DD`, inclusive. */
export interface ExportFilterLabel {
  readonly from: string | null;
  readonly to: string | null;
  /** True when filters other than the dates (actor, type, …) narrowed the view: adds `_filtered`. */
  readonly narrowed?: boolean;
}

export type ExportExtension = 'geojson' | 'csv' | 'kml';

/** The dataset name as a safe file-name stem: no extension, no path, `[a-z0-9_-]` only. */
function stem(datasetName: string): string {
  const base = datasetName.split(/[\\/]/).pop() ?? '';
  const noExt = base.replace(/\.[a-z0-9]{1,8}$/i, '');
  const safe = noExt
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return safe === '' ? 'incidents' : safe;
}

/**
 * `incidents_2020-03-01_2020-03-31.geojson`; an open end is written `start` / `end`; no date filter gives
 * `incidents.geojson`; `narrowed` adds `_filtered`.
 */
export function exportFileName(datasetName: string, filter: ExportFilterLabel, ext: ExportExtension): string {
  const parts = [stem(datasetName)];
  if (filter.from !== null || filter.to !== null) parts.push(filter.from ?? 'start', filter.to ?? 'end');
  if (filter.narrowed === true) parts.push('filtered');
  return `${parts.join('_')}.${ext}`;
}
