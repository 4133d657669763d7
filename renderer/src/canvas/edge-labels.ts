// Edge labels placed so they read: each goes to the first spot along its edge (middles of long
// segments first, then beside the line) that covers no node box and no label placed before it.
import type { XY } from '../../../shared/design/edit.ts';
import type { Rect } from './route-grid.ts';

export interface Size {
  width: number;
  height: number;
}

export interface LabelledPath {
  id: string;
  points: readonly XY[];
  size: Size;
}

/** Room kept between a label and a node or another label. */
const GAP = 3;
const FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9];

const overlaps = (a: Rect, b: Rect, gap: number) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/** A path's segments, each with its two ends. */
export function segmentsOf(points: readonly XY[]): { a: XY; b: XY; len: number }[] {
  return points.slice(1).map((b, k) => {
    const a = points[k] ?? b;
    return { a, b, len: Math.hypot(a.x - b.x, a.y - b.y) };
  });
}

/** Candidate centres along a path, best first; `beside` ones sit next to the line. */
function candidates(points: readonly XY[], size: Size): XY[] {
  const segments = segmentsOf(points);
  // The first and last segments touch node boxes; use them last.
  const inner = segments.slice(1, -1).sort((p, q) => q.len - p.len);
  const ordered =
    segments.length > 2 ? [...inner, segments[0], segments[segments.length - 1]] : segments;
  const on: XY[] = [];
  const beside: XY[][] = [[], [], []];
  for (const s of ordered) {
    if (!s) continue;
    for (const f of FRACTIONS) {
      const p = { x: s.a.x + (s.b.x - s.a.x) * f, y: s.a.y + (s.b.y - s.a.y) * f };
      on.push(p);
      const horizontal = s.a.y === s.b.y;
      beside.forEach((list, k) => {
        const dx = horizontal ? 0 : (k + 1) * (size.width / 2 + 4);
        const dy = horizontal ? (k + 1) * (size.height / 2 + 4) : 0;
        list.push({ x: p.x + dx, y: p.y + dy }, { x: p.x - dx, y: p.y - dy });
      });
    }
  }
  return [...on, ...beside.flat()];
}

/** The middle of a path, by length. */
export function midpoint(points: readonly XY[]): XY {
  const segments = segmentsOf(points);
  let left = segments.reduce((sum, s) => sum + s.len, 0) / 2;
  for (const { a, b, len } of segments) {
    if (len >= left && len > 0)
      return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[0] ?? { x: 0, y: 0 };
}

/**
 * Label centres by edge id. Deterministic: edges are placed in id order. `careful` false (big
 * designs) puts each label at its path's middle without looking for room.
 */
export function placeLabels(
  paths: readonly LabelledPath[],
  nodes: readonly Rect[],
  careful: boolean,
): Map<string, XY> {
  const out = new Map<string, XY>();
  const placed: Rect[] = [];
  const sorted = [...paths].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  for (const p of sorted) {
    if (!careful) {
      out.set(p.id, midpoint(p.points));
      continue;
    }
    const boxAt = (c: XY): Rect => ({
      x: c.x - p.size.width / 2,
      y: c.y - p.size.height / 2,
      ...p.size,
    });
    const free = (c: XY) => {
      const r = boxAt(c);
      return !nodes.some((n) => overlaps(r, n, GAP)) && !placed.some((l) => overlaps(r, l, GAP));
    };
    const all = candidates(p.points, p.size);
    const at = all.find(free) ?? all[0] ?? midpoint(p.points);
    out.set(p.id, at);
    placed.push(boxAt(at));
  }
  return out;
}
