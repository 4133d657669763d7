import type { Draft, Rule } from '../rule.ts';

export const thanosSidecarObjstore: Rule = {
  id: 'thanos-sidecar-objstore',
  severity: 'warning',
  area: 'long-term storage',
  when: 'a Prometheus with `thanosSidecar: true` has no objstore edge',
  why: 'A sidecar without a bucket uploads no blocks: history older than the Prometheus retention is lost and thanos-store or the compactor never see this server’s data (the exporter gives it a local folder as a stand-in).',
  fix: 'draw an objstore edge from the Prometheus to the object store its Thanos components share',
  sources: ['TH'],
  check(facts) {
    const out: Draft[] = [];
    for (const p of facts.prometheus) {
      if (p.thanosSidecar !== true) continue;
      if (facts.graph.outgoing(p.id, 'objstore').length > 0) continue;
      out.push({
        message: `${p.name} runs a Thanos sidecar but has no objstore edge, so its blocks are never uploaded`,
        nodes: [p.id],
        edges: [],
      });
    }
    return out;
  },
};
