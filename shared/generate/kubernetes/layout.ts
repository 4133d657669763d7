// Which cluster each node runs in, and the Kustomize folders that follow: `base/` (the namespace,
// and the whole design when it is one cluster) and `overlays/<cluster>/` per group with
// `cluster: true`, plus one for the nodes outside every such group.
import type { Topology, TopologyNode } from '../../model/schema.ts';

export interface ClusterLayout {
  /** Folder of each node's manifests. */
  dirOf(node: TopologyNode): string;
  /** Cluster name of a node (a group id, or the hub's name). */
  clusterOf(node: TopologyNode): string;
  /** Every folder holding node manifests, in order. */
  dirs: string[];
  clustered: boolean;
}

export const BASE_DIR = 'base';

export function clusterLayout(t: Topology): ClusterLayout {
  const clusterGroups = (t.groups ?? []).filter((g) => g.cluster === true).map((g) => g.id);
  const clusters = new Set(clusterGroups);
  if (clusters.size === 0) {
    return {
      dirOf: () => BASE_DIR,
      clusterOf: () => t.metadata.name,
      dirs: [BASE_DIR],
      clustered: false,
    };
  }
  // The nodes outside every cluster group form one more cluster, named after the design.
  let hub = t.metadata.name;
  for (let n = 2; clusters.has(hub); n++) hub = `${t.metadata.name}-${n}`;
  const clusterOf = (node: TopologyNode) =>
    node.group !== undefined && clusters.has(node.group) ? node.group : hub;
  const used = new Set(t.nodes.map(clusterOf));
  const names = [...clusterGroups, hub].filter((c) => used.has(c));
  return {
    clusterOf,
    dirOf: (node) => `overlays/${clusterOf(node)}`,
    dirs: names.map((c) => `overlays/${c}`),
    clustered: true,
  };
}

export function kustomization(
  namespace: string,
  resources: string[],
  secretFiles: Record<string, string> = {},
): Record<string, unknown> {
  const generators = Object.entries(secretFiles);
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace,
    resources,
    ...(generators.length > 0
      ? {
          secretGenerator: generators.map(([file, name]) => ({
            name,
            files: [`objstore.yml=${file}`],
          })),
          // The Prometheus resource names the Secret; a hash suffix would break that reference.
          generatorOptions: { disableNameSuffixHash: true },
        }
      : {}),
  };
}
