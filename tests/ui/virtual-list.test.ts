// @vitest-environment happy-dom
import fastCheck from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { listWindow, positionForKey, scrollTopFor, type WindowInput } from '../../src/ui/list-window';
import { VirtualList } from '../../src/ui/virtual-list';

const base: WindowInput = {
  count: 1_000,
  rowHeight: 50,
  viewportTop: 0,
  viewportHeight: 400,
  overscan: 3,
  maxHeight: 8_000_000,
};

describe('listWindow', () => {
  it('renders the rows in view plus the overscan, none above the first', () => {
    expect(listWindow(base)).toEqual({
      height: 50_000,
      start: 0,
      end: 11,
      firstVisible: 0,
      lastVisible: 7,
      shift: 0,
    });
  });

  it('follows the scroll position, with overscan on both sides', () => {
    const w = listWindow({ ...base, viewportTop: 1_025 });
    expect([w.firstVisible, w.lastVisible, w.start, w.end]).toEqual([20, 28, 17, 32]);
  });

  it('stops at the last row', () => {
    const w = listWindow({ ...base, viewportTop: 50_000 - 400 });
    expect([w.firstVisible, w.lastVisible, w.start, w.end]).toEqual([992, 999, 989, 1_000]);
  });

  it('handles a list that starts below the top of the viewport (a heading above it)', () => {
    const w = listWindow({ ...base, viewportTop: -120 });
    expect([w.firstVisible, w.lastVisible, w.start, w.end]).toEqual([0, 5, 0, 9]);
  });

  it('renders nothing for an empty list', () => {
    expect(listWindow({ ...base, count: 0 })).toMatchObject({ height: 0, start: 0, end: 0 });
  });

  it('caps the height of a very long list and still reaches the first and the last row', () => {
    const long = { ...base, count: 1_000_000, maxHeight: 100_000 };
    const top = listWindow({ ...long, viewportTop: 0 });
    expect(top.height).toBe(100_000);
    expect([top.firstVisible, top.start]).toEqual([0, 0]);
    const bottom = listWindow({ ...long, viewportTop: 100_000 - 400 });
    expect([bottom.lastVisible, bottom.end]).toEqual([999_999, 1_000_000]);
    // The last row ends exactly at the bottom of the list element.
    expect(999_999 * 50 + bottom.shift + 50).toBe(100_000);
    const middle = listWindow({ ...long, viewportTop: (100_000 - 400) / 2 });
    expect(middle.firstVisible).toBe(Math.floor((1_000_000 * 50 - 400) / 2 / 50));
  });

  it('always renders a bounded, contiguous run of rows that covers the viewport', () => {
    fastCheck.assert(
      fastCheck.property(
        fastCheck.integer({ min: 1, max: 2_000_000 }),
        fastCheck.integer({ min: 10, max: 120 }),
        fastCheck.integer({ min: 100, max: 2_000 }),
        fastCheck.double({ min: 0, max: 1, noNaN: true }),
        (count, rowHeight, viewportHeight, at) => {
          const input = { ...base, count, rowHeight, viewportHeight, maxHeight: 1_000_000 };
          const height = Math.min(count * rowHeight, 1_000_000);
          const viewportTop = at * Math.max(0, height - viewportHeight);
          const w = listWindow({ ...input, viewportTop });
          expect(w.end - w.start).toBeLessThanOrEqual(
            Math.ceil(viewportHeight / rowHeight) + 1 + 2 * base.overscan,
          );
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(count);
          // Each visible row is drawn where the viewport is: the first one starts at or above its top and
          // the last one ends at or below its bottom (unless the list is shorter than the viewport).
          const topOf = (k: number) => k * rowHeight + w.shift;
          expect(topOf(w.firstVisible)).toBeLessThanOrEqual(viewportTop + 1e-6);
          expect(topOf(w.firstVisible) + rowHeight).toBeGreaterThan(viewportTop - 1e-6);
          if (height >= viewportHeight)
            expect(topOf(w.lastVisible) + rowHeight).toBeGreaterThanOrEqual(
              viewportTop + viewportHeight - 1e-6,
            );
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('scrollTopFor', () => {
  it('does not move when the row is already fully in view', () => {
    expect(scrollTopFor({ ...base, viewportTop: 100 }, 4)).toBe(100);
  });

  it('moves as little as possible to show a row below or above the view', () => {
    expect(scrollTopFor(base, 20)).toBe(21 * 50 - 400);
    expect(scrollTopFor({ ...base, viewportTop: 5_000 }, 3)).toBe(150);
  });

  it('puts a row at the top or in the middle when asked', () => {
    expect(scrollTopFor(base, 20, 'start')).toBe(1_000);
    expect(scrollTopFor(base, 20, 'center')).toBe(1_000 - 175);
    expect(scrollTopFor(base, 999, 'start')).toBe(50_000 - 400);
  });

  it('brings any row of a capped list into view', () => {
    fastCheck.assert(
      fastCheck.property(fastCheck.integer({ min: 0, max: 999_999 }), (row) => {
        const long = { ...base, count: 1_000_000, maxHeight: 100_000 };
        const viewportTop = scrollTopFor(long, row, 'nearest');
        const w = listWindow({ ...long, viewportTop });
        expect(row).toBeGreaterThanOrEqual(w.firstVisible);
        expect(row).toBeLessThanOrEqual(w.lastVisible);
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  it('refuses a row that does not exist, naming it', () => {
    expect(() => scrollTopFor(base, 1_000)).toThrow('No row 1000 (have 1000)');
  });
});

describe('positionForKey', () => {
  it('moves by one, by a page, and to either end, staying inside the list', () => {
    expect(positionForKey('ArrowDown', 5, 100, 8)).toBe(6);
    expect(positionForKey('ArrowUp', 0, 100, 8)).toBe(0);
    expect(positionForKey('PageDown', 95, 100, 8)).toBe(99);
    expect(positionForKey('PageUp', 5, 100, 8)).toBe(0);
    expect(positionForKey('Home', 50, 100, 8)).toBe(0);
    expect(positionForKey('End', 50, 100, 8)).toBe(99);
    expect(positionForKey('a', 50, 100, 8)).toBeNull();
  });
});

describe('VirtualList in a document', () => {
  afterEach(() => document.body.replaceChildren());

  /** A list of `count` rows labelled by `label(position)`, keyed by `key(position)`, in a 400 px scroller. */
  function make(count: number, label: (p: number) => string, key?: (p: number) => number) {
    const scroller = document.createElement('div');
    Object.defineProperty(scroller, 'clientHeight', { value: 400 });
    const list = document.createElement('ol');
    scroller.append(list);
    document.body.append(scroller);
    const virtual = new VirtualList(list, {
      rowHeight: 50,
      scroller,
      overscan: 2,
      ...(key ? { keyOf: key } : {}),
      createRow: (item) => item.appendChild(document.createElement('button')),
      renderRow: (item, position) => {
        (item.firstChild as HTMLButtonElement).textContent = label(position);
      },
    });
    virtual.setCount(count);
    const texts = () => [...list.querySelectorAll('button')].map((b) => b.textContent);
    return { scroller, list, virtual, texts };
  }

  it('renders only the rows in view, with their place in the whole list for screen readers', () => {
    const { list, texts } = make(100_000, (p) => `row ${p}`);
    expect(texts()).toEqual(Array.from({ length: 10 }, (_, p) => `row ${p}`));
    expect(list.style.height).toBe('5000000px');
    const first = list.firstElementChild as HTMLElement;
    expect([first.getAttribute('aria-posinset'), first.getAttribute('aria-setsize')]).toEqual([
      '1',
      '100000',
    ]);
  });

  it('makes exactly one row the tab stop and moves focus with the keys, rendering rows as it goes', () => {
    const { list, texts } = make(1_000, (p) => `row ${p}`);
    expect(list.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
    const first = list.querySelector('button[tabindex="0"]') as HTMLButtonElement;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(document.activeElement?.textContent).toBe('row 999');
    expect(texts()).toContain('row 999');
    expect(list.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
    (document.activeElement as HTMLElement).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }),
    );
    expect(document.activeElement?.textContent).toBe('row 998');
  });

  it('keeps the node of a keyed item, and focus on it, when a new order moves it', () => {
    let order = [3, 1, 2, 0, 4];
    const { list, virtual, texts } = make(
      5,
      (p) => `item ${order[p]}`,
      (p) => order[p] as number,
    );
    const button = [...list.querySelectorAll('button')].find(
      (b) => b.textContent === 'item 2',
    ) as HTMLButtonElement;
    button.focus();
    order = [2, 3, 1, 0, 4];
    virtual.setCount(5, 0);
    expect(texts()).toEqual(['item 2', 'item 3', 'item 1', 'item 0', 'item 4']);
    expect(list.querySelector('button')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(button.tabIndex).toBe(0);
  });
});
