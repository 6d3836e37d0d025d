/**
 * Reading a record (records.ts) back into an incident, through the same builder that read the file: a
 * module of its own, so the page's first script does without the importer until a record is read.
 */
import { readGeoJson } from './import/geojson';
import type { Incident } from './incident';

const ANY_ID = { has: () => true };

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
