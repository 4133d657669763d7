import { matchSelectors } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedMatchEverything: Rule = {
  id: 'fed-match-everything',
  severity: 'error',
  area: 'federation',
  when: 'a federate edge has a `match` selector whose matchers select every series (`{__name__=~".+"}`, `{__name__!=""}`, `{job=~".+"}` with nothing narrower, ...)',
  why: 'Federating every series copies the whole source into the federator: the federator needs as much memory as all its sources together, the /federate request itself is heavy for the source, and scaling stops at what one machine can hold.',
  fix: 'Federate only recording-rule aggregates, e.g. `{__name__=~"job:.*"}`, and keep raw series on the server that scrapes them.',
  sources: ['FED', 'RP'],
  check(f) {
    return matchSelectors(f)
      .filter((s) => s.what.kind === 'everything')
      .map(({ edge, text }) => ({
        message: `${f.nameOf(edge.from)} federates every series of ${f.nameOf(edge.to)} with ${text}`,
        nodes: [edge.from, edge.to],
        edges: [edge.id],
      }));
  },
};
