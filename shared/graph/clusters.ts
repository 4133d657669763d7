// Which cluster each node runs in when the design spans several (groups with `cluster: true`), and
// the federate edges that cross between clusters. The Kubernetes export lays its folders out by
// these clusters; the validator warns about the crossings.
import type { Topology, TopologyNode } from '../model/schema.ts';

export interface Clusters {
  /** Cluster name of a node: a cluster group's id, or the hub's name. */
  clusterOf(node: TopologyNode): string;
  /** Cluster names that hold at least one node, cluster groups first; empty when unclustered. */
  names: string[];
  clustered: boolean;
}

export function clustersOf(t: Topology): Clusters {
  const clusterGroups = (t.groups ?? []).filter((g) => g.cluster === true).map((g) => g.id);
  const clusters = new Set(clusterGroups);
  if (clusters.size === 0) {
    return { clusterOf: () => t.metadata.name, names: [], clustered: false };
  }
  // The nodes outside every cluster group form one more cluster, named after the design.
  let hub = t.metadata.name;
  for (let n = 2; clusters.has(hub); n++) hub = `${t.metadata.name}-${n}`;
  const clusterOf = (node: TopologyNode) =>
    node.group !== undefined && clusters.has(node.group) ? node.group : hub;
  const used = new Set(t.nodes.map(clusterOf));
  return {
    clusterOf,
    names: [...clusterGroups, hub].filter((c) => used.has(c)),
    clustered: true,
  };
}

export interface CrossClusterEdge {
  edgeId: string;
  from: string;
  to: string;
  fromCluster: string;
  toCluster: string;
}

/** Federate edges whose source runs in another cluster: its Service names do not resolve there. */
export function crossClusterFederation(
  t: Topology,
  clusters: Pick<Clusters, 'clusterOf'>,
): CrossClusterEdge[] {
  const byId = new Map(t.nodes.map((n) => [n.id, n]));
  return (t.edges ?? []).flatMap((e) => {
    if (e.kind !== 'federate') return [];
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to || clusters.clusterOf(from) === clusters.clusterOf(to)) return [];
    return [
      {
        edgeId: e.id,
        from: from.name,
        to: to.name,
        fromCluster: clusters.clusterOf(from),
        toCluster: clusters.clusterOf(to),
      },
    ];
  });
}
