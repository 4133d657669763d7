import type { Draft, Rule } from '../rule.ts';

export const grafanaNoDatasource: Rule = {
  id: 'grafana-no-datasource',
  severity: 'warning',
  area: 'grafana',
  when: 'a Grafana node has no datasource edge',
  why: 'The exporter provisions a Grafana’s data sources from its datasource edges; without one its dashboards have nothing to query and every panel shows “No data”.',
  fix: 'draw a datasource edge to what it should show (a Prometheus, a query layer, another Grafana)',
  sources: [],
  check(facts) {
    const out: Draft[] = [];
    for (const g of facts.graph.nodesOfKind('grafana')) {
      // A data source pointing at the Grafana itself is no source (the exporter skips it).
      if (facts.graph.outgoing(g.id, 'datasource').some((e) => e.to !== g.id)) continue;
      out.push({
        message: `${g.name} has no datasource edge, so its dashboards have nothing to query`,
        nodes: [g.id],
        edges: [],
      });
    }
    return out;
  },
};
