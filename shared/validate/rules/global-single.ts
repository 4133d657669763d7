import { replicasOf } from '../../model/instances.ts';
import type { Draft, Rule } from '../rule.ts';

export const globalSingle: Rule = {
  id: 'global-single',
  severity: 'warning',
  area: 'structure',
  when: 'a node that federates two or more sources has `replicas: 1`',
  why: 'The global view of every source hangs on one server: when it restarts or its datacenter fails, cross-datacenter dashboards and alerts go dark while each source still runs.',
  fix: 'run two global servers (replicas: 2), ideally in different datacenters',
  sources: ['SEED 002'],
  check(facts) {
    const out: Draft[] = [];
    for (const p of facts.prometheus) {
      if (replicasOf(p) > 1) continue;
      const edges = facts.graph.outgoing(p.id, 'federate').filter((e) => e.to !== p.id);
      const sources = [...new Set(edges.map((e) => e.to))];
      if (sources.length < 2) continue;
      out.push({
        message: `${p.name} federates ${sources.length} sources (${sources.map((id) => facts.nameOf(id)).join(', ')}) from a single replica`,
        nodes: [p.id, ...sources],
        edges: edges.map((e) => e.id),
      });
    }
    return out;
  },
};
