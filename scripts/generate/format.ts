/**
 * Writing generated incidents as text, in chunks: our GeoJSON format (one Feature per line) or an
 * ACLED-style CSV (ACLED's 31 columns). Chunks are strings of about `chunkBytes`, so a caller can stream a
 * million incidents to a file without ever holding the whole text.
 */

import { ACLED_COLUMNS } from '../../src/domain/import/csv/acled';
import { type GeneratedIncident, type GenerateOptions, generateIncidents, toFeature } from './incidents';
import { ISO_NUMERIC } from './places';

export type DatasetFormat = 'geojson' | 'csv';

/** ACLED's export columns, in their order: the importer's own list, so the two never drift apart. */
export { ACLED_COLUMNS };

const DISORDER: Readonly<Record<string, string>> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Political violence; Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/** One incident as ACLED's 31 values (strings), in ACLED_COLUMNS order. */
export function toAcledRow(g: GeneratedIncident): string[] {
  const [one, two, ...assoc] = g.actors;
  const geo = g.locationPrecision === 'exact' ? 1 : g.locationPrecision === 'near' ? 2 : 3;
  const scales = [...new Set(g.sources.map((s) => s.scale))];
  const civilians = two?.inter === 'Civilians';
  return [
    g.id,
    g.acled.eventDate,
    g.acled.eventDate.slice(0, 4),
    String(g.acled.timePrecision),
    g.eventType === null ? '' : (DISORDER[g.eventType] ?? ''),
    g.eventType ?? '',
    g.subEventType ?? '',
    one?.name ?? '',
    assoc.map((a) => a.name).join('; '),
    one?.inter ?? '',
    two?.name ?? '',
    '',
    two?.inter ?? '',
    one ? (two ? `${one.inter}-${two.inter}` : `${one.inter} only`) : '',
    civilians ? 'Civilian targeting' : '',
    String(ISO_NUMERIC[g.place.country] ?? ''),
    'Middle East',
    g.place.country,
    g.place.admin1,
    g.place.admin2,
    '',
    g.place.name,
    g.lat.toFixed(4),
    g.lon.toFixed(4),
    String(geo),
    g.sources.map((s) => s.name).join('; '),
    scales.length > 1 ? scales.slice(0, 2).join('-') : (scales[0] ?? ''),
    g.summary,
    String(g.fatalities ?? 0),
    g.eventType === 'Protests' || g.eventType === 'Riots' ? 'crowd size=no report' : '',
    String(g.acled.timestamp),
  ];
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The dataset as text chunks of about `chunkBytes` characters. `onIncident` sees every incident as it is
 * written (benchmarks use it to know the data without reading the file back).
 */
export function* datasetChunks(
  options: GenerateOptions & {
    readonly format?: DatasetFormat;
    readonly chunkBytes?: number;
    readonly onIncident?: (incident: GeneratedIncident, index: number) => void;
  },
): Generator<string> {
  const format = options.format ?? 'geojson';
  const limit = options.chunkBytes ?? 1 << 20;
  let parts: string[] = [];
  let size = 0;
  const push = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  if (format === 'geojson') {
    push(
      '{"type":"FeatureCollection","name":"Incident Atlas generated incidents (synthetic)","features":[\n',
    );
  } else {
    push(`${ACLED_COLUMNS.join(',')}\r\n`);
  }
  let index = 0;
  for (const incident of generateIncidents(options)) {
    options.onIncident?.(incident, index);
    if (format === 'geojson') push(`${index > 0 ? ',\n' : ''}${JSON.stringify(toFeature(incident))}`);
    else push(`${toAcledRow(incident).map(csvField).join(',')}\r\n`);
    index++;
    if (size >= limit) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (format === 'geojson') push('\n]}\n');
  if (size > 0) yield parts.join('');
}
