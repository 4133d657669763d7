// Auto-layout with ELK's layered algorithm, top to bottom: an edge goes from the opener (a
// federator, a scraper) down to the answerer, so global servers sit above the datacenters'.
// Groups are laid out as compound nodes holding their members; their boxes come out of it.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Box, XY } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { runElk } from './elk-engine.ts';
import { BIG_DESIGN } from './kinds.ts';
import { rolePartitions } from './layout-roles.ts';

export interface LayoutResult {
  nodes: Map<string, XY>;
  groups: Map<string, Box>;
}

type Size = (id: string) => { width: number; height: number };

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.spacing.componentComponent': '60',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.thoroughness': '1',
  'elk.layered.wrapping.strategy': 'OFF',
  'elk.partitioning.activate': 'true',
  // Members of a group with no edges between them side by side, not in a column.
  'elk.aspectRatio': '3',
};

// ELK's model-order strategy fails on compound graphs (elkjs 0.12): hierarchy runs go without.
const HIERARCHY_OPTIONS: Record<string, string> = Object.fromEntries(
  Object.entries(ROOT_OPTIONS).filter(([k]) => k !== 'elk.layered.considerModelOrder.strategy'),
);
const GROUP_OPTIONS = HIERARCHY_OPTIONS;

/** Room inside a group box: the label on top, a margin elsewhere. */
const PAD = { top: 42, left: 20, bottom: 20, right: 20 };

const padding = `[top=${PAD.top},left=${PAD.left},bottom=${PAD.bottom},right=${PAD.right}]`;

/**
 * One ELK run over the whole design, groups as compound nodes holding their members, each node
 * in its role's partition (see layout-roles.ts). Big designs take the faster two-pass way.
 */
export async function layoutTopology(t: Topology, size: Size): Promise<LayoutResult> {
  if (t.nodes.length > BIG_DESIGN) return layoutInTwoPasses(t, size);
  const part = rolePartitions(t);
  const groupIds = new Set((t.groups ?? []).map((g) => g.id));
  const leaf = (id: string): ElkNode => ({
    id,
    ...size(id),
    layoutOptions: { 'elk.partitioning.partition': String(part.get(id) ?? 0) },
  });
  const groups = new Map<string, ElkNode & { children: ElkNode[]; edges: ElkExtendedEdge[] }>();
  for (const g of t.groups ?? []) groups.set(g.id, { id: g.id, children: [], edges: [] });
  const top: ElkNode[] = [];
  for (const n of t.nodes) {
    const g = n.group !== undefined ? groups.get(n.group) : undefined;
    (g ? g.children : top).push(leaf(n.id));
  }
  for (const g of groups.values()) {
    // A group sits in the highest partition of its members; an empty one keeps its size.
    const ps = g.children.map((c) => part.get(c.id) ?? 0);
    g.layoutOptions = {
      ...GROUP_OPTIONS,
      'elk.padding': padding,
      'elk.partitioning.partition': String(ps.length ? Math.min(...ps) : 0),
    };
    if (ps.length === 0) Object.assign(g, sizeOfEmpty(t, g.id));
    top.push(g);
  }
  // Each edge lives in the innermost graph holding both its ends, as ELK expects.
  const groupOf = new Map(t.nodes.map((n) => [n.id, n.group]));
  const edges: ElkExtendedEdge[] = [];
  for (const e of t.edges ?? []) {
    if (e.from === e.to) continue;
    const edge = { id: e.id, sources: [e.from], targets: [e.to] };
    const g = groupOf.get(e.from);
    const home = g !== undefined && g === groupOf.get(e.to) ? groups.get(g) : undefined;
    if (home) home.edges.push(edge);
    else edges.push(edge);
  }
  const out = await runElk({
    id: 'root',
    layoutOptions: { ...HIERARCHY_OPTIONS, 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' },
    children: top,
    edges,
  });
  const result: LayoutResult = { nodes: new Map(), groups: new Map() };
  for (const c of out.children ?? []) {
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    if (!groupIds.has(c.id)) {
      result.nodes.set(c.id, { x, y });
      continue;
    }
    result.groups.set(c.id, { x, y, width: c.width ?? 240, height: c.height ?? 160 });
    for (const m of c.children ?? [])
      result.nodes.set(m.id, { x: x + (m.x ?? 0), y: y + (m.y ?? 0) });
  }
  return result;
}

function sizeOfEmpty(t: Topology, id: string): { width: number; height: number } {
  const g = t.groups?.find((x) => x.id === id);
  return { width: g?.size?.width ?? 240, height: g?.size?.height ?? 160 };
}

/**
 * Two passes, which is much faster than ELK's own hierarchy handling on big designs: each
 * group's members are laid out inside it, then groups (as boxes) and ungrouped nodes together,
 * an edge to a member standing for an edge to its group.
 */
async function layoutInTwoPasses(t: Topology, size: Size): Promise<LayoutResult> {
  const groupIds = new Set((t.groups ?? []).map((g) => g.id));
  const groupOf = new Map<string, string>();
  for (const n of t.nodes)
    if (n.group !== undefined && groupIds.has(n.group)) groupOf.set(n.id, n.group);
  const edges = (t.edges ?? []).filter((e) => e.from !== e.to);

  // Pass 1: inside each group.
  const inner = new Map<string, { width: number; height: number; at: Map<string, XY> }>();
  for (const g of t.groups ?? []) {
    const members = t.nodes.filter((n) => groupOf.get(n.id) === g.id);
    if (members.length === 0) continue;
    const ids = new Set(members.map((n) => n.id));
    const graph: ElkNode = {
      id: g.id,
      layoutOptions: ROOT_OPTIONS,
      children: members.map((n) => ({ id: n.id, ...size(n.id) })),
      edges: edges
        .filter((e) => ids.has(e.from) && ids.has(e.to))
        .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
    };
    const out = await runElk(graph);
    const at = new Map<string, XY>();
    for (const c of out.children ?? []) at.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
    inner.set(g.id, {
      width: (out.width ?? 0) + PAD.left + PAD.right,
      height: (out.height ?? 0) + PAD.top + PAD.bottom,
      at,
    });
  }

  // Pass 2: groups as boxes, and the nodes outside any group.
  const top: ElkNode[] = t.nodes
    .filter((n) => !groupOf.has(n.id))
    .map((n) => ({ id: n.id, ...size(n.id) }));
  for (const g of t.groups ?? []) {
    const box = inner.get(g.id);
    top.push({
      id: g.id,
      width: box?.width ?? g.size?.width ?? 240,
      height: box?.height ?? g.size?.height ?? 160,
    });
  }
  const seen = new Set<string>();
  const topEdges: ElkExtendedEdge[] = [];
  for (const e of edges) {
    const a = groupOf.get(e.from) ?? e.from;
    const b = groupOf.get(e.to) ?? e.to;
    if (a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    topEdges.push({ id: `${a}>${b}`, sources: [a], targets: [b] });
  }
  const out = await runElk({
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: top,
    edges: topEdges,
  });

  const result: LayoutResult = { nodes: new Map(), groups: new Map() };
  for (const c of out.children ?? []) {
    const x = c.x ?? 0;
    const y = c.y ?? 0;
    if (!groupIds.has(c.id)) {
      result.nodes.set(c.id, { x, y });
      continue;
    }
    result.groups.set(c.id, { x, y, width: c.width ?? 240, height: c.height ?? 160 });
    for (const [id, p] of inner.get(c.id)?.at ?? [])
      result.nodes.set(id, { x: x + PAD.left + p.x, y: y + PAD.top + p.y });
  }
  return result;
}
