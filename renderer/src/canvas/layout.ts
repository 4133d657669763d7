// Auto-layout with ELK's layered algorithm, top to bottom: an edge goes from the opener (a
// federator, a scraper) down to the answerer, so global servers sit above the datacenters'.
// Groups are laid out as compound nodes holding their members; their boxes come out of it.
import ElkBundled from 'elkjs/lib/elk.bundled.js';
import type {
  ELK as ElkInstance,
  ELKConstructorArguments,
  ElkExtendedEdge,
  ElkNode,
} from 'elkjs/lib/elk-api.js';
import type { Box, XY } from '../../../shared/model/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';

export interface LayoutResult {
  nodes: Map<string, XY>;
  groups: Map<string, Box>;
}

type Size = (id: string) => { width: number; height: number };

// The bundle is CommonJS: its default export is the constructor once a bundler interops it.
type ElkCtor = new (args?: ELKConstructorArguments) => ElkInstance;
const ELK = ((ElkBundled as unknown as { default?: ElkCtor }).default ??
  ElkBundled) as unknown as ElkCtor;
const elk = new ELK();

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.spacing.componentComponent': '60',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.thoroughness': '1',
  'elk.layered.wrapping.strategy': 'OFF',
};

/** Room inside a group box: the label on top, a margin elsewhere. */
const PAD = { top: 42, left: 20, bottom: 20, right: 20 };

/**
 * Two passes, which is much faster than ELK's own hierarchy handling on big designs: each
 * group's members are laid out inside it, then groups (as boxes) and ungrouped nodes together,
 * an edge to a member standing for an edge to its group.
 */
export async function layoutTopology(t: Topology, size: Size): Promise<LayoutResult> {
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
    const out = await elk.layout(graph);
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
  const out = await elk.layout({
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
