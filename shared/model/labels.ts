import type { Instance } from './instances.ts';
import type { Group, Topology, TopologyNode } from './schema.ts';

/**
 * Effective external labels of one server (RULES.md): the group's, then the node's own, then the
 * generated `shard` / `replica` labels. Later sources win.
 */
export function effectiveExternalLabels(
  node: TopologyNode,
  instance: Instance | undefined,
  groupsById: ReadonlyMap<string, Group>,
): Record<string, string> {
  const group = node.group !== undefined ? groupsById.get(node.group) : undefined;
  return {
    ...(group?.externalLabels ?? {}),
    ...(node.kind === 'prometheus' ? (node.externalLabels ?? {}) : {}),
    ...(instance?.labels ?? {}),
  };
}

export function groupsById(t: Topology): Map<string, Group> {
  return new Map((t.groups ?? []).map((g) => [g.id, g]));
}
