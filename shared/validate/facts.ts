// What the rules need to know about a design, computed once per validation and shared: the
// design facts, the groups of servers that split targets, and each server's capacity estimate.
import type { Instance } from '../model/instances.ts';
import type { Topology } from '../model/schema.ts';
import { estimateCapacity, type CapacityEstimate } from './capacity.ts';
import { computeDesignFacts, type DesignFacts } from './design-facts.ts';

/** Servers that split one target group between them. */
export type ShardGroup =
  | { kind: 'node'; nodeId: string; shards: number; instances: Instance[] }
  | {
      kind: 'explicit';
      targetsId: string;
      partitions: { edgeId: string; scraperId: string; modulus: number; index: number }[];
    };

export interface Facts extends DesignFacts {
  shardGroups: ShardGroup[];
  capacity: Map<string, CapacityEstimate>;
}

export function computeFacts(t: Topology): Facts {
  const design = computeDesignFacts(t);
  return { ...design, shardGroups: shardGroupsOf(design), capacity: estimateCapacity(design) };
}

function shardGroupsOf(f: DesignFacts): ShardGroup[] {
  const groups: ShardGroup[] = [];
  for (const p of f.prometheus) {
    const shards = p.shards ?? 1;
    if (shards > 1)
      groups.push({ kind: 'node', nodeId: p.id, shards, instances: f.instances(p.id) });
  }
  const explicit = new Map<string, Extract<ShardGroup, { kind: 'explicit' }>>();
  for (const e of f.edgesOfKind('scrape')) {
    if (!e.shard) continue;
    let g = explicit.get(e.to);
    if (!g) explicit.set(e.to, (g = { kind: 'explicit', targetsId: e.to, partitions: [] }));
    g.partitions.push({
      edgeId: e.id,
      scraperId: e.from,
      modulus: e.shard.modulus,
      index: e.shard.index,
    });
  }
  return [...groups, ...explicit.values()];
}
