/**
 * Relations on the map: curved arrows between the incidents of one chain (domain/story.ts), styled by kind —
 * causal solid, sequence dotted, context thin, not-related grey dashed and labelled "not related".
 *
 * A Leaflet layer with a symmetric lifecycle: `onAdd` puts one SVG into a pane of its own (above the
 * basemap and circles, below markers and popups) and a legend control on the map; `onRemove` takes both
 * away; `getEvents` lists the map events it redraws on, which Leaflet attaches and detaches with the layer,
 * and it follows every `move` only while it has relations to draw (and stops on remove).
 *
 * Drawing is in screen space (container pixels), recomputed on every move and zoom: each relation is a cubic
 * Bézier that bulges to its left by at least `minBend` px, so two incidents a few pixels apart (Baghdad
 * airport and the embassy at low zoom) still get a visible arc, and opposite relations between one pair get
 * two arcs. Ends stop `markerGap` px short of the incident so the arrowhead is not hidden by the marker. A
 * curve whose end is off screen is cut where it leaves the map and ends in a large arrowhead there, pointing
 * on towards the incident. No data text goes into the SVG: it is decorative (aria-hidden); the popup lists
 * the same chain as text.
 */
import './relation-layer.css';
import L from 'leaflet';
import { el } from '../dom/el';
import type { Chain, RelationKind } from '../domain/story';

/** Where incidents are drawn, by position (the dataset's coordinate columns), and their ids. */
export interface RelationPoints {
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  idOf(i: number): string;
}

