// An orthogonal router: the shortest path with few bends on a grid made of the node boxes' sides,
// their margins and the ports. It never enters a node box, avoids the margin round a box when it
// can, and pays to share a segment another edge already took, so edges keep apart.
import type { XY } from '../../../shared/design/edit.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept round a node box: edges run at this distance from it. */
export const MARGIN = 18;
const BEND = 24;
const NEAR_BOX = 3;
const SHARED = 0.6;

/** An index known to exist in a number array (noUncheckedIndexedAccess). */
const num = (v: number | undefined): number => v ?? 0;

const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/** A binary min-heap of state numbers keyed by cost. */
class Heap {
  private items: number[] = [];
  private keys: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, key: number): void {
    let i = this.items.length;
    this.items.push(item);
    this.keys.push(key);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (num(this.keys[p]) <= key) break;
      this.items[i] = num(this.items[p]);
      this.keys[i] = num(this.keys[p]);
      i = p;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }
  pop(): number {
    const top = num(this.items[0]);
    const item = this.items.pop() ?? 0;
    const key = this.keys.pop() ?? 0;
    const n = this.items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && num(this.keys[r]) < num(this.keys[l]) ? r : l;
        if (num(this.keys[c]) >= key) break;
        this.items[i] = num(this.items[c]);
        this.keys[i] = num(this.keys[c]);
        i = c;
      }
      this.items[i] = item;
      this.keys[i] = key;
    }
    return top;
  }
}

function uniqueSorted(values: number[]): number[] {
  const s = [...new Set(values.map((v) => Math.round(v * 2) / 2))].sort((a, b) => a - b);
  return s;
}

/** Marks, for each box, the grid points strictly inside it and the grid steps through it. */
function mark(xs: number[], ys: number[], boxes: readonly Rect[], grow: number) {
  const W = xs.length;
  const H = ys.length;
  const pt = new Uint8Array(W * H);
  const hz = new Uint8Array(W * H); // the step from (i, j) to (i + 1, j)
  const vt = new Uint8Array(W * H); // the step from (i, j) to (i, j + 1)
  for (const b of boxes) {
    const x1 = b.x - grow;
    const x2 = b.x + b.width + grow;
    const y1 = b.y - grow;
    const y2 = b.y + b.height + grow;
    const i0 = lowerBound(xs, x1);
    const i1 = upperBound(xs, x2);
    const j0 = lowerBound(ys, y1);
    const j1 = upperBound(ys, y2);
    for (let j = j0; j < j1; j++)
      for (let i = i0; i < i1; i++) {
        const x = num(xs[i]);
        const y = num(ys[j]);
        const inX = x > x1 && x < x2;
        const inY = y > y1 && y < y2;
        if (inX && inY) pt[j * W + i] = 1;
        if (inY && i + 1 < W && x >= x1 && num(xs[i + 1]) <= x2) hz[j * W + i] = 1;
        if (inX && j + 1 < H && y >= y1 && num(ys[j + 1]) <= y2) vt[j * W + i] = 1;
      }
  }
  return { pt, hz, vt };
}

