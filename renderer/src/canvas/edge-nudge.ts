// Edges that share a stretch of the same channel are drawn a few pixels apart, so each stays
// traceable. Only inner segments move (the first and last touch their node's port), and only
// when the moved segment and its two neighbours still clear every node box.
import type { XY } from '../../../shared/design/edit.ts';
import type { Rect } from './route-grid.ts';

const STEP = 5;
const MAX_SHIFT = 10;

interface Seg {
  path: XY[];
  k: number;
  horizontal: boolean;
  at: number;
  lo: number;
  hi: number;
}

const crosses = (a: XY, b: XY, r: Rect) =>
  Math.max(a.x, b.x) > r.x &&
  Math.min(a.x, b.x) < r.x + r.width &&
  Math.max(a.y, b.y) > r.y &&
  Math.min(a.y, b.y) < r.y + r.height;

/** Spreads overlapping inner segments of the paths apart; changes the paths in place. */
export function nudgeApart(paths: readonly XY[][], boxes: readonly Rect[]): void {
  const lines = new Map<string, Seg[]>();
  for (const path of paths)
    for (let k = 1; k + 2 < path.length; k++) {
      const a = path[k];
      const b = path[k + 1];
      if (!a || !b) continue;
      const horizontal = a.y === b.y;
      if (!horizontal && a.x !== b.x) continue;
      const at = horizontal ? a.y : a.x;
      const [lo, hi] = horizontal ? [a.x, b.x] : [a.y, b.y];
      const seg = { path, k, horizontal, at, lo: Math.min(lo, hi), hi: Math.max(lo, hi) };
      const key = `${horizontal ? 'h' : 'v'}${at}`;
      lines.set(key, [...(lines.get(key) ?? []), seg]);
    }
  for (const segs of lines.values()) {
    if (segs.length < 2) continue;
    segs.sort((p, q) => p.lo - q.lo || p.hi - q.hi);
    // Clusters of segments whose stretches overlap, each spread around the channel's line.
    let cluster: Seg[] = [];
    let end = -Infinity;
    const flush = () => {
      if (cluster.length > 1) spread(cluster, boxes);
      cluster = [];
    };
    for (const s of segs) {
      if (s.lo >= end) flush();
      cluster.push(s);
      end = Math.max(end, s.hi);
    }
    flush();
  }
}

function spread(cluster: readonly Seg[], boxes: readonly Rect[]): void {
  const step = Math.min(STEP, (2 * MAX_SHIFT) / (cluster.length - 1));
  cluster.forEach((s, i) => {
    const shift = (i - (cluster.length - 1) / 2) * step;
    const { path, k, horizontal } = s;
    const prev = path[k - 1];
    const a = path[k];
    const b = path[k + 1];
    const next = path[k + 2];
    if (!prev || !a || !b || !next || shift === 0) return;
    const move = (p: XY): XY =>
      horizontal ? { x: p.x, y: p.y + shift } : { x: p.x + shift, y: p.y };
    const a2 = move(a);
    const b2 = move(b);
    const clear = !boxes.some(
      (r) => crosses(prev, a2, r) || crosses(a2, b2, r) || crosses(b2, next, r),
    );
    if (!clear) return;
    path[k] = a2;
    path[k + 1] = b2;
  });
}
