import { describe, expect, it } from 'vitest';
import { pickCount } from '../../../src/domain/counts';
import { readGeoJson } from '../../../src/domain/import/geojson';
import { importText } from '../../../src/domain/import/import-text';
import { formatIssue } from '../../../src/domain/issues';

const feature = (id: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry: { type: 'Point', coordinates: [44.36, 33.31] },
  properties: { title: 'T', date: '2020-03-11', sources: [{ name: 'S' }], ...properties },
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('readGeoJson ids', () => {
  it('never gives a generated id that a feature states explicitly, even a later one', () => {
    const { incidents, issues } = readGeoJson(collection(feature(undefined), feature('feature-1')));
    expect(incidents.map((i) => i.id)).toEqual(['feature-1~2', 'feature-1']);
    expect(issues.map(formatIssue)).toContain(
      'feature 1: id: is missing; using "feature-1~2", which changes if the file is reordered',
    );
  });

  it('keeps an explicit feature-2 and a second feature without id apart', () => {
    const { incidents } = readGeoJson(collection(feature('feature-2'), feature(undefined)));
    expect(new Set(incidents.map((i) => i.id)).size).toBe(2);
    expect(incidents[0]?.id).toBe('feature-2');
  });

  it('rejects an id holding a lone surrogate, with the reason, and never throws', () => {
    const result = readGeoJson(collection(feature('x\ud800y'), feature('ok')));
    expect(result.incidents.map((i) => i.id)).toEqual(['ok']);
    expect(result.issues.map(formatIssue)).toContain(
      'feature 1: id: is not well-formed Unicode (a lone surrogate U+D800 at position 1); it could never be put in a link',
    );
    for (const i of result.incidents) expect(() => encodeURIComponent(i.id)).not.toThrow();
  });

  it('accepts an id made of a valid surrogate pair', () => {
    expect(readGeoJson(collection(feature('\ud83d\ude00'))).incidents).toHaveLength(1);
  });
});

describe('readGeoJson counts', () => {
  it('reads a list of conflicting reports and keeps every one', () => {
    const fatalities = [
      { value: 18, source: 'SOHR', reported: '2020-03-11' },
      { value: 26, source: 'SOHR via AFP', reported: '2020-03-12' },
      { value: 0, source: 'Syrian state media', reported: '2020-03-11', note: 'material damage only' },
    ];
    const [incident] = readGeoJson(collection(feature('a', { fatalities }))).incidents;
    expect(incident?.fatalities.reports).toHaveLength(3);
    expect(incident?.fatalities.reports[2]).toMatchObject({ value: 0, note: 'material damage only' });
    expect(pickCount(incident?.fatalities ?? { reports: [] })).toBe(26);
  });

  it.each([
    [[{ value: 3 }], 'properties.fatalities[0].source: is missing'],
    [[{ source: 'A' }], 'properties.fatalities[0]: needs a "value", or both "low" and "high"'],
    [[{ value: 3, low: 2, source: 'A' }], 'gives only one end of a range'],
    [[{ value: -1, source: 'A' }], 'properties.fatalities[0].value: must be a whole number of people'],
    [
      [{ value: 1, source: 'A', reported: '2020-02-30' }],
      'properties.fatalities[0].reported: "2020-02-30" is not a real',
    ],
    [['x'], 'properties.fatalities[0]: must be an object'],
    [2.5, 'must be a whole number of people, 0 or more, got 2.5'],
  ])('skips a bad count %j with the reason', (fatalities, message) => {
    const result = readGeoJson(collection(feature('a', { fatalities })));
    expect(result.incidents).toEqual([]);
    expect(result.issues.map(formatIssue).join('\n')).toContain(message);
  });
});

describe('readGeoJson text', () => {
  it('keeps HTML and javascript: URLs as plain text, unchanged', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const [incident] = readGeoJson(
      collection(feature('h', { title: hostile, sources: [{ name: hostile, url: 'javascript:alert(1)' }] })),
    ).incidents;
    expect(incident?.title).toBe(hostile);
    expect(incident?.sources[0]?.url).toBe('javascript:alert(1)');
  });

  it('loads a feature with a several-MB summary whole', () => {
    const summary = 'x'.repeat(4_000_000);
    const result = importText(JSON.stringify(collection(feature('big', { summary }))), 'big.geojson');
    expect(result.incidents[0]?.summary.length).toBe(4_000_000);
  });

  it('ignores __proto__ members instead of inheriting from them', () => {
    const json = JSON.parse(
      '{"type":"FeatureCollection","features":[{"type":"Feature","id":"p","geometry":{"type":"Point","coordinates":[44,33]},"properties":{"__proto__":{"title":"x"},"title":"own","date":"2020-01-01","place":{"__proto__":{"country":"Iraq"},"name":"n"}}}]}',
    );
    const result = readGeoJson(json);
    expect(result.issues.map(formatIssue)).toContain(
      'feature 1 (id p): properties.place.country: is missing',
    );
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it('keeps attributes given as { label, value }', () => {
    const [incident] = readGeoJson(
      collection(feature('a', { attributes: [{ label: 'Tag', value: 'women targeted' }] })),
    ).incidents;
    expect(incident?.attributes).toEqual([{ label: 'Tag', value: 'women targeted' }]);
  });
});
