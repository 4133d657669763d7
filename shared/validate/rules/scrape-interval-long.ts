import { durationMs } from '../../model/primitives.ts';
import type { Draft, Rule } from '../rule.ts';

/** Longer than this, one missed scrape or evaluation leaves a hole in the 5m lookback. */
const LIMIT_MS = 2 * 60_000;

export const scrapeIntervalLong: Rule = {
  id: 'scrape-interval-long',
  severity: 'warning',
  area: 'capacity',
  when: "a scrape or evaluation interval is longer than 2m (a node's `scrapeInterval` its scrape edges use, its `evaluationInterval` when it has rules, `defaults`, or a scrape edge's `interval`)",
  why: 'Queries look back 5 minutes for a sample, so with samples more than 2m apart a single failed scrape or evaluation makes the series vanish: graphs gap, rate() comes back empty and alerts resolve and fire again.',
  fix: 'Use an interval of 1m or less; sample less often only by dropping series, not by stretching the interval.',
  sources: ['CONF'],
  check(f) {
    const out: Draft[] = [];
    const defaults = f.topology.defaults;
    for (const p of f.prometheus) {
      // Federate jobs inheriting the scrape interval are fed-interval's; here, scrape edges.
      const inheriting = f.graph.outgoing(p.id, 'scrape').filter((e) => e.interval === undefined);
      const scrapeMs = f.scrapeIntervalMs(p);
      if (inheriting.length > 0 && scrapeMs > LIMIT_MS) {
        const from =
          p.scrapeInterval ?? `${defaults?.scrapeInterval ?? ''} (defaults.scrapeInterval)`;
        out.push({
          message: `${p.name} scrapes every ${from}, longer than 2m, so a single missed scrape leaves gaps in its series`,
          nodes: [p.id],
          edges: inheriting.map((e) => e.id),
        });
      }
      const hasRules = (p.recordingRules?.length ?? 0) + (p.alertRules?.length ?? 0) > 0;
      if (hasRules && f.evaluationIntervalMs(p) > LIMIT_MS) {
        const from =
          p.evaluationInterval ??
          `${defaults?.evaluationInterval ?? ''} (defaults.evaluationInterval)`;
        out.push({
          message: `${p.name} evaluates its rules every ${from}, longer than 2m, so a single missed evaluation leaves gaps in its recorded series and alerts`,
          nodes: [p.id],
          edges: [],
        });
      }
    }
    for (const e of f.edgesOfKind('scrape')) {
      if (e.interval === undefined || !(durationMs(e.interval) > LIMIT_MS)) continue;
      out.push({
        message: `${f.nameOf(e.from)} scrapes ${f.nameOf(e.to)} every ${e.interval}, longer than 2m, so a single missed scrape leaves gaps in its series`,
        nodes: [e.from, e.to],
        edges: [e.id],
      });
    }
    return out;
  },
};
