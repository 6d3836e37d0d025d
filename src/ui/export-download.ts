/**
 * Downloads the incidents shown as GeoJSON, CSV or KML. The serialisers (domain/export) yield the file in
 * chunks; this adapter gathers them into a Blob, yielding to the page every so often so a large export
 * never freezes it, then hands the Blob to the browser as a download named for the dataset and filter.
 */
import { el } from '../dom/el';
import type { CountRule } from '../domain/counts';
import type { Dataset } from '../domain/dataset';
import { isoFromDay } from '../domain/date';
import { exportCsv } from '../domain/export/csv';
import { exportFileName } from '../domain/export/file-name';
import { exportGeoJson } from '../domain/export/geojson';
import { exportKml } from '../domain/export/kml';
import type { IncidentFilter } from '../domain/filter';
import type { Incident } from '../domain/incident';
import type { ExportFormat } from './data-panel';
import type { Notices } from './notices';

const CHUNKS_PER_SLICE = 2_000; // chunks gathered between two yields to the page
const MIME: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv;charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml',
};

const RECORDS_PER_READ = 5_000; // records read from the dataset's store per step

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function chunksFor(
  format: ExportFormat,
  incidents: readonly Incident[],
  name: string,
  rule: CountRule,
): Iterable<string> {
  if (format === 'geojson') return exportGeoJson(incidents); // every report, no rule needed
  if (format === 'csv') return exportCsv(incidents, rule);
  return exportKml(incidents, name);
}

/** Builds the export of `indices` (into the dataset) and starts its download. */
export async function downloadExport(
  format: ExportFormat,
  dataset: Dataset,
  indices: ArrayLike<number>,
  filter: IncidentFilter,
  rule: CountRule,
  notices: Notices,
): Promise<void> {
  // The records are read a slice at a time, with the page's turn between slices.
  const shown: Incident[] = [];
  for (let from = 0; from < indices.length; from += RECORDS_PER_READ) {
    const slice = Array.prototype.slice.call(indices, from, from + RECORDS_PER_READ) as number[];
    for (const incident of await dataset.records.read(slice)) shown.push(incident);
  }
  const parts: string[] = [];
  let n = 0;
  for (const chunk of chunksFor(format, shown, dataset.name, rule)) {
    parts.push(chunk);
    if (++n % CHUNKS_PER_SLICE === 0) await nextTask();
  }
  const blob = new Blob(parts, { type: MIME[format] });
  const fileName = exportFileName(
    dataset.name,
    {
      from: filter.from === null ? null : isoFromDay(filter.from),
      to: filter.to === null ? null : isoFromDay(filter.to),
      narrowed:
        filter.actors.length > 0 ||
        filter.types.length > 0 ||
        filter.role !== 'any' ||
        filter.attribution !== 'any',
    },
    format,
  );
  const href = URL.createObjectURL(blob);
  const link = el('a', { attrs: { href, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; free ours after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  notices.show(
    'export',
    'info',
    `Exported ${shown.length.toLocaleString('en-US')} incident${shown.length === 1 ? '' : 's'} as ${fileName}`,
  );
}
