import { replicasOf } from '../../model/instances.ts';
import { andList } from '../grafana-facts.ts';
import type { Draft, Rule } from '../rule.ts';

const SHARED_DATABASES: ReadonlySet<string> = new Set(['postgres', 'mysql']);

export const grafanaHaSqlite: Rule = {
  id: 'grafana-ha-sqlite',
  severity: 'error',
  area: 'grafana',
  when: 'a Grafana node has `replicas > 1` and no `backend` edge to postgres or mysql',
  why: 'Without a shared database every replica keeps its own SQLite file: dashboards, users and alert state saved on one replica are missing on the others, so what a user sees depends on the replica the load balancer picks (redis only shares sessions and caches, not this state).',
  fix: 'add a backend edge to a postgres or mysql node that all replicas share',
  sources: ['G-HA'],
  check(facts) {
    const out: Draft[] = [];
    for (const g of facts.graph.nodesOfKind('grafana')) {
      const replicas = replicasOf(g);
      if (replicas <= 1) continue;
      const backends = facts.graph.outgoing(g.id, 'backend');
      const shared = backends.some((e) => SHARED_DATABASES.has(facts.node(e.to)?.kind ?? ''));
      if (shared) continue;
      const others = backends.map((e) => facts.nameOf(e.to));
      out.push({
        message:
          `${g.name} runs ${replicas} replicas with no postgres or mysql backend, so each keeps its own SQLite database` +
          (others.length > 0
            ? ` (${andList(others)} ${others.length === 1 ? 'does' : 'do'} not hold dashboards or users)`
            : ''),
        nodes: [g.id, ...backends.map((e) => e.to)],
        edges: backends.map((e) => e.id),
      });
    }
    return out;
  },
};