function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (num(a[m]) < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}
const upperBound = (a: number[], v: number) => {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (num(a[m]) <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
};

export interface Leg {
  /** The point on the box side, and the direction out of the box (0 right, 1 down, 2 left, 3 up). */
  at: XY;
  dir: number;
}

export class OrthogonalRouter {
  private xs: number[];
  private ys: number[];
  private hard: ReturnType<typeof mark>;
  private soft: ReturnType<typeof mark>;
  private used: Map<number, number> = new Map();
  private cost = new Float64Array(0);
  private prev = new Int32Array(0);

  constructor(boxes: readonly Rect[], legs: readonly Leg[]) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const b of boxes) {
      xs.push(b.x - MARGIN, b.x, b.x + b.width, b.x + b.width + MARGIN);
      ys.push(b.y - MARGIN, b.y, b.y + b.height, b.y + b.height + MARGIN);
    }
    for (const l of legs) {
      const s = stub(l);
      xs.push(l.at.x, s.x);
      ys.push(l.at.y, s.y);
    }
    this.xs = uniqueSorted(xs);
    this.ys = uniqueSorted(ys);
    // Channels half-way between neighbouring coordinates, so edges run mid-gap when there is room.
    for (const axis of [this.xs, this.ys]) {
      const mids: number[] = [];
      for (let i = 1; i < axis.length; i++)
        if (num(axis[i]) - num(axis[i - 1]) > 2 * MARGIN)
          mids.push((num(axis[i]) + num(axis[i - 1])) / 2);
      axis.push(...mids);
      axis.sort((a, b) => a - b);
    }
    this.hard = mark(this.xs, this.ys, boxes, -0.5);
    this.soft = mark(this.xs, this.ys, boxes, MARGIN - 1);
  }

  /** The corner points from one leg's stub to the other's, or null when walled in. */
  route(from: Leg, to: Leg): XY[] | null {
    const { xs, ys } = this;
    const W = xs.length;
    const H = ys.length;
    const s = stub(from);
    const g = stub(to);
    const si = lowerBound(xs, Math.round(s.x * 2) / 2);
    const sj = lowerBound(ys, Math.round(s.y * 2) / 2);
    const gi = lowerBound(xs, Math.round(g.x * 2) / 2);
    const gj = lowerBound(ys, Math.round(g.y * 2) / 2);
    if (si >= W || sj >= H || gi >= W || gj >= H) return null;
    const goalDir = (to.dir + 2) % 4; // arriving into the target box
    const N = W * H * 4;
    // Reused between edges: only the states this search touched are reset after it.
    if (this.cost.length !== N) {
      this.cost = new Float64Array(N).fill(Infinity);
      this.prev = new Int32Array(N).fill(-1);
    }
    const { cost, prev } = this;
    const touched: number[] = [];
    const heap = new Heap();
    const start = (sj * W + si) * 4 + from.dir;
    cost[start] = 0;
    touched.push(start);
    heap.push(start, 0);
    const h = (i: number, j: number) =>
      Math.abs(num(xs[i]) - num(xs[gi])) + Math.abs(num(ys[j]) - num(ys[gj]));
    let end = -1;
    while (heap.size > 0) {
      const state = heap.pop();
      const dir = state & 3;
      const p = state >> 2;
      const i = p % W;
      const j = (p - i) / W;
      const c = num(cost[state]);
      if (i === gi && j === gj && dir === goalDir) {
        end = state;
        break;
      }
      for (let d = 0; d < 4; d++) {
        if (d === (dir + 2) % 4) continue;
        const ni = i + num(DX[d]);
        const nj = j + num(DY[d]);
        if (ni < 0 || nj < 0 || ni >= W || nj >= H) continue;
        const q = nj * W + ni;
        const step = d === 0 || d === 1 ? j * W + i : q;
        const horizontal = d === 0 || d === 2;
        const through = horizontal ? this.hard.hz[step] : this.hard.vt[step];
        if (through || (this.hard.pt[q] && !(ni === gi && nj === gj))) continue;
        const len = horizontal
          ? Math.abs(num(xs[ni]) - num(xs[i]))
          : Math.abs(num(ys[nj]) - num(ys[j]));
        const near = horizontal ? this.soft.hz[step] : this.soft.vt[step];
        const shared = this.used.get(step * 2 + (horizontal ? 0 : 1)) ?? 0;
        const nc = c + len * (near ? NEAR_BOX : 1) + len * SHARED * shared + (d === dir ? 0 : BEND);
        const ns = q * 4 + d;
        if (nc < num(cost[ns])) {
          if (cost[ns] === Infinity) touched.push(ns);
          cost[ns] = nc;
          prev[ns] = state;
          heap.push(ns, nc + h(ni, nj));
        }
      }
    }
    const cells: number[] = [];
    if (end >= 0) for (let st = end; st >= 0; st = num(prev[st])) cells.push(st);
    for (const st of touched) {
      cost[st] = Infinity;
      prev[st] = -1;
    }
    if (end < 0) return null;
    cells.reverse();
    // Remember the steps taken, so later edges prefer other channels.
    for (let k = 1; k < cells.length; k++) {
      const a = num(cells[k - 1]) >> 2;
      const b = num(cells[k]) >> 2;
      const horizontal = Math.abs(a - b) === 1;
      const key = Math.min(a, b) * 2 + (horizontal ? 0 : 1);
      this.used.set(key, (this.used.get(key) ?? 0) + 1);
    }
    const pts = cells.map((st) => {
      const p = st >> 2;
      const i = p % W;
      return { x: num(xs[i]), y: num(ys[(p - i) / W]) };
    });
    return simplify(pts);
  }
}

export function stub(l: Leg): XY {
  return { x: l.at.x + num(DX[l.dir]) * MARGIN, y: l.at.y + num(DY[l.dir]) * MARGIN };
}

/** Drops repeated points and the middle of three collinear ones. */
export function simplify(pts: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}
