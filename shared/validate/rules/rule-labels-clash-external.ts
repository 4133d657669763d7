import type { Draft, Rule } from '../rule.ts';

export const ruleLabelsClashExternal: Rule = {
  id: 'rule-labels-clash-external',
  severity: 'warning',
  area: 'rules',
  when: 'a rule sets a label that is also an effective external label of its server',
  why: 'Prometheus adds external labels only to series and alerts that lack them, so a rule label of the same name silently replaces the server’s identity: federators, Thanos and Alertmanager can no longer tell which server the series or alert came from (and a rule `replica` label is dropped with the generated one).',
  fix: 'rename or drop the rule label; leave server identity to external labels',
  sources: ['CONF'],
  check(facts) {
    const out: Draft[] = [];
    for (const p of facts.prometheus) {
      const external = new Set(facts.instanceLabels(p.id).flatMap((l) => Object.keys(l)));
      const rules = [
        ...(p.recordingRules ?? []).map((r) => ({
          kind: 'recording rule',
          name: r.record,
          labels: r.labels,
        })),
        ...(p.alertRules ?? []).map((r) => ({ kind: 'alert', name: r.alert, labels: r.labels })),
      ];
      for (const r of rules) {
        const clash = Object.keys(r.labels ?? {}).filter((l) => external.has(l));
        if (clash.length === 0) continue;
        const list = clash.join(', ');
        out.push({
          message: `${p.name}'s ${r.kind} ${r.name} sets ${clash.length === 1 ? 'label' : 'labels'} ${list}, which ${clash.length === 1 ? 'is also an external label' : 'are also external labels'} of ${p.name}`,
          nodes: [p.id],
          edges: [],
          fix: `rename or drop ${list} in ${r.kind} ${r.name}`,
        });
      }
    }
    return out;
  },
};
