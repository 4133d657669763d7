import type { Draft, Rule } from '../rule.ts';

export const alertNoAlertmanager: Rule = {
  id: 'alert-no-alertmanager',
  severity: 'error',
  area: 'alerting',
  when: 'a Prometheus node has alert rules but no alerting edge',
  why: 'Prometheus evaluates the rules and shows them firing in its own UI, but sends the alerts nowhere: nobody is notified.',
  fix: 'Connect it to an Alertmanager with an alerting edge.',
  sources: ['CONF'],
  check(f) {
    const out: Draft[] = [];
    for (const p of f.prometheus) {
      const rules = p.alertRules ?? [];
      if (rules.length === 0 || f.graph.outgoing(p.id, 'alerting').length > 0) continue;
      const what =
        rules.length === 1 ? `alert rule ${rules[0]?.alert ?? ''}` : `${rules.length} alert rules`;
      out.push({
        message: `${p.name} has ${what} but no alerting edge to an Alertmanager, so its alerts notify no one`,
        nodes: [p.id],
        edges: [],
      });
    }
    return out;
  },
};
