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
});
