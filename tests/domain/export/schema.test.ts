import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { exportGeoJson } from '../../../src/domain/export/geojson';
import type { Incident } from '../../../src/domain/incident';
import { parseIncidents } from '../../../src/domain/parse';

const root = resolve(import.meta.dirname, '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
  readJson('geodata/incidents.schema.json'),
);
const bundled = parseIncidents(readJson('geodata/incidents.geojson'), { strict: true }).incidents;

const withFatalities = (fatalities: unknown) => {
  const json = JSON.parse([...exportGeoJson(bundled)].join(''));
  json.features[0].properties.fatalities = fatalities;
  return json;
};

describe('the JSON Schema and counts', () => {
  it('accepts our own GeoJSON export, with every count report and attribute', () => {
    const incident: Incident = {
      ...(bundled[0] as Incident),
      fatalities: {
        reports: [
          { value: 18, low: null, high: null, source: 'SOHR', reported: '2020-03-11', url: null, note: null },
          { value: 5, low: 3, high: 7, source: 'UCDP GED', reported: null, url: null, note: 'best' },
        ],
      },
      attributes: [{ label: 'Disorder type', value: 'Political violence' }],
    };
    const json = JSON.parse([...exportGeoJson([incident, ...bundled.slice(1)])].join(''));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a single number', 3],
    ['null', null],
    ['no reports', []],
    ['a range', [{ low: 10, high: 20, source: 'A' }]],
  ])('keeps the simple forms valid: %s', (_name, fatalities) => {
    expect(validate(withFatalities(fatalities)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a report without a source', [{ value: 3 }]],
    ['a report without a figure', [{ source: 'A' }]],
    ['half a range', [{ low: 3, source: 'A' }]],
    ['a negative figure', [{ value: -1, source: 'A' }]],
    ['an unknown member', [{ value: 1, source: 'A', guess: true }]],
    ['a string', '3'],
  ])('rejects %s', (_name, fatalities) => {
    expect(validate(withFatalities(fatalities))).toBe(false);
  });
});
