/** Records: an incident as text and back, validated again, with its relations kept. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/domain/import/import-text';
import { decodeRecord } from '../../src/domain/record-decode';
import { encodeRecord } from '../../src/domain/records';

const { incidents } = importText(
  readFileSync(resolve(import.meta.dirname, '..', '..', 'geodata', 'incidents.geojson'), 'utf8'),
  'incidents.geojson',
);

describe('records', () => {
  it('read back as the same incident, relations to other incidents included', () => {
    const related = incidents.filter((i) => i.related.length > 0);
    expect(related.length).toBeGreaterThan(0);
    for (const incident of incidents) expect(decodeRecord(encodeRecord(incident))).toEqual(incident);
  });

  it('say why a stored record is not an incident', () => {
    expect(() => decodeRecord('{"type":')).toThrow(/not JSON/);
    expect(() => decodeRecord('{"type":"Feature","properties":{}}')).toThrow(/could not be read again/);
  });
});
