/**
 * An incident's text, read only when something shows it. The page keeps every incident's numbers as
 * columns (columns.ts, filter.ts); the whole incident — title, summary, actors, sources, reports — is a
 * record, read on demand from where the dataset keeps them (a Blob made by the loading worker, or the
 * incidents themselves for a small dataset built on the page).
 *
 * A record is stored as the incident's lossless GeoJSON Feature (export/geojson.ts) and read back through
 * the same builder that read the file, so a record from any source — a binary file included — is
 * validated before anything shows it.
 *
 * Reading is cache first: `peek` answers synchronously from what was loaded, `load` brings records in, so a
 * view renders what it has at once and the rest when it arrives.
 */
import { incidentToFeature } from './export/geojson';
import { readGeoJson } from './import/geojson';
import type { Incident } from './incident';

export interface RecordSource {
  /** The incident at position `i` when it is at hand, else undefined (then `load` it). */
  peek(i: number): Incident | undefined;
  /** Brings the records at `indices` to hand (for a bounded number: what is on screen). */
  load(indices: ArrayLike<number>): Promise<void>;
  /** Reads the records at `indices`, in order, without keeping them (for exports of any size). */
  read(indices: ArrayLike<number>): Promise<Incident[]>;
}

const ANY_ID = { has: () => true };

/** One incident as the text of its record. */
export function encodeRecord(incident: Incident): string {
  return JSON.stringify(incidentToFeature(incident));
}

/**
 * The incident a record holds; throws with the reason when the record is not a valid incident.
 * `context` gives the id the dataset knows it by (a feature may not state one: it was given one when the
 * file loaded) and the ids its relations may name; without it, the record's own id stands and its
 * relations are kept as written (they were checked when it was written).
 */
export function decodeRecord(
  text: string,
  context?: { readonly id: string; readonly knownIds: { has(id: string): boolean } },
): Incident {
  let feature: unknown;
  try {
    feature = JSON.parse(text);
  } catch (error) {
    throw new Error(`A stored incident is not JSON (${error instanceof Error ? error.message : error})`);
  }
  const result = readGeoJson(
    { type: 'FeatureCollection', features: [feature] },
    { knownIds: context?.knownIds ?? ANY_ID },
  );
  const incident = result.incidents[0];
  if (incident === undefined || result.incidents.length !== 1) {
    const why = result.issues.find((issue) => issue.severity === 'error')?.message ?? 'no incident';
    throw new Error(`A stored incident could not be read again: ${why}`);
  }
  return context === undefined || context.id === incident.id
    ? incident
    : { ...incident, id: context.id as Incident['id'] };
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
