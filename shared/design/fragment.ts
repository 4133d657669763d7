// Copy, paste and duplicate in the core: a fragment of a design (nodes, groups, the edges
// between them) and its copy with fresh ids, names and, for groups, external label values.
import {
  checked,
  round,
  takenIds,
  uniqueName,
  withoutKey,
  type EditResult,
  type XY,
} from './edit.ts';
import type { Group, Topology, TopologyEdge, TopologyNode } from '../model/schema.ts';

/** A group box's size when the design does not give one (the canvas draws it so). */
export const DEFAULT_GROUP_SIZE = { width: 360, height: 240 } as const;

export interface Fragment {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  groups: Group[];
}

/** What copy takes: the chosen nodes and groups, a group's members, and edges with both ends inside. */
export function copyFragment(t: Topology, ids: ReadonlySet<string>): Fragment {
  const groups = (t.groups ?? []).filter((g) => ids.has(g.id));
  const groupIds = new Set(groups.map((g) => g.id));
  const nodes = t.nodes.filter(
    (n) => ids.has(n.id) || (n.group !== undefined && groupIds.has(n.group)),
  );
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges = (t.edges ?? []).filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to));
  return structuredClone({ nodes, edges, groups });
}

/** Adds a copy with fresh ids and names, shifted by `offset`; returns the new ids. */
export function pasteFragment(t: Topology, f: Fragment, offset: XY): EditResult {
  const taken = takenIds(t);
  const names = new Set(t.nodes.map((n) => n.name));
  const idMap = new Map<string, string>();
  const fresh = (old: string) => {
    const id = uniqueName(old, taken);
    taken.add(id);
    idMap.set(old, id);
    return id;
  };
  const shift = (p: XY) => round({ x: p.x + offset.x, y: p.y + offset.y });
  const labelValues = takenLabelValues(t);
  const groups = f.groups.map((g) => ({
    ...g,
    id: fresh(g.id),
    ...(g.position ? { position: shift(g.position) } : {}),
    ...(g.externalLabels ? { externalLabels: copiedLabels(g.externalLabels, labelValues) } : {}),
  }));
  const nodes = f.nodes.map((n) => {
    const name = uniqueName(n.name, names);
    names.add(name);
    const group = n.group !== undefined ? (idMap.get(n.group) ?? n.group) : undefined;
    const copy = {
      ...n,
      id: fresh(n.id),
      name,
      ...(n.position ? { position: shift(n.position) } : {}),
    } as TopologyNode;
    return group === undefined ? withoutKey(copy, 'group') : { ...copy, group };
  });
  const edges = f.edges.map((e) => ({
    ...e,
    id: fresh(e.id),
    from: idMap.get(e.from) ?? e.from,
    to: idMap.get(e.to) ?? e.to,
  }));
  return checked(
    {
      ...t,
      groups: [...(t.groups ?? []), ...groups],
      nodes: [...t.nodes, ...nodes],
      edges: [...(t.edges ?? []), ...edges],
    },
    [...groups.map((g) => g.id), ...nodes.map((n) => n.id), ...edges.map((e) => e.id)],
  );
}

/** Every value each external label has on a group of the design. */
function takenLabelValues(t: Topology): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of t.groups ?? [])
    for (const [k, v] of Object.entries(g.externalLabels ?? {})) {
      const set = out.get(k) ?? new Set<string>();
      set.add(v);
      out.set(k, set);
    }
  return out;
}

/**
 * A copied group's external labels name where its servers are (datacenter, region): the copy
 * gets values of its own (`eu` -> `eu-copy`), so federators can tell the two apart.
 */
function copiedLabels(
  labels: Record<string, string>,
  taken: Map<string, Set<string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => {
      const used = taken.get(k) ?? new Set<string>();
      let value = `${v}-copy`;
      for (let i = 2; used.has(value); i++) value = `${v}-copy-${i}`;
      used.add(value);
      taken.set(k, used);
      return [k, value];
    }),
  );
}

/**
 * How far a duplicate goes from its original: a step down and right for nodes, but beside the
 * original for a fragment with group boxes, which a small step would leave overlapping.
 */
export function duplicateOffset(
  f: Fragment,
  step: number,
  defaultGroupSize: { width: number; height: number } = DEFAULT_GROUP_SIZE,
): XY {
  const boxes = f.groups.flatMap((g) =>
    g.position ? [{ ...g.position, ...(g.size ?? defaultGroupSize) }] : [],
  );
  if (boxes.length === 0) return { x: step, y: step };
  const left = Math.min(...boxes.map((b) => b.x));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  return { x: right - left + step, y: 0 };
}
