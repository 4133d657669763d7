import { durationMs } from '../../model/primitives.ts';
import { prometheusNode } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

const LIMIT_MS = 2 * 60_000;

export const fedInterval: Rule = {
  id: 'fed-interval',
  severity: 'warning',
  area: 'federation',
  when: 'a federate interval is 2m or longer (the source only serves samples newer than its 5m lookback)',
  why: 'A 5m lookback window then holds only one or two federated samples, so a single failed or slow /federate request makes series go stale on the federator, leaving gaps in graphs, empty rate() results and flapping alerts.',
  fix: "Set the federate edge's `interval` (or the federator's `scrapeInterval` it inherits) to 1m or less.",
  sources: ['CONF', 'FED'],
  check(f) {
    const out = [];
    for (const e of f.edgesOfKind('federate')) {
      // Without its own interval a federate job runs at the federator's scrape interval.
      const inherited =
        prometheusNode(f, e.from)?.scrapeInterval ?? f.topology.defaults?.scrapeInterval;
      const interval = e.interval ?? inherited;
      if (interval === undefined || !(durationMs(interval) >= LIMIT_MS)) continue;
      const how =
        e.interval !== undefined
          ? `every ${interval}`
          : `every ${interval}, inherited from its scrape interval`;
      out.push({
        message: `${f.nameOf(e.from)} federates ${f.nameOf(e.to)} ${how}, so a single missed request makes its series go stale`,
        nodes: [e.from, e.to],
        edges: [e.id],
      });
    }
    return out;
  },
};
