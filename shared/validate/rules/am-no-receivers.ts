import type { Draft, Rule } from '../rule.ts';

export const amNoReceivers: Rule = {
  id: 'am-no-receivers',
  severity: 'warning',
  area: 'alerting',
  when: 'an Alertmanager node has no receivers',
  why: 'Alertmanager accepts and groups the alerts but has nowhere to send them, so nobody is notified.',
  fix: 'Add a receiver (webhook, email, slack or pagerduty) and route to it.',
  sources: ['AM'],
  check(f) {
    const out: Draft[] = [];
    for (const am of f.graph.nodesOfKind('alertmanager')) {
      if ((am.receivers ?? []).length > 0) continue;
      const senders = f.graph.incoming(am.id, 'alerting');
      out.push({
        message:
          senders.length > 0
            ? `${am.name} has no receivers, so the alerts it gets notify no one`
            : `${am.name} has no receivers`,
        nodes: [am.id],
        edges: [],
      });
    }
    return out;
  },
};
