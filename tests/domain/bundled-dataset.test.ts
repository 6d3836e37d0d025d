/**
 * The bundled dataset (geodata/incidents.geojson) meets the strict standard: every field, at least one
 * source, the article cited by every incident, the relations the article states, and the JSON Schema.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { pickCount } from '../../src/domain/counts';
import { formatIssue } from '../../src/domain/issues';
import { parseIncidents } from '../../src/domain/parse';
import { safeHttpUrl } from '../../src/domain/safe-url';

const root = resolve(import.meta.dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const bundledJson = readJson('geodata/incidents.geojson');
const schema = readJson('geodata/incidents.schema.json');
const ARTICLE =
  'https://www.shropshirestar.com/news/world-news/2020/03/11/three-killed-in-rocket-attack-on-iraq-base/';

const { incidents, issues } = parseIncidents(bundledJson, { strict: true });
const byId = (id: string) => {
  const found = incidents.find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id}`);
  return found;
};

describe('the bundled dataset', () => {
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

  it('cites the article in every incident, and every source URL is http(s)', () => {
    for (const incident of incidents) {
      expect(incident.sources.map((s) => s.url)).toContain(ARTICLE);
      for (const source of incident.sources) {
        if (source.url !== null)
          expect(safeHttpUrl(source.url), `${incident.id}: ${source.url}`).not.toBeNull();
      }
    }
  });

  it('records the facts the report gives for Camp Taji and K-1', () => {
    const taji = byId('taji-rocket-attack-2020-03-11');
    expect(taji.date.text).toBe('2020-03-11T19:35+03:00');
    expect([pickCount(taji.fatalities), pickCount(taji.injured)]).toEqual([3, 12]);
    expect(taji.actors).toContainEqual({
      name: 'Kataib Hezbollah',
      role: 'perpetrator',
      attribution: 'suspected',
    });
    const k1 = byId('k1-rocket-attack-2019-12-27');
    expect(pickCount(k1.fatalities)).toBe(1);
    expect(k1.actors).toContainEqual({
      name: 'Kataib Hezbollah',
      role: 'perpetrator',
      attribution: 'disputed',
    });
  });

  it('dates each incident as the issue and the sources say', () => {
    expect(byId('us-strikes-kataib-hezbollah-2019-12-29').date.text).toBe('2019-12-29');
    expect(byId('us-strikes-kataib-hezbollah-2019-12-29').locationPrecision).toBe('region');
    expect(byId('us-embassy-baghdad-protests-2019-12-31').date.text).toBe('2019-12-31/2020-01-01');
    expect(byId('baghdad-airport-strike-2020-01-03').date.text).toBe('2020-01-03');
    expect(byId('boukamal-airstrikes-2020-03-11').date.text).toBe('2020-03-11');
  });

  it('states the relations the article states', () => {
    const has = (id: string, relation: string, other: string) =>
      expect(byId(id).related).toContainEqual({ id: other, relation });
    has('k1-rocket-attack-2019-12-27', 'prompted', 'us-strikes-kataib-hezbollah-2019-12-29');
    has('us-strikes-kataib-hezbollah-2019-12-29', 'ledTo', 'us-embassy-baghdad-protests-2019-12-31');
    has('us-embassy-baghdad-protests-2019-12-31', 'followedBy', 'baghdad-airport-strike-2020-01-03');
    has('boukamal-airstrikes-2020-03-11', 'notRelatedTo', 'taji-rocket-attack-2020-03-11');
  });
});
