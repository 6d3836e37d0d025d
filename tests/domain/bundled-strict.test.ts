/**
 * The bundled dataset through the app's own parser and its JSON Schema: the strict standard (every field,
 * at least one source), and the corrected counts read as the reports they are, with the stated rule.
 * The raw facts themselves are asserted in bundled-dataset.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { pickCount } from '../../src/domain/counts';
import { formatIssue } from '../../src/domain/issues';
import { parseIncidents } from '../../src/domain/parse';

const root = resolve(import.meta.dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const bundledJson = readJson('geodata/incidents.geojson');
const schema = readJson('geodata/incidents.schema.json');

const { incidents, issues } = parseIncidents(bundledJson, { strict: true });
const byId = (id: string) => {
  const found = incidents.find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
};

const BOUKAMAL = 'boukamal-airstrikes-2020-03-11';
const TAJI = 'taji-rocket-attack-2020-03-11';
const AIRPORT = 'baghdad-airport-strike-2020-01-03';
const EMBASSY = 'us-embassy-baghdad-protests-2019-12-31';

describe('the bundled dataset, parsed', () => {
  it('passes the strict check with no issue at all', () => {
    expect(issues.map(formatIssue)).toEqual([]);
    expect(incidents).toHaveLength(6);
  });

  it('validates against its JSON Schema, and the schema rejects a broken copy', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(bundledJson), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const broken = structuredClone(bundledJson);
    broken.features[0].properties.sources = [];
    broken.features[1].geometry.coordinates = [200, 95];
    broken.features[2].properties.actors[0].attribution = 'probable';
    expect(validate(broken)).toBe(false);
  });

  it('reads the conflicting counts as reports, and picks one number by the stated rule', () => {
    const withReports = incidents.filter(
      (i) => i.fatalities.reports.length > 1 || i.injured.reports.length > 1,
    );
    expect(withReports.map((i) => i.id).sort()).toEqual(
      expect.arrayContaining(['boukamal-airstrikes-2020-03-11', 'taji-rocket-attack-2020-03-11']),
    );
    for (const incident of withReports) {
      for (const count of [incident.fatalities, incident.injured]) {
        if (count.reports.length < 2) continue;
        const latest = pickCount(count, 'latest');
        const highest = pickCount(count, 'highest');
        const lowest = pickCount(count, 'lowest');
        expect(latest, incident.id).not.toBeNull();
        expect(lowest as number, incident.id).toBeLessThanOrEqual(latest as number);
        expect(latest as number, incident.id).toBeLessThanOrEqual(highest as number);
      }
    }
    const boukamal = byId('boukamal-airstrikes-2020-03-11');
    expect(pickCount(boukamal.fatalities, 'lowest')).toBe(0); // Syrian state media: material damage only
    expect(boukamal.actors.find((a) => a.name === 'US-led coalition')?.attribution).toBe('disputed');
  });

  it('keeps every report with its source and date, in the order of the file', () => {
    const boukamal = byId(BOUKAMAL).fatalities.reports;
    expect(boukamal.map((r) => [r.value, r.source, r.reported])).toEqual([
      [0, 'Syrian state media (SANA), via Reuters', '2020-03-11'],
      [18, 'Syrian Observatory for Human Rights (SOHR)', '2020-03-12'],
      [26, 'SOHR, via AFP', '2020-03-12'],
    ]);
    expect(boukamal[0]?.note).toBe('material damage only');
    expect(byId(TAJI).injured.reports.map((r) => [r.value, r.reported])).toEqual([
      [12, '2020-03-11'],
      [14, '2020-03-12'],
    ]);
    expect(byId(AIRPORT).fatalities.reports.map((r) => r.value)).toEqual([7, 10]);
    expect(byId(EMBASSY).injured.reports.map((r) => [r.value, r.source])).toEqual([
      [62, 'Popular Mobilization Forces, via NBC News'],
    ]);
  });

  it('picks the latest report by default, and the highest or lowest when asked', () => {
    const picks = (id: string, field: 'fatalities' | 'injured') => {
      const count = byId(id)[field];
      return [pickCount(count), pickCount(count, 'highest'), pickCount(count, 'lowest')];
    };
    expect(picks(BOUKAMAL, 'fatalities')).toEqual([26, 26, 0]);
    expect(picks(AIRPORT, 'fatalities')).toEqual([10, 10, 7]);
    expect(picks(TAJI, 'injured')).toEqual([14, 14, 12]);
    expect(picks(EMBASSY, 'injured')).toEqual([62, 62, 62]);
    expect(picks(TAJI, 'fatalities')).toEqual([3, 3, 3]);
    expect(pickCount(byId(AIRPORT).injured)).toBeNull();
  });

  it('parses the attribution the fact check settled', () => {
    expect(byId(BOUKAMAL).actors).toContainEqual({
      name: 'US-led coalition',
      role: 'perpetrator',
      attribution: 'disputed',
    });
    expect(byId(EMBASSY).actors).toContainEqual({
      name: 'Kataib Hezbollah',
      role: 'perpetrator',
      attribution: 'confirmed',
    });
  });
});
