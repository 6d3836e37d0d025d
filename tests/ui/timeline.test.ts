// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayFromIso } from '../../src/domain/date';
import { Timeline } from '../../src/ui/timeline';

const WIDTH = 600; // px given to the plot (happy-dom does no layout)

function day(iso: string): number {
  const d = dayFromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Six incidents from 27 Dec 2019 to 11 Mar 2020, like the bundled dataset. */
const DATES = ['2019-12-27', '2019-12-29', '2019-12-31', '2020-01-03', '2020-01-08', '2020-03-11'];
const firstDay = Int32Array.from(DATES, day);
const lastDay = Int32Array.from(DATES, day);
firstDay[2] = day('2019-12-31');
lastDay[2] = day('2020-01-01'); // the embassy protests span New Year

let container: HTMLElement;
let changes: ({ from: number; to: number } | null)[];
let timeline: Timeline;

function slider(name: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[role="slider"][aria-label="${name}"]`);
  if (!found) throw new Error(`no slider "${name}"`);
  return found;
}

function pointer(target: Element, type: string, clientX: number, init: PointerEventInit = {}): void {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, button: 0, clientX, ...init }));
}

function key(target: Element, k: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width: WIDTH, height: 72 }),
  );
  container = document.createElement('div');
  document.body.append(container);
  changes = [];
  timeline = new Timeline(container, { onRangeChange: (r) => changes.push(r) });
  timeline.setData(firstDay, lastDay, [0, 1, 2, 3, 4, 5]);
});

afterEach(() => {
  timeline.destroy();
  container.remove();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('Timeline', () => {
  it('names itself after what it shows', () => {
    const label = container.querySelector('[role="group"]')?.getAttribute('aria-label');
    expect(label).toMatch(
      /^Timeline: incidents per (day|week|month), 6 incidents from 27 Dec 2019 to 11 Mar 2020$/,
    );
  });

  it('gives every bar a title with its period and count', () => {
    const titles = [...container.querySelectorAll('.tl-bar title')].map((t) => t.textContent);
    expect(titles).toContain('11 Mar 2020: 1 incident');
    expect(titles).toContain('1 Jan 2020: 1 incident'); // the New Year interval counts in both days
    expect(titles).toContain('31 Dec 2019: 1 incident');
  });

  it('rests the range sliders on the data extent when there is no date filter', () => {
    expect(slider('Range start').getAttribute('aria-valuenow')).toBe(String(day('2019-12-27')));
    expect(slider('Range start').getAttribute('aria-valuetext')).toBe('27 Dec 2019');
    expect(slider('Range end').getAttribute('aria-valuetext')).toBe('11 Mar 2020');
    expect((container.querySelector('.tl-brush') as HTMLElement).hidden).toBe(true);
  });

  it('has labelled buttons to zoom, pan and fit', () => {
    const names = [...container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Earlier', 'Later', 'Zoom out', 'Zoom in', 'Fit to data']);
  });

  it('reports a range drawn by dragging once, on pointer up, and shows it live meanwhile', async () => {
    const svg = container.querySelector('svg') as SVGSVGElement;
    pointer(svg, 'pointerdown', 100);
    pointer(svg, 'pointermove', 200);
    pointer(svg, 'pointermove', 300);
    expect(changes).toEqual([]);
    await new Promise((resolve) => requestAnimationFrame(resolve)); // drags redraw once per frame
    expect(container.querySelector('.tl-readout--live')?.textContent).toMatch(/\u2013/);
    pointer(svg, 'pointerup', 300);
    expect(changes).toHaveLength(1);
    const range = changes[0] as { from: number; to: number };
    expect(range.to).toBeGreaterThan(range.from);
    expect(slider('Range start').getAttribute('aria-valuenow')).toBe(String(range.from));
  });

  describe('a preview while dragging (so the map can follow the brush)', () => {
    let previews: ({ from: number; to: number } | null)[];
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    beforeEach(() => {
      previews = [];
      timeline.destroy();
      timeline = new Timeline(container, {
        onRangeChange: (r) => changes.push(r),
        onRangePreview: (r) => previews.push(r),
      });
      timeline.setData(firstDay, lastDay, [0, 1, 2, 3, 4, 5]);
    });

    it('tells each new range once a frame, never as a choice, then the choice alone on pointer up', async () => {
      const svg = container.querySelector('svg') as SVGSVGElement;
      pointer(svg, 'pointerdown', 100);
      pointer(svg, 'pointermove', 200);
      pointer(svg, 'pointermove', 250);
      expect(previews).toEqual([]); // drawn in the next frame, and told from there
      await frame();
      expect(previews).toHaveLength(1); // two moves, one frame
      pointer(svg, 'pointermove', 300);
      await frame();
      expect(previews).toHaveLength(2);
      await frame(); // nothing new drawn: nothing told
      expect(previews).toHaveLength(2);
      expect(changes).toEqual([]);
      pointer(svg, 'pointerup', 300);
      expect(changes).toEqual([previews[1]]); // the range last previewed is the one chosen
      expect(previews).toHaveLength(2); // no "ended without a choice"
    });

    it('tells null when the gesture ends back on the range chosen before', async () => {
      timeline.setRange({ from: day('2020-01-01'), to: day('2020-01-10') });
      const brush = container.querySelector('.tl-brush') as HTMLElement;
      const left = Number.parseFloat(brush.style.left);
      pointer(brush, 'pointerdown', left + 5);
      pointer(brush, 'pointermove', left + 105);
      await frame();
      expect(previews).toHaveLength(1);
      expect((previews[0] as { from: number }).from).toBeGreaterThan(day('2020-01-01'));
      pointer(brush, 'pointermove', left + 5);
      await frame();
      pointer(brush, 'pointerup', left + 5);
      expect(changes).toEqual([]);
      expect(previews.at(-1)).toBeNull();
    });

    it('tells null when the gesture is cancelled', async () => {
      const svg = container.querySelector('svg') as SVGSVGElement;
      pointer(svg, 'pointerdown', 100);
      pointer(svg, 'pointermove', 300);
      await frame();
      pointer(svg, 'pointercancel', 300);
      expect(previews).toHaveLength(2);
      expect(previews[1]).toBeNull();
      expect(changes).toEqual([]);
    });
  });

  it('counts new data at once and draws it later when told not to draw yet', () => {
    const label = () => container.querySelector('[role="group"]')?.getAttribute('aria-label');
    const before = label();
    timeline.setData(firstDay, lastDay, [0, 1], { draw: false });
    expect(label()).toBe(before); // counted, not drawn
    timeline.drawPending();
    expect(label()).toMatch(/, 2 incidents from 27 Dec 2019 to 29 Dec 2019$/);
    const drawn = container.querySelector('.tl')?.innerHTML;
    timeline.drawPending(); // nothing left to draw
    expect(container.querySelector('.tl')?.innerHTML).toBe(drawn);
  });

  it('moves the brush by its body without changing its length', () => {
    timeline.setRange({ from: day('2020-01-01'), to: day('2020-01-10') });
    const brush = container.querySelector('.tl-brush') as HTMLElement;
    expect(brush.hidden).toBe(false);
    const left = Number.parseFloat(brush.style.left);
    pointer(brush, 'pointerdown', left + 5);
    pointer(brush, 'pointermove', left + 105);
    pointer(brush, 'pointerup', left + 105);
    expect(changes).toHaveLength(1);
    const moved = changes[0] as { from: number; to: number };
    expect(moved.from).toBeGreaterThan(day('2020-01-01'));
    expect(moved.to - moved.from).toBe(9);
  });

  it('ignores a gesture that does not change the range', () => {
    timeline.setRange({ from: day('2020-01-01'), to: day('2020-01-10') });
    const handle = slider('Range end');
    pointer(handle, 'pointerdown', 300);
    pointer(handle, 'pointerup', 300);
    expect(changes).toEqual([]);
  });

  it('debounces keyboard changes into one report after the last key', () => {
    vi.useFakeTimers();
    const end = slider('Range end');
    for (let i = 0; i < 3; i++) key(end, 'ArrowLeft');
    expect(changes).toEqual([]);
    expect(end.getAttribute('aria-valuetext')).toBe('8 Mar 2020');
    vi.advanceTimersByTime(399);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([{ from: day('2019-12-27'), to: day('2020-03-08') }]);
  });

  it('moves a month with PageDown and to the data extent with Home and End', () => {
    vi.useFakeTimers();
    const end = slider('Range end');
    key(end, 'PageDown');
    expect(end.getAttribute('aria-valuetext')).toBe('11 Feb 2020');
    key(end, 'End');
    expect(end.getAttribute('aria-valuetext')).toBe('11 Mar 2020');
    const start = slider('Range start');
    key(start, 'ArrowRight');
    key(start, 'Home');
    expect(start.getAttribute('aria-valuetext')).toBe('27 Dec 2019');
  });

  it('keeps the start handle from passing the end handle', () => {
    vi.useFakeTimers();
    timeline.setRange({ from: day('2020-01-01'), to: day('2020-01-02') });
    const start = slider('Range start');
    key(start, 'ArrowRight');
    key(start, 'ArrowRight');
    expect(start.getAttribute('aria-valuetext')).toBe('2 Jan 2020');
    vi.runAllTimers();
    expect(changes).toEqual([{ from: day('2020-01-02'), to: day('2020-01-02') }]);
  });

  it('does not call back for a range set by the app', () => {
    timeline.setRange({ from: day('2020-01-01'), to: day('2020-01-31') });
    timeline.setRange(null);
    expect(changes).toEqual([]);
  });

  it('re-marks the same bars for a new range, and redraws them for new counted incidents', () => {
    const counted = [0, 1, 2, 3, 4, 5];
    timeline.setData(firstDay, lastDay, counted);
    const before = [...container.querySelectorAll('.tl-bar')];
    const march = { from: day('2020-03-05'), to: day('2020-03-11') }; // inside the view: no re-fit
    timeline.setRange(march);
    timeline.setData(firstDay, lastDay, counted); // a change of dates alone hands the same array on
    const after = [...container.querySelectorAll('.tl-bar')];
    expect(after.every((bar, k) => bar === before[k])).toBe(true);
    const inRange = after.filter((bar) => bar.classList.contains('tl-bar--in'));
    expect(inRange.map((bar) => bar.querySelector('title')?.textContent)).toEqual([
      '11 Mar 2020: 1 incident',
    ]);
    expect(after.filter((bar) => bar.classList.contains('tl-bar--out'))).toHaveLength(after.length - 1);
    // The span over New Year lies outside March.
    expect(container.querySelector('.tl-span')?.classList.contains('tl-span--out')).toBe(true);

    timeline.setRange(null);
    expect(container.querySelectorAll('.tl-bar--in, .tl-bar--out, .tl-span--out')).toHaveLength(0);

    timeline.setData(firstDay, lastDay, [5]); // another filter: the bars are redrawn, their nodes reused
    const redrawn = [...container.querySelectorAll('.tl-bar')];
    expect(redrawn.map((bar) => bar.textContent)).toEqual(['11 Mar 2020: 1 incident']);
    expect(redrawn[0]).toBe(before[0]);
    expect(redrawn[0]?.querySelectorAll('title')).toHaveLength(1);
    expect(container.querySelectorAll('.tl-span')).toHaveLength(0); // the New Year span is not counted now

    timeline.setData(firstDay, lastDay, counted); // all again: every bar and the span back, in date order
    const back = [...container.querySelectorAll('.tl-bar title')].map((t) => t.textContent);
    expect(back).toHaveLength(before.length);
    expect(back).toContain('27 Dec 2019: 1 incident');
    expect(container.querySelectorAll('.tl-span line')).toHaveLength(3);
  });

  it('widens the view to show a range set outside it', () => {
    timeline.setRange({ from: day('2021-06-01'), to: day('2021-06-30') });
    const brush = container.querySelector('.tl-brush') as HTMLElement;
    expect(brush.hidden).toBe(false);
    expect(Number.parseFloat(brush.style.left) + Number.parseFloat(brush.style.width)).toBeLessThanOrEqual(
      WIDTH,
    );
  });

  it('stops listening and leaves the container when destroyed', () => {
    const svg = container.querySelector('svg') as SVGSVGElement;
    const end = slider('Range end');
    timeline.destroy();
    expect(container.children).toHaveLength(0);
    pointer(svg, 'pointerdown', 100);
    pointer(svg, 'pointermove', 300);
    pointer(svg, 'pointerup', 300);
    key(end, 'ArrowLeft');
    end.dispatchEvent(new FocusEvent('blur'));
    expect(changes).toEqual([]);
  });
});
