import type { Draft, Rule } from '../rule.ts';

export const nodeIsolated: Rule = {
  id: 'node-isolated',
  severity: 'info',
  area: 'structure',
  when: 'a node has no edges at all',
  why: 'A node with no connections takes part in nothing the design describes: it is exported and started, but nothing feeds it and nothing reads from it.',
  fix: 'connect it, or remove it',
  sources: [],
  check(facts) {
    const touched = new Set<string>();
    for (const e of facts.topology.edges ?? []) {
      touched.add(e.from);
      touched.add(e.to);
    }
    return facts.topology.nodes
      .filter((n) => !touched.has(n.id))
      .map((n): Draft => ({
        message: `${n.name} has no edges`,
        nodes: [n.id],
        edges: [],
      }));
  },
};
