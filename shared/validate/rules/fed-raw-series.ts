import { matchSelectors } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedRawSeries: Rule = {
  id: 'fed-raw-series',
  severity: 'warning',
  area: 'federation',
  when: 'a selector names metrics without a `:` (not recording-rule output), e.g. `{job="node"}` or `node_cpu_seconds_total`',
  why: 'Raw series grow with every target the source scrapes, so the federator has to hold them all and the /federate request gets heavy; federated raw data also arrives late and with gaps, which makes alerts and graphs on the federator unreliable.',
  fix: 'Add recording rules on the source that aggregate what the federator needs, name them `level:metric:operations`, and federate those, e.g. `{__name__=~"job:.*"}`.',
  sources: ['RP', 'RULES'],
  check(f) {
    // Selectors that select everything are fed-match-everything's; invalid ones fed-match-invalid's.
    return matchSelectors(f)
      .filter((s) => s.what.kind === 'raw')
      .map(({ edge, text }) => ({
        message: `${f.nameOf(edge.from)} federates raw series (metric names without ":") from ${f.nameOf(edge.to)} with ${text}`,
        nodes: [edge.from, edge.to],
        edges: [edge.id],
      }));
  },
};
