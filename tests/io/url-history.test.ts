// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushView, onHistoryMove, readQuery, writeView } from '../../src/io/url-history';

const search = () => window.location.search;

beforeEach(() => {
  vi.useFakeTimers();
  window.history.replaceState(null, '', '/?data=x.geojson');
});

afterEach(() => {
  flushView();
  vi.useRealTimers();
});

describe('writeView', () => {
  it('writes after the frame, not during the change, keeping other parameters', () => {
    const before = window.history.length;
    writeView([['from', '2020-03-01']], 'push');
    expect(search()).toBe('?data=x.geojson');
    vi.advanceTimersByTime(300);
    expect(search()).toBe('?data=x.geojson&from=2020-03-01');
    expect(window.history.length).toBe(before + 1);
  });

  it('amends the pending entry with a replace: one entry, the last view', () => {
    const before = window.history.length;
    writeView([['from', '2020-03-01']], 'push');
    writeView(
      [
        ['from', '2020-03-01'],
        ['id', 'taji'],
      ],
      'replace',
    );
    vi.advanceTimersByTime(300);
    expect(search()).toBe('?data=x.geojson&from=2020-03-01&id=taji');
    expect(window.history.length).toBe(before + 1);
  });

  it('writes a pending push before the next one: two entries, in order', () => {
    const before = window.history.length;
    writeView([['from', '2020-03-01']], 'push');
    writeView([['from', '2020-04-01']], 'push');
    expect(search()).toBe('?data=x.geojson&from=2020-03-01');
    vi.advanceTimersByTime(300);
    expect(search()).toBe('?data=x.geojson&from=2020-04-01');
    expect(window.history.length).toBe(before + 2);
  });

  it('is written before the URL is read', () => {
    writeView([['actor', 'Kataib Hezbollah']], 'push');
    expect(readQuery()).toEqual([
      ['data', 'x.geojson'],
      ['actor', 'Kataib Hezbollah'],
    ]);
  });

  it('writes nothing for the view the URL already holds', () => {
    const before = window.history.length;
    writeView([], 'push');
    vi.advanceTimersByTime(300);
    expect(window.history.length).toBe(before);
  });

  it('drops a view still pending when the history moves (Back in the same frame)', () => {
    const moves: string[] = [];
    const stop = onHistoryMove(() => moves.push(search()));
    writeView([['from', '2020-03-01']], 'push');
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(300);
    expect(search()).toBe('?data=x.geojson');
    expect(moves).toEqual(['?data=x.geojson']);
    stop();
  });
});
