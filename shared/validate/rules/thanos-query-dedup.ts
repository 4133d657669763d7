import { replicasOf } from '../../model/instances.ts';
import type { Draft, Rule } from '../rule.ts';

/** The label the exporter always passes to thanos-query as `--query.replica-label`. */
export const DEDUP_LABEL = 'replica';

export const thanosQueryDedup: Rule = {
  id: 'thanos-query-dedup',
  severity: 'warning',
  area: 'long-term storage',
  when: 'a thanos-query fronts a Prometheus with `replicas > 1` whose own external labels (group or node) set `replica`, overriding the dedup label the exporter relies on',
  why: 'thanos-query merges the copies of a replicated Prometheus by dropping the generated `replica` label (the exporter always passes --query.replica-label=replica). A `replica` external label of the design’s own is overwritten by the generated one on every server, so whatever it was meant to distinguish is lost, and if it was meant as the dedup label, the design and the deployment disagree.',
  fix: 'remove the `replica` key from the node’s or group’s externalLabels and let the generated label mark replicas (give other distinctions another label name)',
  sources: ['TH'],
  check(facts) {
    const out: Draft[] = [];
    for (const e of facts.edgesOfKind('store')) {
      const ends = facts.graph.resolve(e);
      const q = ends?.source;
      const p = ends?.target;
      if (q?.kind !== 'thanos-query' || p?.kind !== 'prometheus') continue;
      const replicas = replicasOf(p);
      if (replicas <= 1) continue;
      const own = facts.nodeLabels(p.id)[DEDUP_LABEL];
      if (own === undefined) continue;
      out.push({
        message: `${q.name} deduplicates the ${replicas} replicas of ${p.name} by ${DEDUP_LABEL}, but ${p.name} sets its own ${DEDUP_LABEL}="${own}", which the generated ${DEDUP_LABEL} label overwrites`,
        nodes: [p.id, q.id],
        edges: [e.id],
      });
    }
    return out;
  },
};
