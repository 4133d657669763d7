import type { Draft, Rule } from '../rule.ts';

export const grafanaChainAuth: Rule = {
  id: 'grafana-chain-auth',
  severity: 'warning',
  area: 'grafana',
  when: 'a Grafana-to-Grafana data source has no token variable',
  why: 'The upstream Grafana’s data source proxy answers only authenticated requests; without a service-account token every query from the downstream Grafana gets 401 and its federated panels stay empty (or the upstream must allow anonymous access to all its sources).',
  fix: 'create a Viewer service account on the upstream Grafana and set the edge’s token to its `${VAR}`, e.g. token: ${UPSTREAM_GRAFANA_TOKEN}',
  sources: ['G-HA'],
  check(facts) {
    const out: Draft[] = [];
    for (const e of facts.edgesOfKind('datasource')) {
      if (e.from === e.to || e.token !== undefined) continue;
      const ends = facts.graph.resolve(e);
      if (ends?.source.kind !== 'grafana' || ends.target.kind !== 'grafana') continue;
      out.push({
        message: `${facts.nameOf(e.from)} queries ${facts.nameOf(e.to)} through its data source proxy without a token`,
        nodes: [e.from, e.to],
        edges: [e.id],
      });
    }
    return out;
  },
};
