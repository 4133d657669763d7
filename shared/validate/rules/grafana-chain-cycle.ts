import { andList, grafanaCycles, pathText } from '../grafana-facts.ts';
import type { Draft, Rule } from '../rule.ts';

export const grafanaChainCycle: Rule = {
  id: 'grafana-chain-cycle',
  severity: 'error',
  area: 'grafana',
  when: 'Grafana-to-Grafana data sources form a cycle',
  why: 'Grafanas that query each other have no upstream that holds the data: each needs the other up to answer, and a data source that proxies a proxy sends a query around the loop until a proxy times out (the exporter stops at one hop so its files stay finite).',
  fix: 'break the cycle: let data flow one way, from the Grafana nearest the stores to the ones that aggregate',
  sources: [],
  check(facts) {
    return grafanaCycles(facts).map((c): Draft => {
      const [first] = c.nodes;
      const name = facts.nameOf(first ?? '');
      const message =
        c.nodes.length === 1
          ? `${name} has a datasource edge to itself`
          : `${andList(c.nodes.map((id) => facts.nameOf(id)))} query each other in a cycle (${pathText(facts, [...c.nodes, first ?? ''])})`;
      return { message, nodes: c.nodes, edges: c.edges };
    });
  },
};
