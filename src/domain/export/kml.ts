/**
 * Export as KML 2.2 for Google Earth: one Placemark per incident with its title, a plain-text description,
 * the time (TimeStamp for a day or time, TimeSpan for an interval, week or month) and the point. All data
 * text is XML-escaped, with characters XML 1.0 forbids removed, so hostile text stays text.
 */

import { isoFromDay } from '../date';
import { formatCountReports, formatIncidentDate, formatPlace } from '../format';
import type { Incident } from '../incident';

const PLACEMARKS_PER_CHUNK = 500;

// Characters XML 1.0 cannot hold: C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates.
const NOT_XML = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11, 12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);

/** Escapes text for XML element content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function when(incident: Incident): string {
  const { date } = incident;
  if (date.firstDay === date.lastDay) {
    const stamp = date.precision === 'time' && !date.isInterval ? date.text : isoFromDay(date.firstDay);
    return `<TimeStamp><when>${xmlText(stamp)}</when></TimeStamp>`;
  }
  return `<TimeSpan><begin>${isoFromDay(date.firstDay)}</begin><end>${isoFromDay(date.lastDay)}</end></TimeSpan>`;
}

function placemark(incident: Incident): string {
  const lines = [
    formatIncidentDate(incident.date),
    formatPlace(incident.place),
    `Killed: ${formatCountReports(incident.fatalities, 'killed')}`,
    `Injured: ${formatCountReports(incident.injured, 'injured')}`,
    ...incident.actors.map((a) => `${a.name} (${a.role}, ${a.attribution})`),
    incident.summary,
    ...incident.sources.map((s) => `Source: ${s.name}${s.url === null ? '' : ` ${s.url}`}`),
  ].filter((l) => l !== '');
  return [
    `<Placemark id="${xmlText(incident.id)}">`,
    `<name>${xmlText(incident.title)}</name>`,
    `<description>${xmlText(lines.join('\n'))}</description>`,
    when(incident),
    // KML coordinates are lon,lat like GeoJSON.
    `<Point><coordinates>${incident.lon},${incident.lat}</coordinates></Point>`,
    '</Placemark>\n',
  ].join('');
}

/** `incidents` as a KML document in chunks; `name` is the document's name. */
export function* exportKml(incidents: readonly Incident[], name: string): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xmlText(name)}</name>\n`;
  for (let start = 0; start < incidents.length; start += PLACEMARKS_PER_CHUNK) {
    yield incidents
      .slice(start, start + PLACEMARKS_PER_CHUNK)
      .map(placemark)
      .join('');
  }
  yield '</Document></kml>\n';
}
