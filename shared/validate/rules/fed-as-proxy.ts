import { listNames, pullsRawSeries } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedAsProxy: Rule = {
  id: 'fed-as-proxy',
  severity: 'warning',
  area: 'federation',
  when: 'a source has no rules, no alerting edge and no Grafana querying it, while a federator pulls raw series from it',
  why: 'Used as a proxy, the scraping server does no work of its own while the federator does all alerting and graphing on copies that arrive late and with gaps, and both servers must hold every series, so the setup costs twice the memory and adds a point of failure for less reliable results.',
  fix: 'Do alerting and graphing on the scraping server and federate only its aggregates, or drop it and let the other server scrape the targets through an HTTP proxy (`proxy_url`).',
  sources: ['RP'],
  check(f) {
    const out = [];
    for (const source of f.prometheus) {
      const raw = f.graph.incoming(source.id, 'federate').filter((e) => pullsRawSeries(f, e));
      if (raw.length === 0) continue;
      const works =
        (source.recordingRules?.length ?? 0) > 0 ||
        (source.alertRules?.length ?? 0) > 0 ||
        f.graph.outgoing(source.id, 'alerting').length > 0 ||
        f.graph.incoming(source.id, 'datasource').length > 0 ||
        // A Thanos Query in front of it serves graphs and rules too.
        f.graph.incoming(source.id, 'store').length > 0;
      if (works) continue;
      const pullers = [...new Set(raw.map((e) => e.from))];
      out.push({
        message: `${source.name} has no rules, alerting or Grafana of its own while ${listNames(pullers.map((id) => f.nameOf(id)))} ${pullers.length > 1 ? 'federate' : 'federates'} raw series from it, so it serves only as a scrape proxy`,
        nodes: [source.id, ...pullers],
        edges: raw.map((e) => e.id),
      });
    }
    return out;
  },
};
