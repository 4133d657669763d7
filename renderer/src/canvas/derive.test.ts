import { describe, expect, it } from 'vitest';
import { moveItems, newNode } from '../../../shared/design/edit.ts';
import type { Topology, TopologyEdge } from '../../../shared/model/schema.ts';
import { CanvasDeriver } from './derive.ts';
import { movedEdges, movedNodes, withGroupMembers } from './drag-view.ts';
import { NODE_SIZE } from './kinds.ts';

/** A design of 60 Prometheus servers in a grid, each federated by the one before. */
function design(): Topology {
  const nodes = Array.from({ length: 60 }, (_, i) =>
    newNode('prometheus', `p${i}`, `p${i}`, { x: (i % 10) * 260, y: Math.floor(i / 10) * 160 }),
  );
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `f${i}`, kind: 'federate', from: `p${i}`, to: n.id }) as TopologyEdge);
  return { apiVersion: 'fedstudio/v1', kind: 'Topology', metadata: { name: 'grid' }, nodes, edges };
}

const size = () => NODE_SIZE;

describe('derived edges', () => {
  it('carry a route from side to side of their two nodes', () => {
    const t = design();
    const [edge] = new CanvasDeriver().deriveEdges(t, new Set(), new Map(), size);
    const route = edge!.data!.route!;
    expect(route.points[0]).toEqual({ x: 180, y: 32 }); // p0's right side, towards p1
    expect(route.points.at(-1)).toEqual({ x: 260, y: 32 }); // p1's left side
  });

  it('while dragging a big design, re-route only the edges of the moved node', () => {
    const d = new CanvasDeriver();
    const t = design();
    const before = d.deriveEdges(t, new Set(), new Map(), size, 0, true);
    const moved: Topology = {
      ...t,
      nodes: t.nodes.map((n) => (n.id === 'p5' ? { ...n, position: { x: 1400, y: 500 } } : n)),
    };
    const after = d.deriveEdges(moved, new Set(), new Map(), size, 0, true);
    const changed = after.filter((e, i) => e !== before[i]).map((e) => e.id);
    expect(changed.sort()).toEqual(['f4', 'f5']);
    // Once the drag ends, every edge is routed again: same positions, same routes.
    const settled = d.deriveEdges(moved, new Set(), new Map(), size, 0, false);
    expect(settled.find((e) => e.id === 'f4')!.data!.route).toEqual(
      after.find((e) => e.id === 'f4')!.data!.route,
    );
  });
});

describe('a drag in progress', () => {
  it('draws only the moved nodes anew, at their new positions', () => {
    const d = new CanvasDeriver();
    const t = design();
    const nodes = d.deriveNodes(t, new Set(), new Map(), new Map());
    const during = movedNodes(nodes, new Map([['p5', { x: 999, y: 7 }]]));
    const changed = during.filter((n, i) => n !== nodes[i]);
    expect(changed.map((n) => [n.id, n.position, n.dragging])).toEqual([
      ['p5', { x: 999, y: 7 }, true],
    ]);
  });

  it('routes only the edges of the moved nodes, as the store would once the drag ends', () => {
    const d = new CanvasDeriver();
    const t = design();
    const edges = d.deriveEdges(t, new Set(), new Map(), size);
    const at = { x: 1400, y: 500 };
    const during = movedEdges(t, edges, new Map([['p5', at]]), size);
    const changed = during.filter((e, i) => e !== edges[i]).map((e) => e.id);
    expect(changed.sort()).toEqual(['f4', 'f5']);
    const dropped: Topology = {
      ...t,
      nodes: t.nodes.map((n) => (n.id === 'p5' ? { ...n, position: at } : n)),
    };
    const after = new CanvasDeriver().deriveEdges(dropped, new Set(), new Map(), size);
    for (const id of ['f4', 'f5'])
      expect(during.find((e) => e.id === id)?.data?.route?.points).toEqual(
        after.find((e) => e.id === id)?.data?.route?.points,
      );
  });
});

describe('an edit that moves nothing', () => {
  it('keeps every edge object and route', () => {
    const d = new CanvasDeriver();
    const t = design();
    const before = d.deriveEdges(t, new Set(), new Map(), size);
    const renamed: Topology = {
      ...t,
      nodes: t.nodes.map((n) => (n.id === 'p5' ? { ...n, name: 'renamed' } : n)),
    };
    const after = d.deriveEdges(renamed, new Set(), new Map(), size);
    expect(after.every((e, i) => e === before[i])).toBe(true);
  });
});

describe('a group dragged', () => {
  it('carries its members along, where the drop will put them', () => {
    const t = design();
    const grouped: Topology = {
      ...t,
      groups: [{ id: 'g', position: { x: -20, y: -20 }, size: { width: 500, height: 200 } }],
      nodes: t.nodes.map((n, i) => (i < 2 ? { ...n, group: 'g' } : n)),
    };
    const moved = new Map([['g', { x: 30.4, y: 80 }]]);
    const shown = withGroupMembers(grouped, moved);
    const dropped = moveItems(grouped, moved);
    expect([...shown.keys()].sort()).toEqual(['g', 'p0', 'p1']);
    for (const id of ['p0', 'p1'])
      expect(shown.get(id)).toEqual(dropped.nodes.find((n) => n.id === id)?.position);
  });
});
