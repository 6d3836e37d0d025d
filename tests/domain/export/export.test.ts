import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/domain/export/csv';
import { exportFileName } from '../../../src/domain/export/file-name';
import { exportGeoJson } from '../../../src/domain/export/geojson';
import { exportKml, xmlText } from '../../../src/domain/export/kml';
import { importText } from '../../../src/domain/import/import-text';
import type { Incident, IncidentId } from '../../../src/domain/incident';
import { parseIncidents } from '../../../src/domain/parse';

const bundled = parseIncidents(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'geodata', 'incidents.geojson'), 'utf8'),
  ),
  { strict: true },
).incidents;
const join2 = (chunks: Iterable<string>) => [...chunks].join('');

const reports = {
  reports: [
    { value: 18, low: null, high: null, source: 'SOHR', reported: '2020-03-11', url: null, note: null },
    {
      value: null,
      low: 20,
      high: 30,
      source: 'AFP',
      reported: '2020-03-12',
      url: 'https://afp.com/x',
      note: 'n',
    },
  ],
};

describe('exportGeoJson', () => {
  it('gives the same incidents back when the export is imported again', () => {
    const withReports: Incident[] = [
      ...bundled,
      {
        ...(bundled[0] as Incident),
        id: 'extra' as IncidentId,
        fatalities: reports,
        attributes: [{ label: 'Tag', value: 't' }],
      },
    ];
    const again = importText(join2(exportGeoJson(withReports)), 'again.geojson');
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(again.incidents).toEqual(withReports);
  });

  it('streams in chunks that join to one valid document', () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({
      ...(bundled[0] as Incident),
      id: `i${i}` as IncidentId,
      related: [],
    }));
    const chunks = [...exportGeoJson(many)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(JSON.parse(chunks.join('')).features).toHaveLength(1200);
  });

  it('writes a valid empty collection for no incidents', () => {
    expect(JSON.parse(join2(exportGeoJson([])))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('exportCsv', () => {
  it('uses ACLED column names and reads back as ACLED', () => {
    const text = join2(exportCsv(bundled));
    const header = text.split('\r\n')[0]?.split(',') ?? [];
    expect(header.slice(0, 4)).toEqual(['event_id_cnty', 'event_date', 'year', 'time_precision']);
    expect(header).toContain('fatalities');
    const back = importText(text, 'export.csv');
    expect(back.format).toBe('acled');
    expect(back.incidents.map((i) => i.id)).toEqual(bundled.map((i) => i.id));
    expect(back.incidents.map((i) => [i.lon, i.lat])).toEqual(bundled.map((i) => [i.lon, i.lat]));
  });

  it('picks one number per count by the rule in force', () => {
    const incident = { ...(bundled[0] as Incident), fatalities: reports };
    const cell = (rule: 'latest' | 'highest' | 'lowest') => {
      const rows = Papa.parse<Record<string, string>>(join2(exportCsv([incident], rule)), {
        header: true,
        delimiter: ',',
      }).data;
      return rows[0]?.fatalities;
    };
    expect([cell('latest'), cell('highest'), cell('lowest')]).toEqual(['20', '30', '18']);
  });

  it('defuses cells a spreadsheet would run as formulas, but not negative coordinates', () => {
    const evil: Incident = {
      ...(bundled[0] as Incident),
      title: '=HYPERLINK("http://evil.example","x")',
      summary: '+cmd|/C calc!A0',
      lon: -12.5,
      lat: -3.25,
    };
    const rows = Papa.parse<Record<string, string>>(join2(exportCsv([evil])), {
      header: true,
      delimiter: ',',
    }).data;
    expect(rows[0]?.title).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[0]?.notes).toBe("'+cmd|/C calc!A0");
    expect([rows[0]?.longitude, rows[0]?.latitude]).toEqual(['-12.5', '-3.25']);
  });
});

describe('exportKml', () => {
  it('writes one Placemark per incident with lon,lat coordinates and escaped text', () => {
    const hostile: Incident = { ...(bundled[0] as Incident), title: '<b>&"x"</b>\u0001' };
    const kml = join2(exportKml([hostile], 'My <data>'));
    expect(kml).toContain('<name>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</name>');
    expect(kml).toContain(`<coordinates>${hostile.lon},${hostile.lat}</coordinates>`);
    expect(kml).toContain('<name>My &lt;data&gt;</name>');
    expect(kml.match(/<Placemark /g)).toHaveLength(1);
  });

  it('uses a TimeSpan for a range and a TimeStamp for a day', () => {
    const kml = join2(exportKml(bundled, 'b'));
    expect(kml).toContain('<TimeStamp>');
    expect(kml).toContain('<TimeSpan><begin>');
  });

  it('drops characters XML cannot hold, including lone surrogates', () => {
    expect(xmlText('a\u0000b\ud800c\ud83d\ude00')).toBe('abc\ud83d\ude00');
  });
});

describe('exportFileName', () => {
  it('names the dataset and the date filter', () => {
    expect(exportFileName('incidents.geojson', { from: '2020-03-01', to: '2020-03-31' }, 'geojson')).toBe(
      'incidents_2020-03-01_2020-03-31.geojson',
    );
    expect(exportFileName('https://x.org/data/ACLED Iraq 2020.csv', { from: null, to: null }, 'csv')).toBe(
      'acled-iraq-2020.csv',
    );
    expect(
      exportFileName('the bundled dataset', { from: '2020-01-01', to: null, narrowed: true }, 'kml'),
    ).toBe('the-bundled-dataset_2020-01-01_end_filtered.kml');
    expect(exportFileName('../../', { from: null, to: null }, 'csv')).toBe('incidents.csv');
  });
});
