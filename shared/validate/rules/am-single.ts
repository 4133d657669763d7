import type { Draft, Rule } from '../rule.ts';
import { listOf, unique } from '../sharding-facts.ts';

export const amSingle: Rule = {
  id: 'am-single',
  severity: 'warning',
  area: 'alerting',
  when: 'an Alertmanager node with `replicas: 1` (or unset) receives alerts',
  why: 'One Alertmanager is a single point of failure for every notification: while it restarts or is down, alerts are not delivered, and nothing tells you.',
  fix: 'Run 2-3 replicas as one gossip cluster (`replicas: 3`); every Prometheus sends to all of them and the cluster deduplicates.',
  sources: ['AM', 'SEED-004'],
  check(f) {
    const out: Draft[] = [];
    for (const am of f.graph.nodesOfKind('alertmanager')) {
      if ((am.replicas ?? 1) > 1) continue;
      const incoming = f.graph.incoming(am.id, 'alerting');
      if (incoming.length === 0) continue;
      const senders = unique(incoming.map((e) => e.from));
      out.push({
        message: `${am.name} receives the alerts of ${listOf(senders.map((id) => f.nameOf(id)))} but runs a single replica, so no notification goes out while it is down`,
        nodes: [am.id, ...senders],
        edges: incoming.map((e) => e.id),
        fix: `Set replicas: 3 on ${am.name} to run it as a gossip cluster.`,
      });
    }
    return out;
  },
};
