import { federateCycles } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedCycle: Rule = {
  id: 'fed-cycle',
  severity: 'error',
  area: 'federation',
  when: 'federate edges form a cycle (a node federating itself included)',
  why: "Series federated around a cycle come back to where they started with the other servers' labels layered on top, so every pass re-ingests and multiplies the same data until the servers run out of memory, and no server holds a clean copy.",
  fix: 'Federation is a tree: every server federates only from servers below it; remove the federate edge that points back up.',
  sources: ['FED'],
  check(f) {
    return federateCycles(f).map(({ nodes, edges }) => {
      const first = nodes[0] ?? '';
      return {
        message:
          nodes.length === 1
            ? `${f.nameOf(first)} federates itself`
            : `federate edges form a cycle ${[...nodes, first].map((id) => f.nameOf(id)).join(' -> ')}`,
        nodes,
        edges,
      };
    });
  },
};