const DEFAULTS = {
  markerGap: 15, // px between an arrow's end and the incident's centre (markers are 26 px across)
  minBend: 40, // px, least sideways bulge of a curve, so near incidents still get a readable arc
  bendShare: 0.16, // bulge of a long curve, as a share of the distance between its ends
  minSpan: 64, // px, least length of the curve's base, so a curve between near incidents loops out wide
  edgeInset: 14, // px from the map's edge where a curve to an off-screen incident ends in an arrowhead
  samples: 64, // points sampled along a curve to find where it leaves the map
  headSize: 11, // px, arrowhead length
  edgeHeadSize: 20, // px, arrowhead at the map edge pointing to an off-screen incident
  maxLinks: 500, // arrows drawn at most (the open incident's own first): a dense chain stays drawable
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Class name per kind: `relation-causal`, …, `relation-not-related`. */
export const RELATION_CLASS: Readonly<Record<RelationKind, string>> = {
  causal: 'relation-causal',
  sequence: 'relation-sequence',
  context: 'relation-context',
  notRelated: 'relation-not-related',
};

/** Legend text per kind. */
export const RELATION_LEGEND: Readonly<Record<RelationKind, string>> = {
  causal: 'Prompted, led to',
  sequence: 'Followed by',
  context: 'Background, framing',
  notRelated: 'Not related, per sources',
};

type Pt = { x: number; y: number };
type Cubic = [Pt, Pt, Pt, Pt];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: SVGElement[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

const lerp = (a: Pt, b: Pt, t: number): Pt => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const dist = (a: Pt, b: Pt) => Math.hypot(b.x - a.x, b.y - a.y);

function at(c: Cubic, t: number): Pt {
  const [a, b, d, e] = c;
  const ab = lerp(a, b, t);
  const bd = lerp(b, d, t);
  const de = lerp(d, e, t);
  return lerp(lerp(ab, bd, t), lerp(bd, de, t), t);
}

/** The part of `c` from t = `from` to t = `to` as a cubic of its own (de Casteljau). */
function part(c: Cubic, from: number, to: number): Cubic {
  const split = (k: Cubic, t: number): [Cubic, Cubic] => {
    const [a, b, d, e] = k;
    const ab = lerp(a, b, t);
    const bd = lerp(b, d, t);
    const de = lerp(d, e, t);
    const abd = lerp(ab, bd, t);
    const bde = lerp(bd, de, t);
    const m = lerp(abd, bde, t);
    return [
      [a, ab, abd, m],
      [m, bde, de, e],
    ];
  };
  const right = split(c, from)[1];
  return from >= 1 ? right : split(right, (to - from) / (1 - from))[0];
}

/** The curve from `p0` to `p1`: bulging left of the direction of travel, looping out when they are close. */
export function relationCurve(p0: Pt, p1: Pt): Cubic {
  const d = dist(p0, p1);
  const dir = d < 1e-6 ? { x: 1, y: 0 } : { x: (p1.x - p0.x) / d, y: (p1.y - p0.y) / d };
  const normal = { x: dir.y, y: -dir.x }; // left of the direction of travel on screen (y grows down)
  const bulge = (4 / 3) * Math.max(DEFAULTS.minBend, DEFAULTS.bendShare * d); // a cubic peaks at 3/4 of it
  const spread = Math.max(0, DEFAULTS.minSpan - d) / 2;
  const control = (base: Pt, along: number): Pt => ({
    x: base.x + dir.x * along + normal.x * bulge,
    y: base.y + dir.y * along + normal.y * bulge,
  });
  return [p0, control(p0, d / 3 - spread), control(p1, -d / 3 + spread), p1];
}

/** Finds t in [lo, hi] where `inside(at(c, t))` flips, by bisection; `lo` is on the inside. */
function boundary(c: Cubic, lo: number, hi: number, inside: (p: Pt) => boolean): number {
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (inside(at(c, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

let instances = 0;

/** A Leaflet layer drawing the relations of one chain; `show(chain)` replaces what it draws. */
export class RelationLayer extends L.Layer {
  private map: L.Map | null = null;
  private root: SVGSVGElement | null = null;
  private legend: L.Control | null = null;
  private chain: Chain | null = null;
  /** Listening to the map's `move` (dozens per pan), which it does only while it has relations to draw. */
  private following = false;
  private readonly uid = `relations-${++instances}`;

  /** `points[i]` is where incident `i` is drawn; `legendOpen` shows the legend expanded at first. */
  constructor(
    private readonly points: RelationPoints,
    private readonly legendOpen: boolean,
  ) {
    super();
  }

  /** Draws the relations of `chain` (null = none); the chain's `start` is the open incident. */
  show(chain: Chain | null): void {
    this.chain = chain;
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    this.map = map;
    const pane = map.getPane('relations') ?? map.createPane('relations');
    // leaflet-zoom-hide: hidden while Leaflet animates a zoom, then redrawn on `zoom`.
    this.root = svg('svg', { class: 'relation-layer leaflet-zoom-hide', 'aria-hidden': 'true' });
    pane.append(this.root);
    this.legend = new RelationLegend({ position: 'bottomleft' }, this.legendOpen).addTo(map);
    this.redraw();
    return this;
  }

  override onRemove(): this {
    this.follow(false);
    this.root?.remove();
    this.root = null;
    this.legend?.remove();
    this.legend = null;
    this.map = null;
    return this;
  }

  override getEvents(): Record<string, L.LeafletEventHandlerFn> {
    return { zoom: this.redraw, viewreset: this.redraw, resize: this.redraw };
  }

  /** Redraws on every move of the map (`on`), or not. */
  private follow(on: boolean): void {
    const { map } = this;
    if (map === null || on === this.following) return;
    this.following = on;
    if (on) map.on('move', this.redraw);
    else map.off('move', this.redraw);
  }

  private readonly redraw = (): void => {
    const { map, root, chain } = this;
    if (map === null || root === null) return;
    const empty = chain === null || chain.links.length === 0;
    this.follow(!empty);
    // The legend shows only while there is something to explain.
    const legend = this.legend?.getContainer();
    if (legend && legend.hidden !== empty) legend.hidden = empty;
    // With nothing to draw, a move (dozens per pan) touches no DOM.
    if (empty) {
      if (root.firstChild !== null) root.replaceChildren();
      return;
    }
    const size = map.getSize();
    // The pane moves with the map; keep the SVG on the container so it can draw in container pixels.
    // (Leaflet's typings want an HTMLElement; setPosition only sets a CSS transform, as Leaflet's own SVG renderer does.)
    L.DomUtil.setPosition(root as unknown as HTMLElement, map.containerPointToLayerPoint([0, 0]));
    root.setAttribute('width', String(size.x));
    root.setAttribute('height', String(size.y));
    root.setAttribute('viewBox', `0 0 ${size.x} ${size.y}`);
    const screen = (i: number): Pt => {
      const lat = this.points.lat[i];
      const lon = this.points.lon[i];
      if (lat === undefined || lon === undefined)
        throw new Error(`No incident at index ${i} (have ${this.points.lat.length})`);
      const c = map.latLngToContainerPoint([lat, lon]);
      return { x: c.x, y: c.y };
    };
    const inset = DEFAULTS.edgeInset;
    // The map's controls (zoom, layers, legends) hide what is under them: treat them as beyond the edge.
    const frame = map.getContainer().getBoundingClientRect();
    const covered = [...map.getContainer().querySelectorAll('.leaflet-control')].flatMap((control) => {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      const left = box.left - frame.left - inset;
      const top = box.top - frame.top - inset;
      return [{ left, top, right: left + box.width + 2 * inset, bottom: top + box.height + 2 * inset }];
    });
    const inside = (p: Pt) =>
      p.x >= inset &&
      p.y >= inset &&
      p.x <= size.x - inset &&
      p.y <= size.y - inset &&
      !covered.some((c) => p.x >= c.left && p.x <= c.right && p.y >= c.top && p.y <= c.bottom);
    const casings: SVGElement[] = [];
    const arrows: SVGElement[] = [];
    const marks: SVGElement[] = [];
    const own = (l: { from: number; to: number }) => l.from === chain.start || l.to === chain.start;
    const links =
      chain.links.length <= DEFAULTS.maxLinks
        ? chain.links
        : [...chain.links.filter(own), ...chain.links.filter((l) => !own(l))].slice(0, DEFAULTS.maxLinks);
    for (const link of links) {
      const p0 = screen(link.from);
      const p1 = screen(link.to);
      const curve = relationCurve(p0, p1);
      const drawn = this.visiblePart(curve, p0, p1, inside);
      if (drawn === null) continue;
      const { piece, offscreenEnd } = drawn;
      const [a, b, c, e] = piece;
      const d = `M${a.x.toFixed(1)},${a.y.toFixed(1)}C${b.x.toFixed(1)},${b.y.toFixed(1)} ${c.x.toFixed(1)},${c.y.toFixed(1)} ${e.x.toFixed(1)},${e.y.toFixed(1)}`;
      const kindClass = RELATION_CLASS[link.kind];
      const current = own(link);
      const classes = ['relation-arrow', kindClass];
      if (current) classes.push('relation-current');
      if (offscreenEnd) classes.push('relation-offscreen');
      casings.push(svg('path', { d, class: `relation-casing ${kindClass}` }));
      const path = svg('path', {
        d,
        class: classes.join(' '),
        'data-from': this.points.idOf(link.from),
        'data-to': this.points.idOf(link.to),
      });
      if (!offscreenEnd) path.setAttribute('marker-end', `url(#${this.uid}-${link.kind})`);
      arrows.push(path);
      if (offscreenEnd) marks.push(this.edgeHead(piece, kindClass));
      if (link.kind === 'notRelated') {
        const mid = at(piece, 0.5);
        const label = svg('text', {
          x: mid.x.toFixed(1),
          y: (mid.y - 6).toFixed(1),
          class: 'relation-label',
          'text-anchor': 'middle',
        });
        label.textContent = 'not related';
        marks.push(label);
      }
    }
    const nodes = [...new Set([...chain.steps, ...chain.framing, ...chain.notRelated])]
      .map(screen)
      .filter(inside)
      .map((p) => svg('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 5, class: 'relation-node' }));
    root.replaceChildren(this.defs(), ...nodes, ...casings, ...arrows, ...marks);
  };

  /**
   * The part of `curve` to draw: clear of both markers and inside the map. Null when none of it is on
   * screen. `offscreenEnd` is true when the curve was cut at the map's edge before reaching its end.
   */
  private visiblePart(
    curve: Cubic,
    p0: Pt,
    p1: Pt,
    inside: (p: Pt) => boolean,
  ): { piece: Cubic; offscreenEnd: boolean } | null {
    const n = DEFAULTS.samples;
    const gap = DEFAULTS.markerGap;
    let first = -1;
    let last = -1;
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const p = at(curve, t);
      if (!inside(p) || dist(p, p0) < gap || dist(p, p1) < gap) continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0) return null;
    const ok = (p: Pt) => inside(p) && dist(p, p0) >= gap && dist(p, p1) >= gap;
    // Refine both cuts between the last sample out and the first sample in.
    const from = first === 0 ? 0 : 1 - boundary(reverse(curve), 1 - first / n, 1 - (first - 1) / n, ok);
    const to = last === n ? 1 : boundary(curve, last / n, (last + 1) / n, ok);
    if (to - from < 1e-3) return null;
    return { piece: part(curve, from, to), offscreenEnd: !inside(p1) };
  }

  /** A large arrowhead at the end of `piece`, pointing along it: the incident lies beyond the map's edge. */
  private edgeHead(piece: Cubic, kindClass: string): SVGElement {
    const tip = piece[3];
    const back = at(piece, 0.97);
    const len = dist(back, tip) || 1;
    const ux = (tip.x - back.x) / len;
    const uy = (tip.y - back.y) / len;
    const s = DEFAULTS.edgeHeadSize;
    const base = { x: tip.x - ux * s, y: tip.y - uy * s };
    const corner = (side: number) =>
      `${(base.x - uy * side * s * 0.55).toFixed(1)},${(base.y + ux * side * s * 0.55).toFixed(1)}`;
    return svg('polygon', {
      points: `${tip.x.toFixed(1)},${tip.y.toFixed(1)} ${corner(1)} ${corner(-1)}`,
      class: `relation-edge-head ${kindClass}`,
    });
  }

  private defs(): SVGDefsElement {
    const s = DEFAULTS.headSize;
    return svg(
      'defs',
      {},
      ...(['causal', 'sequence', 'context', 'notRelated'] as const).map((kind) =>
        svg(
          'marker',
          {
            id: `${this.uid}-${kind}`,
            viewBox: '0 0 10 10',
            refX: 9,
            refY: 5,
            markerWidth: s,
            markerHeight: s,
            markerUnits: 'userSpaceOnUse',
            orient: 'auto',
          },
          svg('path', { d: 'M0,0.5 L10,5 L0,9.5 z', class: `relation-head ${RELATION_CLASS[kind]}` }),
        ),
      ),
    );
  }
}

function reverse(c: Cubic): Cubic {
  return [c[3], c[2], c[1], c[0]];
}

/** A line sample of one kind for the legend, with its arrowhead. */
function sample(kind: RelationKind): SVGSVGElement {
  const cls = RELATION_CLASS[kind];
  return svg(
    'svg',
    { width: 40, height: 14, viewBox: '0 0 40 14', 'aria-hidden': 'true', class: 'relation-sample' },
    svg('path', { d: 'M2,7 L30,7', class: `relation-line ${cls}` }),
    svg('path', { d: 'M29,2 L38,7 L29,12 z', class: `relation-head ${cls}` }),
  );
}

/** The relations legend: one row per kind, and what an arrowhead at the map's edge means. */
class RelationLegend extends L.Control {
  constructor(
    options: L.ControlOptions,
    private readonly open: boolean,
  ) {
    super(options);
  }

  override onAdd(): HTMLElement {
    const rows = (['causal', 'sequence', 'context', 'notRelated'] as const).map((kind) =>
      el('li', { className: 'legend-row' }, sample(kind), RELATION_LEGEND[kind]),
    );
    const details = el(
      'details',
      { className: 'relation-legend' },
      el('summary', {}, 'Relations'),
      el('ul', {}, ...rows),
      el('p', { className: 'legend-note' }, 'Big arrowhead at the edge: off screen'),
    );
    details.open = this.open;
    L.DomEvent.disableClickPropagation(details);
    L.DomEvent.disableScrollPropagation(details);
    return details;
  }
}
