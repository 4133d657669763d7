import { durationMs } from '../../model/primitives.ts';
import type { NodeOf } from '../../model/schema.ts';
import type { Facts } from '../facts.ts';
import type { Draft, Rule } from '../rule.ts';

/** The interval a job of this server runs at: its edge's own, else the server's scrape interval. */
function intervalOf(f: Facts, node: NodeOf<'prometheus'> | undefined, edgeInterval?: string) {
  if (edgeInterval !== undefined) return { ms: durationMs(edgeInterval), text: edgeInterval };
  if (!node) return undefined;
  const text = node.scrapeInterval ?? f.topology.defaults?.scrapeInterval;
  return { ms: f.scrapeIntervalMs(node), text: text ?? `${f.scrapeIntervalMs(node) / 1000}s` };
}

function prometheusAt(f: Facts, id: string): NodeOf<'prometheus'> | undefined {
  const n = f.node(id);
  return n?.kind === 'prometheus' ? n : undefined;
}

export const scrapeTimeoutGtInterval: Rule = {
  id: 'scrape-timeout-gt-interval',
  severity: 'error',
  area: 'capacity',
  when: "a timeout is longer than its interval: a scrape or federate edge's `timeout` against the edge's `interval` (or its server's scrape interval), or `defaults.scrapeTimeout` against the scrape interval of a Prometheus node",
  why: 'Prometheus refuses to load a configuration whose scrape timeout exceeds its scrape interval, so the server does not start (or keeps its old configuration on reload).',
  fix: 'Shorten the timeout to at most the interval (a timeout of about 80% of the interval is usual).',
  sources: ['CONF'],
  check(f) {
    const out: Draft[] = [];
    const edges = [...f.edgesOfKind('scrape'), ...f.edgesOfKind('federate')];
    for (const e of edges) {
      if (e.timeout === undefined) continue; // an inherited timeout is cut to the job's interval
      const interval = intervalOf(f, prometheusAt(f, e.from), e.interval);
      if (!interval || !(durationMs(e.timeout) > interval.ms)) continue;
      const verb = e.kind === 'federate' ? 'federates' : 'scrapes';
      out.push({
        message: `${f.nameOf(e.from)} ${verb} ${f.nameOf(e.to)} with a ${e.timeout} timeout, longer than its ${interval.text} interval, so Prometheus refuses the configuration`,
        nodes: [e.from, e.to],
        edges: [e.id],
        fix: `Set the edge's timeout to ${interval.text} or less.`,
      });
    }
    const timeout = f.topology.defaults?.scrapeTimeout;
    if (timeout !== undefined) {
      for (const p of f.prometheus) {
        const interval = intervalOf(f, p);
        if (!interval || !(durationMs(timeout) > interval.ms)) continue;
        out.push({
          message: `defaults.scrapeTimeout ${timeout} is longer than the ${interval.text} scrape interval of ${p.name}, a global configuration Prometheus refuses, so the export cuts the timeout to ${interval.text} there`,
          nodes: [p.id],
          edges: [],
          fix: `Set defaults.scrapeTimeout to ${interval.text} or less, or lengthen ${p.name}'s scrapeInterval.`,
        });
      }
    }
    return out;
  },
};
