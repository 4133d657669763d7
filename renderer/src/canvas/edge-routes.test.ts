import { describe, expect, it } from 'vitest';
import type { XY } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { parseTopology } from '../../../shared/design/parse.ts';
import { edgeLabelSize } from './derive.ts';
import { facingSide, pathOf, routeEdges, type EdgeRoute, type Rect } from './edge-routes.ts';
import { NODE_SIZE } from './kinds.ts';
import { layoutTopology } from './layout.ts';

// Every template of the gallery, as Vite bundles them.
const sources = import.meta.glob<string>('../../../templates/*.topology.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const templates = Object.entries(sources).map(([file, text]) => {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return [file.split('/').at(-1)!.replace('.topology.yaml', ''), parsed.topology] as const;
});

const box = (x: number, y: number): Rect => ({ x, y, ...NODE_SIZE });

const inside = (p: XY, r: Rect, shrink = 1) =>
  p.x > r.x + shrink &&
  p.x < r.x + r.width - shrink &&
  p.y > r.y + shrink &&
  p.y < r.y + r.height - shrink;

/** Points every 2 px along a polyline. */
function samples(points: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
    for (let s = 0; s <= n; s++)
      out.push({ x: a.x + ((b.x - a.x) * s) / n, y: a.y + ((b.y - a.y) * s) / n });
  }
  return out;
}

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function routesOf(t: Topology, at: (id: string) => XY) {
  const boxes = new Map(t.nodes.map((n) => [n.id, { ...at(n.id), ...NODE_SIZE }]));
  const edges = (t.edges ?? []).map((e) => ({ ...e, label: edgeLabelSize(e, null) }));
  return { boxes, edges, routes: routeEdges(boxes, edges) };
}

/** Crossings of node boxes by paths, and overlaps of labels with labels or nodes. */
function defects(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { id: string; label: { width: number; height: number } }[],
  routes: ReadonlyMap<string, EdgeRoute>,
): string[] {
  const out: string[] = [];
  const labels: [string, Rect][] = [];
  for (const e of edges) {
    const r = routes.get(e.id)!;
    for (const [id, b] of boxes)
      if (samples(r.points).some((p) => inside(p, b))) out.push(`${e.id} crosses ${id}`);
    const l = {
      x: r.label.x - e.label.width / 2,
      y: r.label.y - e.label.height / 2,
      ...e.label,
    };
    for (const [id, b] of boxes) if (overlap(l, b)) out.push(`label ${e.id} on node ${id}`);
    for (const [id, o] of labels) if (overlap(l, o)) out.push(`label ${e.id} on label ${id}`);
    labels.push([e.id, l]);
  }
  return out;
}

describe('edge routes', () => {
  it('leave the side facing the other end', () => {
    expect(facingSide(box(0, 0), box(0, 200))).toBe(1);
    expect(facingSide(box(0, 200), box(0, 0))).toBe(3);
    expect(facingSide(box(0, 0), box(400, 0))).toBe(0);
    expect(facingSide(box(400, 0), box(0, 20))).toBe(2);
  });

  it('go round a node between the two ends', () => {
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(500, 0)],
      ['wall', box(250, -10)],
    ]);
    const edges = [{ id: 'e', from: 'a', to: 'b', label: { width: 50, height: 19 } }];
    const routes = routeEdges(boxes, edges);
    expect(defects(boxes, edges, routes)).toEqual([]);
    expect(routes.get('e')!.points.length).toBeGreaterThan(2);
  });

  it('fan out parallel edges between the same two nodes', () => {
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(0, 300)],
    ]);
    const edges = ['e1', 'e2', 'e3'].map((id) => ({
      id,
      from: id === 'e2' ? 'b' : 'a',
      to: id === 'e2' ? 'a' : 'b',
      label: { width: 60, height: 19 },
    }));
    const routes = routeEdges(boxes, edges);
    const starts = edges.map((e) => routes.get(e.id)!.points[0]!.x);
    expect(new Set(starts).size).toBe(3);
    expect(defects(boxes, edges, routes)).toEqual([]);
  });

  it('stay orthogonal, without avoiding boxes, while a node of a bigger design is dragged', () => {
    const boxes = new Map(
      Array.from({ length: 20 }, (_, i) => [`n${i}`, box((i % 5) * 260, Math.floor(i / 5) * 160)]),
    );
    const edges = Array.from({ length: 19 }, (_, i) => ({
      id: `e${i}`,
      from: `n${Math.floor(i / 3)}`,
      to: `n${i + 1}`,
      label: { width: 50, height: 19 },
    }));
    const routes = routeEdges(boxes, edges, true);
    expect(routes.size).toBe(19);
    for (const r of routes.values())
      for (const [k, p] of r.points.entries()) {
        const q = r.points[k + 1];
        if (q) expect(p.x === q.x || p.y === q.y).toBe(true);
      }
  });

  it('cover every template', () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
  });

  it('draw rounded corners as one SVG path', () => {
    const d = pathOf([
      { x: 0, y: 0 },
      { x: 0, y: 50 },
      { x: 80, y: 50 },
    ]);
    expect(d).toBe('M 0 0 L 0 42 Q 0 50 8 50 L 80 50');
  });

  describe.each(templates)('template %s', (_, t) => {
    it('reads without crossings or covered labels, auto-laid out', async () => {
      const laid = await layoutTopology(t, () => NODE_SIZE);
      const { boxes, edges, routes } = routesOf(t, (id) => laid.nodes.get(id)!);
      expect(routes.size).toBe(edges.length);
      expect(defects(boxes, edges, routes)).toEqual([]);
    });
  });
});
