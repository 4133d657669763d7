// Where edges run, derived from the node boxes alone (the design file keeps node positions only):
// each end leaves the side of its box that faces the other end, ends sharing a side spread along
// it (so parallel edges fan out), and the path between runs orthogonally round the other boxes.
import type { XY } from '../../../shared/design/edit.ts';
import { midpoint, placeLabels, type Size } from './edge-labels.ts';
import { nudgeApart } from './edge-nudge.ts';
import { OrthogonalRouter, simplify, stub, type Leg, type Rect } from './route-grid.ts';

export type { Rect } from './route-grid.ts';

export interface EdgeEnds {
  id: string;
  from: string;
  to: string;
  /** The drawn size of its label. */
  label: Size;
}

export interface EdgeRoute {
  points: XY[];
  /** The centre of its label. */
  label: XY;
}

/** Beyond this many nodes, edges are drawn side to side without routing round boxes. */
export const ROUTED_MAX = 40;
/** While a node is dragged, routing round boxes stops earlier, so the drag stays smooth. */
export const ROUTED_MAX_DRAGGING = 16;
const PORT_GAP = 16;

const centre = (r: Rect): XY => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** The side of `a` facing `b`: 0 right, 1 bottom, 2 left, 3 top. Top-down reading wins ties. */
export function facingSide(a: Rect, b: Rect): number {
  const ca = centre(a);
  const cb = centre(b);
  const gapX = Math.abs(cb.x - ca.x) - (a.width + b.width) / 2;
  const gapY = Math.abs(cb.y - ca.y) - (a.height + b.height) / 2;
  const vertical = gapY >= 10 ? gapX <= 2 * gapY : gapY >= gapX;
  if (vertical) return cb.y >= ca.y ? 1 : 3;
  return cb.x >= ca.x ? 0 : 2;
}

interface Legs {
  edge: EdgeEnds;
  from: Leg;
  to: Leg;
  points: XY[];
}

interface End {
  edge: string;
  role: 'from' | 'to';
  other: XY;
  leg: Leg;
}

function sidePoint(r: Rect, dir: number, index: number, count: number): XY {
  const along = dir === 1 || dir === 3 ? r.width : r.height;
  const gap = Math.min(PORT_GAP, along / (count + 1));
  const offset = along / 2 + (index - (count - 1) / 2) * gap;
  switch (dir) {
    case 0:
      return { x: r.x + r.width, y: r.y + offset };
    case 1:
      return { x: r.x + offset, y: r.y + r.height };
    case 2:
      return { x: r.x, y: r.y + offset };
    default:
      return { x: r.x + offset, y: r.y };
  }
}

/** Each edge's two legs: the point on its box's side and the way out of the box. */
function legsOf(boxes: ReadonlyMap<string, Rect>, edges: readonly EdgeEnds[]): Legs[] {
  const sides = new Map<string, { box: Rect; dir: number; ends: End[] }>();
  const add = (node: string, box: Rect, end: End) => {
    const key = `${node}\n${end.leg.dir}`;
    const side = sides.get(key) ?? { box, dir: end.leg.dir, ends: [] };
    side.ends.push(end);
    sides.set(key, side);
  };
  const out: Legs[] = [];
  for (const e of edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b) continue;
    // A loop leaves on the right and comes back on top.
    const d = e.from === e.to ? 0 : facingSide(a, b);
    const legs: Legs = {
      edge: e,
      from: { at: centre(a), dir: d },
      to: { at: centre(b), dir: e.from === e.to ? 3 : (d + 2) % 4 },
      points: [],
    };
    out.push(legs);
    add(e.from, a, { edge: e.id, role: 'from', other: centre(b), leg: legs.from });
    add(e.to, b, { edge: e.id, role: 'to', other: centre(a), leg: legs.to });
  }
  for (const { box, dir, ends } of sides.values()) {
    const axis = dir === 1 || dir === 3 ? 'x' : 'y';
    ends.sort(
      (p, q) =>
        p.other[axis] - q.other[axis] ||
        (p.edge < q.edge ? -1 : p.edge > q.edge ? 1 : 0) ||
        (p.role < q.role ? -1 : 1),
    );
    ends.forEach((end, i) => (end.leg.at = sidePoint(box, dir, i, ends.length)));
  }
  return out;
}

/**
 * Routes every edge whose two ends have boxes, and places its label. `routed` (round the boxes or
 * not) follows from the number of boxes unless given: a caller that passes only some of a
 * design's boxes says what the whole design would get.
 */
export function routeEdges(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly EdgeEnds[],
  dragging = false,
  routed = boxes.size <= (dragging ? ROUTED_MAX_DRAGGING : ROUTED_MAX),
): Map<string, EdgeRoute> {
  const legs = legsOf(boxes, edges);
  const router = routed
    ? new OrthogonalRouter(
        [...boxes.values()],
        legs.flatMap((l) => [l.from, l.to]),
      )
    : null;
  // Longer edges first: they have the fewest good channels.
  const order = [...legs].sort((p, q) => span(q) - span(p) || (p.edge.id < q.edge.id ? -1 : 1));
  for (const l of order) {
    const middle = router?.route(l.from, l.to) ?? elbow(l.from, l.to);
    l.points = simplify([l.from.at, ...middle, l.to.at]);
  }
  if (routed)
    nudgeApart(
      legs.map((l) => l.points),
      [...boxes.values()],
    );
  const labels = placeLabels(
    legs.map((l) => ({ id: l.edge.id, points: l.points, size: l.edge.label })),
    [...boxes.values()],
    routed,
  );
  const out = new Map<string, EdgeRoute>();
  for (const l of legs)
    out.set(l.edge.id, { points: l.points, label: labels.get(l.edge.id) ?? midpoint(l.points) });
  return out;
}

/** Stub to stub in at most three straight runs, meeting half-way: no box avoided. */
export function elbow(from: Leg, to: Leg): XY[] {
  const a = stub(from);
  const b = stub(to);
  if (from.dir % 2 === 1) {
    const y = (a.y + b.y) / 2;
    return [a, { x: a.x, y }, { x: b.x, y }, b];
  }
  const x = (a.x + b.x) / 2;
  return [a, { x, y: a.y }, { x, y: b.y }, b];
}

function span(l: { from: Leg; to: Leg }): number {
  return Math.abs(l.from.at.x - l.to.at.x) + Math.abs(l.from.at.y - l.to.at.y);
}

/** An SVG path through the points, its corners rounded. */
export function pathOf(points: readonly XY[], radius = 8): string {
  const first = points[0];
  if (!first) return '';
  let d = `M ${first.x} ${first.y}`;
  for (const [k, p] of points.entries()) {
    if (k === 0) continue;
    const next = points[k + 1];
    const prev = points[k - 1];
    if (!next || !prev) {
      d += ` L ${p.x} ${p.y}`;
      break;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    d += ` L ${a.x} ${a.y} Q ${p.x} ${p.y} ${b.x} ${b.y}`;
  }
  return d;
}

const dist = (a: XY, b: XY) => Math.hypot(a.x - b.x, a.y - b.y);

function toward(from: XY, to: XY, by: number): XY {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}
