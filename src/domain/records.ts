/**
 * An incident's text, read only when something shows it. The page keeps every incident's numbers as
 * columns (columns.ts, filter.ts); the whole incident — title, summary, actors, sources, reports — is a
 * record, read on demand from where the dataset keeps them (a Blob made by the loading worker, or the
 * incidents themselves for a small dataset built on the page).
 *
 * A record is stored as the incident's lossless GeoJSON Feature (export/geojson.ts) and read back through
 * the same builder that read the file, so a record from any source — a binary file included — is
 * validated before anything shows it (record-decode.ts, which the page fetches when it first reads one).
 *
 * Reading is cache first: `peek` answers synchronously from what was loaded, `load` brings records in, so a
 * view renders what it has at once and the rest when it arrives.
 */
import { incidentToFeature } from './export/geojson';
import type { Incident } from './incident';

export interface RecordSource {
  /** The incident at position `i` when it is at hand, else undefined (then `load` it). */
  peek(i: number): Incident | undefined;
  /** Brings the records at `indices` to hand (for a bounded number: what is on screen). */
  load(indices: ArrayLike<number>): Promise<void>;
  /** Reads the records at `indices`, in order, without keeping them (for exports of any size). */
  read(indices: ArrayLike<number>): Promise<Incident[]>;
}

/** One incident as the text of its record. */
export function encodeRecord(incident: Incident): string {
  return JSON.stringify(incidentToFeature(incident));
}

/** The records of incidents already in memory (small datasets made on the page, tests). */
export function memoryRecords(incidents: readonly Incident[]): RecordSource {
  const at = (i: number): Incident => {
    const incident = incidents[i];
    if (incident === undefined)
      throw new RangeError(`No incident at position ${i} (have ${incidents.length})`);
    return incident;
  };
  return {
    peek: (i) => incidents[i],
    load: async (indices) => {
      for (let k = 0; k < indices.length; k++) at(indices[k] as number);
    },
    read: async (indices) => Array.from(indices, at),
  };
}

/**
 * Calls `use` with the incidents at `indices` as soon as all are at hand: at once when they are, else
 * after loading them. `failed` hears why a load failed.
 */
export function withRecords(
  records: RecordSource,
  indices: readonly number[],
  use: (incidents: Incident[]) => void,
  failed: (error: unknown) => void = (error) => {
    throw error;
  },
): void {
  const now = indices.map((i) => records.peek(i));
  if (now.every((incident) => incident !== undefined)) {
    use(now as Incident[]);
    return;
  }
  records.load(indices).then(() => {
    const later = indices.map((i) => records.peek(i));
    if (later.every((incident) => incident !== undefined)) use(later as Incident[]);
    else failed(new Error('Some incidents could not be read'));
  }, failed);
}
