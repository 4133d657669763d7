// Which cluster each node runs in, and the Kustomize folders that follow: `base/` (the namespace,
// and the whole design when it is one cluster) and `overlays/<cluster>/` per group with
// `cluster: true`, plus one for the nodes outside every such group.
import { clustersOf, type Clusters } from '../../graph/clusters.ts';
import type { Topology, TopologyNode } from '../../model/schema.ts';

export interface ClusterLayout extends Clusters {
  /** Folder of each node's manifests. */
  dirOf(node: TopologyNode): string;
  /** Every folder holding node manifests, in order. */
  dirs: string[];
}

export const BASE_DIR = 'base';

export function clusterLayout(t: Topology): ClusterLayout {
  const clusters = clustersOf(t);
  if (!clusters.clustered) {
    return { ...clusters, dirOf: () => BASE_DIR, dirs: [BASE_DIR] };
  }
  return {
    ...clusters,
    dirOf: (node) => `overlays/${clusters.clusterOf(node)}`,
    dirs: clusters.names.map((c) => `overlays/${c}`),
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
