import type { Draft, Rule } from '../rule.ts';

export const targetsUnscraped: Rule = {
  id: 'targets-unscraped',
  severity: 'warning',
  area: 'structure',
  when: 'a targets node has no incoming scrape edge',
  why: 'No Prometheus collects these targets, so their metrics exist nowhere and no alert about them can fire.',
  fix: 'connect a Prometheus to it with a scrape edge',
  sources: [],
  check(facts) {
    const out: Draft[] = [];
    for (const t of facts.graph.nodesOfKind('targets')) {
      if (facts.graph.incoming(t.id, 'scrape').length > 0) continue;
      out.push({
        message: `${t.name} is scraped by no Prometheus`,
        nodes: [t.id],
        edges: [],
      });
    }
    return out;
  },
};
