import type { Draft, Rule } from '../rule.ts';

export const ruleInvalidPromql: Rule = {
  id: 'rule-invalid-promql',
  severity: 'error',
  area: 'rules',
  when: 'a recording or alert expression does not parse as PromQL, or its types do not check (e.g. `rate(up)`, `1 > 2`)',
  why: 'Prometheus refuses to load a rule file with an expression it cannot parse: the server keeps its old rules (or fails to start) and none of that file’s recordings or alerts run.',
  fix: 'fix the expression so that it parses (promtool check rules tells the same)',
  sources: ['CONF'],
  check(facts) {
    const out: Draft[] = [];
    for (const p of facts.prometheus) {
      const rules = [
        ...(p.recordingRules ?? []).map((r) => ({
          kind: 'recording rule',
          name: r.record,
          expr: r.expr,
        })),
        ...(p.alertRules ?? []).map((r) => ({ kind: 'alert', name: r.alert, expr: r.expr })),
      ];
      for (const r of rules) {
        const parsed = facts.expr(r.expr);
        if (parsed.ok) continue;
        out.push({
          message: `${p.name}'s ${r.kind} ${r.name} has an expression that does not parse: ${parsed.reason}`,
          nodes: [p.id],
          edges: [],
        });
      }
    }
    return out;
  },
};
