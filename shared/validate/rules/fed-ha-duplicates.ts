import { replicasOf } from '../../model/instances.ts';
import type { Rule } from '../rule.ts';

export const fedHaDuplicates: Rule = {
  id: 'fed-ha-duplicates',
  severity: 'warning',
  area: 'federation',
  when: 'a federator federates a node with `replicas > 1`, pulling every series twice',
  why: 'Every replica serves its own copy of each series, told apart only by the `replica` label, so the federator stores each series once per replica and any sum or count over them double-counts unless every query aggregates the replica away.',
  fix: 'Federate one replica set through a deduplicating query layer (Thanos Query with `--query.replica-label=replica`), or accept the duplicates and document that queries on the federator must aggregate `replica` away.',
  sources: ['TH', 'RP'],
  check(f) {
    const out = [];
    for (const e of f.edgesOfKind('federate')) {
      const source = f.node(e.to);
      const replicas = source ? replicasOf(source) : 1;
      if (replicas <= 1) continue;
      out.push({
        message: `${f.nameOf(e.from)} federates all ${replicas} replicas of ${f.nameOf(e.to)}, so it stores every series ${replicas} times, differing only by the replica label`,
        nodes: [e.from, e.to],
        edges: [e.id],
      });
    }
    return out;
  },
};
