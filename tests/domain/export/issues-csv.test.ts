import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportIssuesCsv } from '../../../src/domain/export/issues-csv';
import { importText } from '../../../src/domain/import/import-text';

describe('exportIssuesCsv', () => {
  it('writes one row per issue with its file, feature or line, id, field and message', () => {
    const { issues } = importText('title,date,lat,lon\n=cmd,2020-03-11,33.3,\n', 'sheet.csv');
    const rows = Papa.parse<string[]>([...exportIssuesCsv(issues)].join(''), {
      delimiter: ',',
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(['file', 'severity', 'feature', 'line', 'id', 'field', 'message']);
    expect(rows).toContainEqual(['sheet.csv', 'error', '', '2', '', 'lon', 'missing']);
    expect(rows).toHaveLength(issues.length + 1);
  });

  it('defuses a message or id that would run as a formula', () => {
    const { issues } = importText(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', id: '=1+1', geometry: null, properties: {} }],
      }),
      'x.geojson',
    );
    const text = [...exportIssuesCsv(issues)].join('');
    expect(text).toContain(",'=1+1,");
    expect(text).not.toMatch(/,=1\+1,/);
  });
});
