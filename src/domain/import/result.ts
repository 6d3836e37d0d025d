/**
 * What every importer returns, and the last step every format shares: relations checked against the
 * whole dataset, the dataset-wide location check, and the counts (loaded + skipped = total, always).
 */

import type { DatasetDerived } from '../dataset';
import type { Incident } from '../incident';
import { fileIssue, type LoadIssue } from '../issues';
import type { ColumnMapping } from './column-mapping';
import { countryBox, inBox } from './country-boxes';
import type { RecordPlace } from './record-issues';

/** The formats `importText` reads, and `arrow`: the binary form the loading worker reads (io/arrow-read.ts). */
export type ImportFormat = 'geojson' | 'acled' | 'ucdp' | 'csv' | 'arrow';

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  geojson: 'GeoJSON',
  acled: 'ACLED CSV',
  ucdp: 'UCDP GED CSV',
  csv: 'CSV',
  arrow: 'Arrow (Incident Atlas)',
};

/** A CSV whose columns were not recognised: what the mapping dialog needs. */
export interface MappingRequest {
  /** The header cells as found, in file order. */
  readonly headers: readonly string[];
  /** Columns recognised so far (the dialog's starting choice). */
  readonly guess: Partial<ColumnMapping>;
  /** Up to 5 first data rows, cells by header position, for a preview. */
  readonly sample: readonly (readonly string[])[];
}

export interface ImportResult {
  /** The format read, or null when the file could not be identified or read at all. */
  readonly format: ImportFormat | null;
  /** Valid incidents in file order; positions are the indices every index and filter returns. */
  readonly incidents: Incident[];
  readonly issues: LoadIssue[];
  /** Records in the file (features, or CSV data rows not blank). `incidents.length + skipped === total`. */
  readonly total: number;
  readonly skipped: number;
  /** False when the file as a whole could not be read: one file issue says what it is and what to do. */
  readonly readable: boolean;
  /** Set when a CSV needs a column mapping before any row can load. */
  readonly needsMapping?: MappingRequest;
  /** The name the file gives itself (a GeoJSON FeatureCollection's `name` member), when it gives one. */
  readonly name?: string;
  /** GeoJSON: per incident, the position (from 0) of the feature it was read from. */
  readonly featureOf?: Uint32Array;
}

/**
 * What a streamed GeoJSON import gives when it derives the columnar store as it reads (the loading
 * worker): the store instead of incident objects, which were dropped one by one as they were added.
 * `derived.index.count + skipped === total`.
 */
export interface DerivedImport extends Omit<ImportResult, 'incidents' | 'featureOf'> {
  readonly derived: DatasetDerived;
  /** Per incident, the position (from 0) of the feature it was read from. */
  readonly featureOf: Uint32Array;
}

/** A result for a file that could not be read at all. */
export function unreadable(
  file: string | null,
  message: string,
  format: ImportFormat | null = null,
): ImportResult {
  return { format, incidents: [], issues: [fileIssue(file, message)], total: 0, skipped: 0, readable: false };
}

/** One record that loaded, with where it was (for the issues found after building). */
export interface BuiltRecord {
  readonly incident: Incident;
  readonly place: RecordPlace;
}

/**
 * Drops relations that point at no loaded incident (or at `knownIds`, when given) or at the incident
 * itself, so no dead link is drawn, and reports each as a warning; warns once when every point with a known country lies outside it.
 */
export function finishImport(
  format: ImportFormat,
  file: string | null,
  built: readonly BuiltRecord[],
  issues: LoadIssue[],
  total: number,
  knownIds?: { has(id: string): boolean },
): ImportResult {
  const ids = knownIds ?? new Set(built.map((b) => b.incident.id as string));
  const outside = new OutsideCheck();
  const incidents = built.map(({ incident, place }) => {
    outside.add(incident);
    const kept = incident.related.filter((rel, i) => {
      const self = rel.id === incident.id;
      if (ids.has(rel.id) && !self) return true;
      issues.push(deadLinkIssue(file, place, incident.id, i, rel.id, self));
      return false;
    });
    return kept.length === incident.related.length ? incident : { ...incident, related: kept };
  });
  outside.report(file, issues);
  const result = { format, incidents, issues, total, skipped: total - incidents.length, readable: true };
  if (!built.every((b) => b.place.kind === 'feature')) return result;
  const featureOf = Uint32Array.from(built, (b) => (b.place.kind === 'feature' ? b.place.index : 0));
  return { ...result, featureOf };
}

/** The warning for relation `i` of the incident `id` at `place`, which names no loaded incident or itself. */
export function deadLinkIssue(
  file: string | null,
  place: RecordPlace,
  id: string,
  i: number,
  target: string,
  self: boolean,
): LoadIssue {
  const location =
    place.kind === 'feature'
      ? { kind: 'feature' as const, index: place.index, id }
      : { kind: 'line' as const, line: place.line, id };
  return {
    severity: 'warning',
    location,
    file,
    field: place.kind === 'feature' ? `properties.related[${i}].id` : 'related',
    message: self
      ? 'an incident cannot be related to itself'
      : `"${target}" is not an incident in this dataset; the link is not shown`,
  };
}

/**
 * The dataset-wide location check, one incident at a time: when every point with a known country lies
 * outside that country (at least two), the coordinates are probably wrong as a whole.
 */
export class OutsideCheck {
  private checked = 0;
  private outside = 0;
  private swappedInside = 0;

  add(incident: Pick<Incident, 'place' | 'lon' | 'lat'>): void {
    const box = incident.place === null ? null : countryBox(incident.place.country);
    if (box === null) return;
    this.checked++;
    if (!inBox(box, incident.lon, incident.lat)) this.outside++;
    if (inBox(box, incident.lat, incident.lon)) this.swappedInside++;
  }

  /** Adds the warning to `issues` when every point checked lies outside its country. */
  report(file: string | null, issues: LoadIssue[]): void {
    const { checked, outside, swappedInside } = this;
    if (checked < 2 || outside < checked) return;
    const hint =
      swappedInside === checked
        ? ' With latitude and longitude swapped every one would be inside: the columns are probably swapped.'
        : ' Check the coordinate columns and their order.';
    issues.push(
      fileIssue(
        file,
        `every one of the ${checked} points with a known country lies outside that country.${hint}`,
        'warning',
      ),
    );
  }
}
