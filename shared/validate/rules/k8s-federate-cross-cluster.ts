import { clustersOf, crossClusterFederation } from '../../graph/clusters.ts';
import type { Draft, Rule } from '../rule.ts';

export const k8sFederateCrossCluster: Rule = {
  id: 'k8s-federate-cross-cluster',
  severity: 'warning',
  area: 'federation',
  target: 'kubernetes',
  when: 'Kubernetes target: a federate edge joins nodes in different clusters (groups with `cluster: true`), and the design gives no address for the source',
  why: 'Each cluster gets its own overlay, and a Service name resolves only inside its own cluster: the federate job would point at a name the federating cluster cannot reach, and the global view would stay empty.',
  fix: "expose the source's Prometheus (an Ingress, a LoadBalancer Service or a mesh name) and patch that ScrapeConfig's target, as the export's README lists",
  sources: ['FED'],
  check(facts) {
    const t = facts.topology;
    const byName = new Map(t.nodes.map((n) => [n.name, n.id]));
    return crossClusterFederation(t, clustersOf(t)).map((c): Draft => ({
      message: `${c.from} (cluster ${c.fromCluster}) federates ${c.to} (cluster ${c.toCluster}) with no address reachable across clusters`,
      nodes: [byName.get(c.from), byName.get(c.to)].filter((x): x is string => x !== undefined),
      edges: [c.edgeId],
    }));
  },
};
