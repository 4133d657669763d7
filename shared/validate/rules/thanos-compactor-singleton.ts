import { replicasOf } from '../../model/instances.ts';
import type { Draft, Rule } from '../rule.ts';

export const thanosCompactorSingleton: Rule = {
  id: 'thanos-compactor-singleton',
  severity: 'error',
  area: 'long-term storage',
  when: 'more than one compactor instance (replicas included) serves one object store',
  why: 'The Thanos compactor is not safe to run concurrently on one bucket: two compactors compact and delete the same blocks at once, which leaves overlapping blocks that halt compaction and can lose data.',
  fix: 'run exactly one compactor per object store: replicas 1 and a single compactor node with an objstore edge to it',
  sources: ['TH'],
  check(facts) {
    const out: Draft[] = [];
    for (const store of facts.graph.nodesOfKind('object-store')) {
      const edges = facts.graph
        .incoming(store.id, 'objstore')
        .filter((e) => facts.node(e.from)?.kind === 'thanos-compactor');
      const compactors = [...new Set(edges.map((e) => e.from))];
      const total = compactors.reduce((n, id) => {
        const c = facts.node(id);
        return n + (c ? replicasOf(c) : 1);
      }, 0);
      if (total <= 1) continue;
      const who = compactors
        .map((id) => {
          const c = facts.node(id);
          const r = c ? replicasOf(c) : 1;
          return r > 1 ? `${facts.nameOf(id)} x${r}` : facts.nameOf(id);
        })
        .join(', ');
      out.push({
        message: `${store.name} is compacted by ${total} thanos-compactor instances (${who})`,
        nodes: [...compactors, store.id],
        edges: edges.map((e) => e.id),
      });
    }
    return out;
  },
};
