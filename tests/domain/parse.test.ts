import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFrom, NOT_REPORTED, pickCount } from '../../src/domain/counts';
import { countSkipped, formatIssue } from '../../src/domain/issues';
import { parseIncidents } from '../../src/domain/parse';

const fixtures = (kind: 'good' | 'bad') => {
  const dir = join(import.meta.dirname, '..', 'fixtures', kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))] as const);
};

const feature = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'x',
      geometry: { type: 'Point', coordinates: [44.2775, 33.5294] },
      properties: { title: 'T', date: '2020-03-11', ...properties },
      ...extra,
    },
  ],
});

describe('parseIncidents on fixtures', () => {
  it.each(fixtures('good'))('loads every feature of good/%s with no error', (_name, json) => {
    const { incidents, issues } = parseIncidents(json);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(incidents).toHaveLength(json.features.length);
  });

  it.each(fixtures('bad'))('skips the bad feature of bad/%s and says where and why', (_name, json) => {
    const result = parseIncidents(json);
    const { incidents, issues } = result;
    const lines = issues.map(formatIssue).join('\n');
    for (const expected of json['x-expect'] as string[]) expect(lines).toContain(expected);
    expect(countSkipped(issues)).toBeGreaterThan(0);
    expect(incidents.length).toBe(json.features.length - countSkipped(issues));
    expect(incidents.length + result.skipped).toBe(result.total);
  });
});

describe('parseIncidents', () => {
  it('fills stated defaults for optional fields and warns about a missing source', () => {
    const { incidents, issues } = parseIncidents(feature({}));
    const [incident] = incidents;
    expect(incident).toMatchObject({
      attributes: [],
      id: 'x',
      lon: 44.2775,
      lat: 33.5294,
      summary: '',
      eventType: null,
      subEventType: null,
      actors: [],
      fatalities: NOT_REPORTED,
      injured: NOT_REPORTED,
      place: null,
      locationPrecision: 'exact',
      sources: [],
      related: [],
    });
    expect(incident?.date.precision).toBe('day');
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'properties.sources',
        location: { kind: 'feature', index: 0, id: 'x' },
      }),
    ]);
  });

  it('gives a missing id a positional id and says so', () => {
    const json = feature({});
    delete (json.features[0] as { id?: string }).id;
    const { incidents, issues } = parseIncidents(json);
    expect(incidents[0]?.id).toBe('feature-1');
    expect(issues.map(formatIssue)).toContain(
      'feature 1: id: is missing; using "feature-1", which changes if the file is reordered',
    );
  });

  it('names the file in every issue when given one, and counts every feature', () => {
    const json = feature({ date: '2024-02-30' });
    const result = parseIncidents(json, { file: 'mixed.geojson' });
    expect(result.issues.map(formatIssue)).toContain(
      'mixed.geojson: feature 1 (id x): properties.date: "2024-02-30" is not a real calendar date',
    );
    expect([result.total, result.skipped, result.incidents.length]).toEqual([1, 1, 0]);
  });

  it('keeps 0 as zero and null as not reported', () => {
    const [incident] = parseIncidents(feature({ fatalities: 0, injured: null })).incidents;
    expect(incident?.fatalities).toEqual(countFrom(0));
    expect(pickCount(incident?.fatalities ?? NOT_REPORTED)).toBe(0);
    expect(incident?.injured).toEqual(NOT_REPORTED);
  });

  it('keeps hostile text as plain data, unchanged', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const [incident] = parseIncidents(
      feature({
        title: hostile,
        summary: hostile,
        sources: [{ name: hostile, url: 'javascript:alert(1)', kind: 'media' }],
      }),
    ).incidents;
    expect(incident?.title).toBe(hostile);
    expect(incident?.sources[0]?.url).toBe('javascript:alert(1)');
  });

  it('drops a relation to an incident not in the dataset, with a warning', () => {
    const { incidents, issues } = parseIncidents(
      feature({ related: [{ id: 'nowhere', relation: 'ledTo' }] }),
    );
    expect(incidents[0]?.related).toEqual([]);
    expect(issues.map(formatIssue)).toContain(
      'feature 1 (id x): properties.related[0].id: "nowhere" is not an incident in this dataset; the link is not shown',
    );
  });

  it('reports every problem of a feature, not only the first', () => {
    const { issues } = parseIncidents(
      feature({ date: '2020-02-30', fatalities: '3', locationPrecision: 'city' }),
    );
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual([
      'properties.date',
      'properties.fatalities',
      'properties.locationPrecision',
    ]);
  });

  it.each([
    [null, 'expected a GeoJSON FeatureCollection, got null'],
    ['text', 'expected a GeoJSON FeatureCollection, got "text"'],
    [{ type: 'Polygon' }, 'expected a GeoJSON FeatureCollection, got a GeoJSON Polygon'],
    [{ type: 'FeatureCollection', features: [] }, 'the FeatureCollection has no features'],
    [{ type: 'FeatureCollection' }, '"features" must be an array'],
  ])('reports a file that is not a usable FeatureCollection (%j)', (json, message) => {
    const { incidents, issues } = parseIncidents(json);
    expect(incidents).toEqual([]);
    expect(issues).toEqual([
      { severity: 'error', location: { kind: 'file' }, file: null, field: null, message },
    ]);
  });

  it('in strict mode requires every field and a source', () => {
    const { issues } = parseIncidents(feature({}), { strict: true });
    const fields = issues.filter((i) => i.severity === 'error').map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'properties.summary',
        'properties.datePrecision',
        'properties.eventType',
        'properties.actors',
        'properties.fatalities',
        'properties.injured',
        'properties.place',
        'properties.locationPrecision',
        'properties.sources',
        'properties.related',
      ]),
    );
  });
});
