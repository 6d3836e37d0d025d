/** Names of the places in the data, for the basemap's labels. */
import type { Incident } from './incident';

export interface PlaceName {
  readonly text: string;
  /** Longitude and latitude of the first incident at this place (WGS84 degrees). */
  readonly lon: number;
  readonly lat: number;
  /** How many of the given incidents name this place. */
  readonly count: number;
}

/**
 * One label per distinct place name among the incidents at `indices`, at the first one's point; the
 * `limit` most named places, most named first (labels are DOM nodes, so a million would be too many).
 */
export function placeNames(
  incidents: readonly Incident[],
  indices: ArrayLike<number>,
  limit = 300,
): PlaceName[] {
  const byName = new Map<string, { text: string; lon: number; lat: number; count: number }>();
  for (let k = 0; k < indices.length; k++) {
    const incident = incidents[indices[k] as number];
    if (incident?.place == null) continue;
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
  return [...byName.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}
