import {
  grafanaChainStarts,
  grafanaLinks,
  longestGrafanaChain,
  pathText,
} from '../grafana-facts.ts';
import type { Draft, Rule } from '../rule.ts';

export const grafanaChainDepth: Rule = {
  id: 'grafana-chain-depth',
  severity: 'warning',
  area: 'grafana',
  when: 'a chain of Grafana-to-Grafana data sources is two hops or longer',
  why: 'Each hop adds a round trip through another Grafana’s data source proxy with its own timeout, so long queries fail at the shortest timeout on the way; and the exported data sources follow one hop only, so the first Grafana does not see what its upstream gets from further up.',
  fix: 'point the Grafana at the store itself, or put a query layer (thanos-query, mimir) behind the chain',
  sources: ['G-52666'],
  check(facts) {
    const links = grafanaLinks(facts);
    const out: Draft[] = [];
    for (const start of grafanaChainStarts(facts, links)) {
      const chain = longestGrafanaChain(start, links);
      const hops = chain.nodes.length - 1;
      if (hops < 2) continue;
      out.push({
        message: `${facts.nameOf(start)} reaches its data through ${hops} Grafana hops (${pathText(facts, chain.nodes)})`,
        nodes: chain.nodes,
        edges: chain.edges,
      });
    }
    return out;
  },
};
