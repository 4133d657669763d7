// Edits of a design as pure functions: the designer's commands are made of these, and each one
// returns a new Topology that shares what it did not change (cheap undo snapshots).
import { inferEdgeKind, NODE_KINDS, pairingProblem } from '../kinds/index.ts';
import { checkReferences } from './references.ts';
import { NAME_MAX } from '../model/primitives.ts';
import type {
  EdgeKind,
  Group,
  NodeKind,
  Topology,
  TopologyEdge,
  TopologyNode,
} from '../model/schema.ts';

export interface XY {
  x: number;
  y: number;
}

export type EditResult =
  { ok: true; topology: Topology; ids: string[] } | { ok: false; message: string };

const ok = (topology: Topology, ids: string[] = []): EditResult => ({ ok: true, topology, ids });
const fail = (message: string): EditResult => ({ ok: false, message });

export function takenIds(t: Topology): Set<string> {
  return new Set([
    ...(t.groups ?? []).map((g) => g.id),
    ...t.nodes.map((n) => n.id),
    ...(t.edges ?? []).map((e) => e.id),
  ]);
}

/** `base`, or `base-2`, `base-3`, ...: the first not in `taken`, kept to a DNS label's length. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const trimmed = base.slice(0, NAME_MAX - 4).replace(/-+$/, '') || 'node';
  if (!taken.has(trimmed)) return trimmed;
  // A copy of `prom-3` is `prom-4`, not `prom-3-2`.
  const stem = trimmed.replace(/-\d+$/, '') || trimmed;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** A new node of a kind, with the fields a user expects filled in (its module's `starter`). */
export function newNode(kind: NodeKind, id: string, name: string, position: XY): TopologyNode {
  const pos = { x: Math.round(position.x), y: Math.round(position.y) };
  // A copy: nodes of one design never share a list.
  const starter = structuredClone(NODE_KINDS[kind].starter ?? {});
  return { id, kind, name, ...starter, position: pos };
}

export function addNode(t: Topology, kind: NodeKind, position: XY, group?: string): EditResult {
  const names = new Set(t.nodes.map((n) => n.name));
  const name = uniqueName(NODE_KINDS[kind].nameStem ?? kind, names);
  const id = uniqueName(name, takenIds(t));
  const node = {
    ...newNode(kind, id, name, position),
    ...(group ? { group } : {}),
  } as TopologyNode;
  return checked({ ...t, nodes: [...t.nodes, node] }, [id]);
}

export function addEdge(t: Topology, from: string, to: string, kind?: EdgeKind): EditResult {
  const a = t.nodes.find((n) => n.id === from);
  const b = t.nodes.find((n) => n.id === to);
  if (!a || !b) return fail('both ends of an edge must be nodes');
  const k = kind ?? inferEdgeKind(a, b);
  if (!k) return fail(`no edge kind joins ${a.kind} "${a.name}" to ${b.kind} "${b.name}"`);
  const problem = pairingProblem(k, a, b);
  if (problem) return fail(problem);
  if ((t.edges ?? []).some((e) => e.from === from && e.to === to && e.kind === k)) {
    return fail(`${a.name} already ${k === 'federate' ? 'federates' : 'connects to'} ${b.name}`);
  }
  const id = uniqueName(`${k}-${a.name}-${b.name}`.slice(0, 60), takenIds(t));
  const base = { id, from, to };
  const edge: TopologyEdge =
    k === 'federate' ? { ...base, kind: k, match: ['{__name__=~"job:.*"}'] } : { ...base, kind: k };
  return checked({ ...t, edges: [...(t.edges ?? []), edge] }, [id]);
}

export function replaceNode(t: Topology, id: string, node: TopologyNode): EditResult {
  if (!t.nodes.some((n) => n.id === id)) return fail(`no node ${id}`);
  let edges = t.edges;
  if (node.id !== id)
    edges = (t.edges ?? []).map((e) =>
      e.from === id || e.to === id
        ? { ...e, from: e.from === id ? node.id : e.from, to: e.to === id ? node.id : e.to }
        : e,
    );
  return checked(
    { ...t, nodes: t.nodes.map((n) => (n.id === id ? node : n)), ...(edges ? { edges } : {}) },
    [node.id],
  );
}

export function replaceEdge(t: Topology, id: string, edge: TopologyEdge): EditResult {
  if (!(t.edges ?? []).some((e) => e.id === id)) return fail(`no edge ${id}`);
  return checked({ ...t, edges: (t.edges ?? []).map((e) => (e.id === id ? edge : e)) }, [edge.id]);
}

export function replaceGroup(t: Topology, id: string, group: Group): EditResult {
  if (!(t.groups ?? []).some((g) => g.id === id)) return fail(`no group ${id}`);
  const nodes =
    group.id === id
      ? t.nodes
      : t.nodes.map((n) => (n.group === id ? { ...n, group: group.id } : n));
  return checked({ ...t, nodes, groups: (t.groups ?? []).map((g) => (g.id === id ? group : g)) }, [
    group.id,
  ]);
}

