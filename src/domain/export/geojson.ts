/**
 * Export as our GeoJSON (docs/data-format.md): lossless, so the file loads again as-is and every count
 * report, attribute and relation survives. Output comes as chunks of text so a big export can be streamed
 * (a Blob of the chunks, or a worker posting them) without one giant string.
 */
import type { Count, CountReport } from '../counts';
import { isSingleFigure } from '../counts';
import type { Incident } from '../incident';

/** Features per chunk of output: about 100–500 kB of text. */
const FEATURES_PER_CHUNK = 500;

/** A count in the shortest form that reads back the same: `null`, a number, or the list of reports. */
export function countToJson(count: Count): null | number | Record<string, string | number>[] {
  const [only] = count.reports;
  if (only === undefined) return null;
  if (isSingleFigure(count) && only.value !== null) return only.value;
  return count.reports.map((r: CountReport) => {
    const out: Record<string, string | number> = {};
    for (const key of ['value', 'low', 'high', 'source', 'reported', 'url', 'note'] as const) {
      const v = r[key];
      if (v !== null) out[key] = v;
    }
    return out;
  });
}

/** `{ ...obj }` without the members whose value is null. */
function withoutNulls<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null)) as Partial<T>;
}

/** One incident as a GeoJSON Feature of our format (`[lon, lat]`, WGS84). */
export function incidentToFeature(incident: Incident): object {
  const properties: Record<string, unknown> = {
    title: incident.title,
    summary: incident.summary,
    date: incident.date.text,
    datePrecision: incident.date.precision,
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    actors: incident.actors,
    fatalities: countToJson(incident.fatalities),
    injured: countToJson(incident.injured),
    place: incident.place === null ? null : withoutNulls(incident.place),
    locationPrecision: incident.locationPrecision,
    sources: incident.sources.map(withoutNulls),
    related: incident.related,
  };
  if (incident.attributes.length > 0) properties.attributes = incident.attributes;
  return {
    type: 'Feature',
    id: incident.id,
    geometry: { type: 'Point', coordinates: [incident.lon, incident.lat] },
    properties,
  };
}

/** The FeatureCollection of `incidents`, in order, as chunks of JSON text; joined they are one document. */
export function* exportGeoJson(incidents: readonly Incident[]): Generator<string> {
  yield '{"type":"FeatureCollection","features":[\n';
  for (let start = 0; start < incidents.length; start += FEATURES_PER_CHUNK) {
    const end = Math.min(start + FEATURES_PER_CHUNK, incidents.length);
    let chunk = '';
    for (let i = start; i < end; i++) {
      chunk += `${i === 0 ? '' : ',\n'}${JSON.stringify(incidentToFeature(incidents[i] as Incident))}`;
    }
    yield chunk;
  }
  yield '\n]}\n';
}
