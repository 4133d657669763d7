// How a node expands into the servers it stands for. Names are part of the contract (docs/instances.md):
//   replicas 1, shards 1   -> <name>
//   replicas R, shards 1   -> <name>-0 .. <name>-(R-1)
//   replicas 1, shards S   -> <name>-shard-0 .. <name>-shard-(S-1)
//   replicas R, shards S   -> <name>-shard-<s>-<r>
//   targets                -> <name>-0 .. <name>-(labCount-1), the exporters the lab runs
//                             (blackbox: <name>-0, the probes' exporter)
import type { TopologyNode } from './schema.ts';

export interface Instance {
  /** Container, host and config folder name. */
  name: string;
  nodeId: string;
  /** Shard index when the node is sharded. */
  shard?: number;
  /** Replica index when the node is replicated. */
  replica?: number;
  /** Labels generated for this instance: `shard` and `replica`, as strings. */
  labels: Record<string, string>;
}

export const LAB_TARGETS_DEFAULT_MAX = 3;

export function replicasOf(node: TopologyNode): number {
  return 'replicas' in node && typeof node.replicas === 'number' ? node.replicas : 1;
}

export function shardsOf(node: TopologyNode): number {
  return node.kind === 'prometheus' ? (node.shards ?? 1) : 1;
}

/** How many exporter containers a targets node runs in the lab and the exported stack. */
export function labTargetCount(node: Extract<TopologyNode, { kind: 'targets' }>): number {
  // A probe node stands for one blackbox exporter (none when `probe.exporter` names another).
  if (node.exporter === 'blackbox') return node.probe?.exporter !== undefined ? 0 : 1;
  if (node.labCount !== undefined) return node.labCount;
  return Math.min(node.count ?? 1, LAB_TARGETS_DEFAULT_MAX);
}

export function instancesOf(node: TopologyNode): Instance[] {
  if (node.kind === 'targets') {
    return Array.from({ length: labTargetCount(node) }, (_, i) => ({
      name: `${node.name}-${i}`,
      nodeId: node.id,
      labels: {},
    }));
  }
  const replicas = replicasOf(node);
  const shards = shardsOf(node);
  const out: Instance[] = [];
  for (let s = 0; s < shards; s++) {
    for (let r = 0; r < replicas; r++) {
      const labels: Record<string, string> = {};
      let name = node.name;
      if (shards > 1) {
        name += `-shard-${s}`;
        labels.shard = String(s);
      }
      if (replicas > 1) {
        name += `-${r}`;
        labels.replica = String(r);
      }
      out.push({
        name,
        nodeId: node.id,
        ...(shards > 1 ? { shard: s } : {}),
        ...(replicas > 1 ? { replica: r } : {}),
        labels,
      });
    }
  }
  return out;
}
