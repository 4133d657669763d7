import type { Rule } from '../rule.ts';

export const fedHonorLabels: Rule = {
  id: 'fed-honor-labels',
  severity: 'error',
  area: 'federation',
  when: 'a federate edge sets `honorLabels: false`',
  why: "Without honor_labels the federator overwrites the source series' job and instance labels with its own federate job (the originals move to exported_job and exported_instance), so every federated series looks as if it came from the federate job and queries by job break.",
  fix: "Remove `honorLabels: false` from the edge so the exporter writes `honor_labels: true` and the source's labels survive.",
  sources: ['FED', 'CONF'],
  check(f) {
    return f
      .edgesOfKind('federate')
      .filter((e) => e.honorLabels === false)
      .map((e) => ({
        message: `${f.nameOf(e.from)} federates ${f.nameOf(e.to)} with honorLabels: false, so the source's job and instance labels are renamed to exported_job and exported_instance`,
        nodes: [e.from, e.to],
        edges: [e.id],
      }));
  },
};