export function addGroup(
  t: Topology,
  rect: XY & { width: number; height: number },
  label = 'datacenter',
): EditResult {
  const id = uniqueName(label.toLowerCase().replace(/[^a-z0-9-]+/g, '-'), takenIds(t));
  const group: Group = {
    id,
    label,
    position: { x: Math.round(rect.x), y: Math.round(rect.y) },
    size: { width: Math.round(rect.width), height: Math.round(rect.height) },
  };
  return checked({ ...t, groups: [...(t.groups ?? []), group] }, [id]);
}

/** Removes nodes, groups (their members stay, ungrouped) and edges, and every edge of a removed node. */
export function removeItems(t: Topology, ids: ReadonlySet<string>): Topology {
  const nodes = t.nodes
    .filter((n) => !ids.has(n.id))
    .map((n) => (n.group !== undefined && ids.has(n.group) ? withoutKey(n, 'group') : n));
  const gone = new Set(t.nodes.filter((n) => ids.has(n.id)).map((n) => n.id));
  const edges = (t.edges ?? []).filter(
    (e) => !ids.has(e.id) && !gone.has(e.from) && !gone.has(e.to),
  );
  const groups = (t.groups ?? []).filter((g) => !ids.has(g.id));
  return { ...t, nodes, edges, groups };
}

/** Sets positions of nodes and groups; a group's members move with it. */
export function moveItems(t: Topology, moves: ReadonlyMap<string, XY>): Topology {
  const groupDelta = new Map<string, XY>();
  const groups = (t.groups ?? []).map((g) => {
    const to = moves.get(g.id);
    if (!to) return g;
    const from = g.position ?? { x: 0, y: 0 };
    groupDelta.set(g.id, { x: to.x - from.x, y: to.y - from.y });
    return { ...g, position: round(to) };
  });
  const nodes = t.nodes.map((n) => {
    const to = moves.get(n.id);
    if (to) return { ...n, position: round(to) };
    const d = n.group !== undefined ? groupDelta.get(n.group) : undefined;
    if (d && n.position)
      return { ...n, position: round({ x: n.position.x + d.x, y: n.position.y + d.y }) };
    return n;
  });
  return { ...t, nodes, groups };
}

export function setNodeGroup(t: Topology, nodeId: string, group: string | undefined): Topology {
  return {
    ...t,
    nodes: t.nodes.map((n) =>
      n.id !== nodeId ? n : group === undefined ? withoutKey(n, 'group') : { ...n, group },
    ),
  };
}

/** The default position of the next node dropped without one: to the right of what exists. */
export function nextFreePosition(t: Topology): XY {
  const xs = t.nodes.map((n) => n.position?.x ?? 0);
  return { x: (xs.length ? Math.max(...xs) : 0) + 220, y: 80 };
}

export function checked(t: Topology, ids: string[]): EditResult {
  const issues = checkReferences(t);
  const first = issues[0];
  return first ? fail(first.message) : ok(t, ids);
}

export function round(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

export function withoutKey<T extends object>(o: T, k: keyof T): T {
  return Object.fromEntries(Object.entries(o).filter(([key]) => key !== k)) as T;
}

export interface Box extends XY {
  width: number;
  height: number;
}

/**
 * Sets node positions, and group positions and sizes, exactly as given (no member follows its
 * group): what an auto-layout or a group's resize produces. Items not named keep theirs.
 */
export function placeItems(
  t: Topology,
  nodes: ReadonlyMap<string, XY>,
  groups: ReadonlyMap<string, Box> = new Map(),
): Topology {
  return {
    ...t,
    nodes: t.nodes.map((n) => {
      const to = nodes.get(n.id);
      return to ? { ...n, position: round(to) } : n;
    }),
    ...(t.groups
      ? {
          groups: t.groups.map((g) => {
            const b = groups.get(g.id);
            if (!b) return g;
            const size = { width: Math.round(b.width), height: Math.round(b.height) };
            return { ...g, position: round(b), size };
          }),
        }
      : {}),
  };
}

/** The smallest group whose box (position and size) holds the point, if any. */
export function groupAt(t: Topology, p: XY): string | undefined {
  let best: { id: string; area: number } | undefined;
  for (const g of t.groups ?? []) {
    if (!g.position || !g.size) continue;
    const { x, y } = g.position;
    const { width, height } = g.size;
    if (p.x < x || p.y < y || p.x > x + width || p.y > y + height) continue;
    const area = width * height;
    if (!best || area < best.area) best = { id: g.id, area };
  }
  return best?.id;
}

/**
 * Puts each named node in the group whose box holds its centre, or in none: the end of a drag.
 * `size` gives a node's drawn size. Returns `t` itself when no membership changes.
 */
export function regroupNodes(
  t: Topology,
  ids: Iterable<string>,
  size: (id: string) => { width: number; height: number },
): Topology {
  let out = t;
  for (const id of ids) {
    const n = t.nodes.find((x) => x.id === id);
    if (!n?.position) continue;
    const s = size(id);
    const g = groupAt(t, { x: n.position.x + s.width / 2, y: n.position.y + s.height / 2 });
    if (g !== n.group) out = setNodeGroup(out, id, g);
  }
  return out;
}
