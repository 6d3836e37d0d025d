/** Names of the places in the data, for the basemap's labels. */
import type { Incident } from './incident';

export interface PlaceName {
  readonly text: string;
  /** Longitude and latitude of the first incident at this place (WGS84 degrees). */
  readonly lon: number;
  readonly lat: number;
  /** How many incidents name this place. */
  readonly count: number;
}

/** One label per distinct place name, at its first incident's point. */
export function placeNames(incidents: readonly Incident[]): PlaceName[] {
  const byName = new Map<string, { text: string; lon: number; lat: number; count: number }>();
  for (const incident of incidents) {
    if (incident.place === null) continue;
    const entry = byName.get(incident.place.name);
    if (entry) entry.count++;
    else
      byName.set(incident.place.name, {
        text: incident.place.name,
        lon: incident.lon,
        lat: incident.lat,
        count: 1,
      });
  }
  return [...byName.values()];
}
