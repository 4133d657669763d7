// The canvas during a drag: the positions React Flow reports are shown without touching the
// store, and only the moved nodes and their edges are derived again, so a pointer move costs the
// same whatever the design's size. The store takes the positions once, on drop.
import type { XY } from '../../../shared/design/edit.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../../shared/model/schema.ts';
import {
  ROUTED_MAX,
  ROUTED_MAX_DRAGGING,
  routeEdges,
  type EdgeEnds,
  type Rect,
} from './edge-routes.ts';
import { edgeLabelSize, type CanvasNode, type DesignRFEdge, type SizeOf } from './derive.ts';

/** Per node id, the indices of the edges that end at it; once per version of the edge list. */
const incidenceOf = new WeakMap<readonly TopologyEdge[], Map<string, number[]>>();
function incidence(edges: readonly TopologyEdge[]): Map<string, number[]> {
  let out = incidenceOf.get(edges);
  if (out) return out;
  const map = new Map<string, number[]>();
  out = map;
  const add = (id: string, i: number) => {
    const list = map.get(id);
    if (list) list.push(i);
    else map.set(id, [i]);
  };
  edges.forEach((e, i) => {
    add(e.from, i);
    if (e.to !== e.from) add(e.to, i);
  });
  incidenceOf.set(edges, out);
  return out;
}

const nodesByIdOf = new WeakMap<readonly TopologyNode[], Map<string, TopologyNode>>();
function nodesById(nodes: readonly TopologyNode[]): Map<string, TopologyNode> {
  let out = nodesByIdOf.get(nodes);
  if (!out) nodesByIdOf.set(nodes, (out = new Map(nodes.map((n) => [n.id, n]))));
  return out;
}

const membersOf = new WeakMap<readonly TopologyNode[], Map<string, TopologyNode[]>>();
function members(nodes: readonly TopologyNode[]): Map<string, TopologyNode[]> {
  let out = membersOf.get(nodes);
  if (out) return out;
  out = new Map();
  for (const n of nodes) {
    if (n.group === undefined) continue;
    const list = out.get(n.group);
    if (list) list.push(n);
    else out.set(n.group, [n]);
  }
  membersOf.set(nodes, out);
  return out;
}

/**
 * The positions a drag shows: those React Flow moved, and the members of a moved group carried
 * along by as much as their group moved (as moveItems will do on drop).
 */
export function withGroupMembers(t: Topology, moved: ReadonlyMap<string, XY>): Map<string, XY> {
  const out = new Map(moved);
  for (const g of t.groups ?? []) {
    const to = moved.get(g.id);
    if (!to) continue;
    const from = g.position ?? { x: 0, y: 0 };
    for (const n of members(t.nodes).get(g.id) ?? []) {
      if (moved.has(n.id) || !n.position) continue;
      out.set(n.id, {
        x: Math.round(n.position.x + to.x - from.x),
        y: Math.round(n.position.y + to.y - from.y),
      });
    }
  }
  return out;
}

/**
 * The nodes during a drag: the derived ones, those moved at their new positions. Only the moved
 * nodes are new objects, so React Flow redraws only them.
 */
export function movedNodes(
  derived: readonly CanvasNode[],
  moved: ReadonlyMap<string, XY>,
): CanvasNode[] {
  return derived.map((n) => {
    const at = moved.get(n.id);
    return at ? { ...n, position: at, dragging: true } : n;
  });
}

/**
 * The edges during a drag: those of the moved nodes routed again from the moved positions, the
 * others as derived. In a big design only those edges and their ends' boxes are looked at, so a
 * pointer move costs the same whatever the design's size.
 */
export function movedEdges(
  t: Topology,
  derived: readonly DesignRFEdge[],
  moved: ReadonlyMap<string, XY>,
  size: SizeOf,
): DesignRFEdge[] {
  const all = t.edges ?? [];
  const small = t.nodes.length <= ROUTED_MAX;
  const touched = new Set<number>();
  if (small) all.forEach((_, i) => touched.add(i));
  else for (const id of moved.keys()) for (const i of incidence(all).get(id) ?? []) touched.add(i);
  if (touched.size === 0) return [...derived];
  const byId = nodesById(t.nodes);
  const boxes = new Map<string, Rect>();
  const box = (id: string) => {
    if (boxes.has(id)) return;
    const at = moved.get(id) ?? byId.get(id)?.position;
    if (at) boxes.set(id, { ...at, ...size(id) });
  };
  if (small) for (const n of t.nodes) box(n.id);
  const ends: EdgeEnds[] = [];
  for (const i of touched) {
    const e = all[i];
    const rf = derived[i];
    if (!e || !rf) continue;
    box(e.from);
    box(e.to);
    ends.push({
      id: e.id,
      from: e.from,
      to: e.to,
      label: edgeLabelSize(e, rf.data?.badge ?? null),
    });
  }
  const routes = routeEdges(boxes, ends, true, small && t.nodes.length <= ROUTED_MAX_DRAGGING);
  const out = [...derived];
  for (const i of touched) {
    const rf = derived[i];
    const route = rf && routes.get(rf.id);
    if (rf?.data && route) out[i] = { ...rf, data: { ...rf.data, route } };
  }
  return out;
}
