// @vitest-environment happy-dom
/**
 * The load report with hostile sizes (issue 6.2): 150,000 valid incidents that lack sources, and 200,000
 * features that are not objects. Spreading that many list items into one call overflowed the stack
 * ("Maximum call stack size exceeded") and the page showed nothing; the report must stay bounded.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseIncidents } from '../../src/domain/parse';
import { csvField, groupIssues, issuesCsvLines, issuesText } from '../../src/ui/load-report';
import { Notices, problemsFileName } from '../../src/ui/notices';

/** `n` valid features without `sources`: each loads with a warning. */
function withoutSources(n: number) {
  const features = [];
  for (let i = 0; i < n; i++) {
    features.push({
      type: 'Feature',
      id: `f${i}`,
      geometry: { type: 'Point', coordinates: [44 + (i % 100) / 100, 33] },
      properties: { title: `Incident ${i}`, date: '2020-01-01' },
    });
  }
  return { type: 'FeatureCollection', features };
}

let container: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  container = document.createElement('div');
  document.body.append(container);
});

describe('the load report with 150,000 warnings', () => {
  const { incidents, issues } = parseIncidents(withoutSources(150_000));

  it('loads every valid incident and gets one warning per incident (the input of the report)', () => {
    expect(incidents).toHaveLength(150_000);
    expect(issues.length).toBeGreaterThanOrEqual(150_000);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('renders without overflowing the stack, with the reason counted and a bounded list', () => {
    const notices = new Notices(container);
    expect(() => notices.showLoadReport('big.geojson', incidents.length, issues)).not.toThrow();
    const notice = container.querySelector('section[data-notice="load"]');
    expect(notice).not.toBeNull();
    expect(notice?.querySelector('h2')?.textContent).toBe(
      `150,000 incidents loaded from big.geojson, with ${issues.length.toLocaleString('en-US')} warnings.`,
    );
    const reasons = [...(notice?.querySelectorAll('.notice-reasons li') ?? [])].map((li) => li.textContent);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^Warning: properties\.sources: no source given.* \u2014 150,000 features$/);
    const lines = notice?.querySelectorAll('.notice-issues li') ?? [];
    expect(lines.length).toBe(301); // 300 lines and "… and N more"
    expect(lines[0]?.textContent).toMatch(/^feature 1 \(id f0\): /);
    expect(lines[300]?.textContent).toBe(`\u2026 and ${(issues.length - 300).toLocaleString('en-US')} more`);
    expect(notice?.querySelectorAll('*').length).toBeLessThan(1000);
  });

  it('offers every problem as CSV and as text', () => {
    const csv = issuesCsvLines(issues, 'big.geojson');
    expect(csv).toHaveLength(issues.length + 1);
    expect(csv[0]).toBe('file,location,field,severity,message\r\n');
    expect(csv[1]).toMatch(/^big\.geojson,feature 1 \(id f0\),properties\.sources,warning,/);
    expect(issuesText(issues).split('\n')).toHaveLength(issues.length);
  });
});

describe('the load report with 200,000 features that are not objects', () => {
  const json = { type: 'FeatureCollection', features: new Array(200_000).fill(0) };
  const { incidents, issues } = parseIncidents(json);

  it('renders a bounded report of 200,000 skipped features', () => {
    expect(incidents).toHaveLength(0);
    expect(issues).toHaveLength(200_000);
    const notices = new Notices(container);
    notices.showLoadReport('zeros.geojson', 0, issues);
    const notice = container.querySelector('section[data-notice="load"]');
    expect(notice?.querySelector('h2')?.textContent).toBe(
      '200,000 features could not be loaded from zeros.geojson; 0 loaded.',
    );
    expect(groupIssues(issues)).toHaveLength(1);
    expect(notice?.querySelectorAll('.notice-issues li').length).toBe(301);
  });
});

describe('a short load report', () => {
  it('lists each problem and no reasons section', () => {
    const { issues } = parseIncidents(withoutSources(3));
    new Notices(container).showLoadReport('small.geojson', 3, issues);
    expect(container.querySelector('.notice-reasons')).toBeNull();
    expect(container.querySelectorAll('.notice-issues li')).toHaveLength(issues.length);
    expect(container.querySelector('.notice-more')).toBeNull();
  });
});

describe('showList', () => {
  it('shows 10 of 20,000 items and says how many more', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `Ignored actor=${i}: not in the data.`);
    new Notices(container).showList('url', 'info', 'Some link parameters were ignored', items);
    const lis = [...container.querySelectorAll('section[data-notice="url"] li')].map((li) => li.textContent);
    expect(lis).toHaveLength(11);
    expect(lis[0]).toBe('Ignored actor=0: not in the data.');
    expect(lis[10]).toBe('\u2026 and 19,990 more');
  });

  it('shows a short list whole', () => {
    new Notices(container).showList('url', 'info', 'Ignored', ['a', 'b'], 10);
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['a', 'b']);
  });
});

describe('csvField and problemsFileName', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });

  it('names the download after the dataset, safely', () => {
    expect(problemsFileName('fixtures/partly-bad.geojson')).toBe('partly-bad-problems.csv');
    expect(problemsFileName('https://x.example/a b.csv?q=1')).toBe('a_b-problems.csv');
    expect(problemsFileName('')).toBe('dataset-problems.csv');
  });
});
