import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/domain/import/import-text';
import { countSkipped, formatIssue } from '../../../src/domain/issues';

/** Each bad input with the lines its report must contain and the counts it must give. */
interface Case {
  readonly expect: readonly string[];
  readonly loaded: number;
  readonly total: number;
  readonly readable: boolean;
}

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'bad', 'import');
const cases: Record<string, Case> = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
const files = readdirSync(dir).filter((f) => f !== 'cases.json');

describe('bad inputs (tests/fixtures/bad/import)', () => {
  it('has an expectation for every fixture and at least 40 of them', () => {
    expect(files.filter((f) => cases[f] === undefined)).toEqual([]);
    expect(Object.keys(cases).filter((f) => !files.includes(f))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s: reports where and why, and keeps every good record', (file) => {
    const c = cases[file] as Case;
    const result = importBytes(new Uint8Array(readFileSync(join(dir, file))), file);
    const lines = result.issues.map(formatIssue);
    for (const expected of c.expect) expect(lines.join('\n')).toContain(expected);
    expect(result.incidents).toHaveLength(c.loaded);
    expect(result.total).toBe(c.total);
    expect(result.readable).toBe(c.readable);
    expect(result.incidents.length + result.skipped).toBe(result.total);
    if (result.needsMapping === undefined) expect(countSkipped(result.issues)).toBe(result.skipped);
    // An unreadable file gives exactly one message saying what it is.
    if (!c.readable) expect(result.issues).toHaveLength(1);
  });
});
