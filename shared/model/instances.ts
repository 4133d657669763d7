// How a node expands into the servers it stands for. Names are part of the contract (docs/instances.md):
//   replicas 1, shards 1   -> <name>
//   replicas R, shards 1   -> <name>-0 .. <name>-(R-1)
//   replicas 1, shards S   -> <name>-shard-0 .. <name>-shard-(S-1)
//   replicas R, shards S   -> <name>-shard-<s>-<r>
//   targets                -> <name>-0 .. <name>-(labCount-1), the exporters the lab runs
//                             (blackbox: <name>-0, the probes' exporter)
//
// The schema's own size check counts containers with this arithmetic, so it reads nodes by the
// few fields that decide the expansion rather than by the schema's types (which would import the
// schema back).

/** The fields of a design node that decide what it expands into; every TopologyNode has them. */
export interface ExpandingNode {
  id: string;
  name: string;
  kind: string;
  replicas?: number;
  shards?: number;
}

/** A targets node, by the fields that decide how many exporters it runs. */
export interface ExpandingTargets extends ExpandingNode {
  kind: 'targets';
  count?: number;
  labCount?: number;
  exporter?: string;
  probe?: { exporter?: string };
}

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

export function replicasOf(node: ExpandingNode): number {
  return node.replicas ?? 1;
}

export function shardsOf(node: ExpandingNode): number {
  return node.kind === 'prometheus' ? (node.shards ?? 1) : 1;
}

function isTargets(node: ExpandingNode): node is ExpandingTargets {
  return node.kind === 'targets';
}

/** How many exporter containers a targets node runs in the lab and the exported stack. */
export function labTargetCount(
  node: Pick<ExpandingTargets, 'count' | 'labCount' | 'exporter' | 'probe'>,
): number {
  // A probe node stands for one blackbox exporter (none when `probe.exporter` names another).
  if (node.exporter === 'blackbox') return node.probe?.exporter !== undefined ? 0 : 1;
  if (node.labCount !== undefined) return node.labCount;
  return Math.min(node.count ?? 1, LAB_TARGETS_DEFAULT_MAX);
}

export function instancesOf(node: ExpandingNode): Instance[] {
  if (isTargets(node)) {
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
