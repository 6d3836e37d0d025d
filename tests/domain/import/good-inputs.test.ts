import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/domain/import/import-text';
import { formatIssue } from '../../../src/domain/issues';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'good');
const files = readdirSync(dir);
const expectedFormat: Record<string, string> = {
  'acled-sample.csv': 'acled',
  'ucdp-sample.csv': 'ucdp',
  'generic-sheet.csv': 'csv',
};

describe('good inputs (tests/fixtures/good)', () => {
  it.each(files)('%s loads every record with no error', (file) => {
    const result = importBytes(new Uint8Array(readFileSync(join(dir, file))), file);
    expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    expect(result.total).toBeGreaterThan(0);
    expect(result.incidents).toHaveLength(result.total);
    expect(result.format).toBe(expectedFormat[file] ?? 'geojson');
  });

  it('reads the ACLED sample with a note spanning two lines, all three precisions and date forms', () => {
    const { incidents } = importBytes(new Uint8Array(readFileSync(join(dir, 'acled-sample.csv'))), 'a.csv');
    expect(incidents.map((i) => [i.id, i.date.precision, i.locationPrecision])).toEqual([
      ['IRQ44391', 'day', 'exact'],
      ['IRQ44402', 'week', 'near'],
      ['IRQ44500', 'month', 'region'],
    ]);
    expect(incidents[0]?.summary).toContain('\nTwo US soldiers');
  });

  it('reads the generic ; sheet with decimal commas and an ISO interval', () => {
    const { incidents } = importBytes(new Uint8Array(readFileSync(join(dir, 'generic-sheet.csv'))), 'g.csv');
    expect(incidents.map((i) => [i.id, i.lat, i.date.isInterval])).toEqual([
      ['s1', 33.5294, false],
      ['s2', 33.2986, true],
    ]);
  });
});
