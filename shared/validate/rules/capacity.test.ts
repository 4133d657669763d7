import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';
import type { Finding } from '../types.ts';

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

/** One server scraping one target group. */
function server(prom: string, targets: string, edge = ''): string {
  return topo(`
nodes:
  - { id: p, kind: prometheus, name: prometheus-eu${prom} }
  - { id: t, kind: targets, name: node${targets} }
edges:
  - { id: s1, kind: scrape, from: p, to: t${edge} }
`);
}

describe('cap-series', () => {
  it('reports about 6.2 million series and their head memory', () => {
    const f = only(findingsOf('cap-series', server('', ', exporter: node-exporter, count: 6200')));
    expect(f).toMatchObject({ rule: 'cap-series', severity: 'warning', nodes: ['p'], edges: [] });
    expect(f.message).toBe(
      'prometheus-eu holds about 6.2 million active series per server (about 18 GB of head memory at 3 kB per series)',
    );
    expect(f.fix).toBe(
      'Shard prometheus-eu into at least 2 servers (shards: 2), or split it by use.',
    );
  });

  it('counts federated series on a federator', () => {
    const yaml = topo(`
nodes:
  - { id: eu, kind: prometheus, name: prometheus-eu, externalLabels: { dc: eu } }
  - { id: us, kind: prometheus, name: prometheus-us, externalLabels: { dc: us } }
  - { id: t1, kind: targets, name: node-eu, count: 3000 }
  - { id: t2, kind: targets, name: node-us, count: 3000 }
  - { id: g, kind: prometheus, name: prometheus-global }
edges:
  - { id: s1, kind: scrape, from: eu, to: t1 }
  - { id: s2, kind: scrape, from: us, to: t2 }
  - { id: f1, kind: federate, from: g, to: eu, match: ['{__name__=~".+"}'] }
  - { id: f2, kind: federate, from: g, to: us, match: ['{__name__=~".+"}'] }
`);
    const f = only(findingsOf('cap-series', yaml));
    expect(f.nodes).toEqual(['g']);
    expect(f.message).toBe(
      'prometheus-global holds about 6 million active series per server, 6 million federated (about 17 GB of head memory at 3 kB per series)',
    );
    expect(f.fix).toBe(capSeriesFix);
  });

  it('does not report a sharded server under the limit', () => {
    expect(findingsOf('cap-series', server(', shards: 2', ', count: 6200'))).toEqual([]);
    expect(findingsOf('cap-series', server('', ', count: 5000'))).toEqual([]);
  });

  it('is suppressed by the node', () => {
    const yaml = server(', suppress: [cap-series]', ', count: 6200');
    expect(only(findingsOf('cap-series', yaml)).suppressed).toBe(true);
  });
});

const capSeriesFix =
  'Shard it (`shards`, or hashmod partitions), or split it by use (one server per team or exporter); on a federator, federate aggregates only.';

describe('cap-targets', () => {
  it('reports more than 10,000 targets per server', () => {
    const f = only(findingsOf('cap-targets', server('', ', exporter: blackbox, count: 12500')));
    expect(f).toMatchObject({ rule: 'cap-targets', severity: 'warning', nodes: ['p'] });
    expect(f.message).toBe(
      'prometheus-eu scrapes about 12,500 targets per server, more than the 10,000 one server handles',
    );
    expect(f.fix).toBe('Shard prometheus-eu into at least 2 servers (shards: 2).');
  });

  it('counts a shard of the group per server', () => {
    expect(
      findingsOf('cap-targets', server(', shards: 2', ', exporter: blackbox, count: 12500')),
    ).toEqual([]);
    expect(
      findingsOf(
        'cap-targets',
        server('', ', exporter: blackbox, count: 12500', ', shard: { modulus: 2, index: 0 }'),
      ),
    ).toEqual([]);
    expect(findingsOf('cap-targets', server('', ', exporter: blackbox, count: 10000'))).toEqual([]);
  });
});

describe('scrape-interval-long', () => {
  it('reports a server scrape interval its scrape edges use', () => {
    const f = only(findingsOf('scrape-interval-long', server(', scrapeInterval: 5m', '')));
    expect(f).toMatchObject({ rule: 'scrape-interval-long', severity: 'warning', nodes: ['p'] });
    expect(f.edges).toEqual(['s1']);
    expect(f.message).toBe(
      'prometheus-eu scrapes every 5m, longer than 2m, so a single missed scrape leaves gaps in its series',
    );
  });

  it('reports a long default, naming where it comes from', () => {
    const yaml = server('', '').replace('nodes:', 'defaults: { scrapeInterval: 3m }\nnodes:');
    expect(only(findingsOf('scrape-interval-long', yaml)).message).toBe(
      'prometheus-eu scrapes every 3m (defaults.scrapeInterval), longer than 2m, so a single missed scrape leaves gaps in its series',
    );
  });

  it('reports a long evaluation interval of a server with rules', () => {
    const f = only(
      findingsOf(
        'scrape-interval-long',
        server(', evaluationInterval: 10m, alertRules: [ { alert: Down, expr: "up == 0" } ]', ''),
      ),
    );
    expect(f.message).toBe(
      'prometheus-eu evaluates its rules every 10m, longer than 2m, so a single missed evaluation leaves gaps in its recorded series and alerts',
    );
  });

  it('reports a long scrape edge interval', () => {
    const f = only(findingsOf('scrape-interval-long', server('', '', ', interval: 150s')));
    expect(f.nodes).toEqual(['p', 't']);
    expect(f.edges).toEqual(['s1']);
    expect(f.message).toBe(
      'prometheus-eu scrapes node every 150s, longer than 2m, so a single missed scrape leaves gaps in its series',
    );
  });

  it('does not report 2m, an interval no edge uses, nor evaluation without rules', () => {
    expect(findingsOf('scrape-interval-long', server(', scrapeInterval: 2m', ''))).toEqual([]);
    expect(
      findingsOf('scrape-interval-long', server(', scrapeInterval: 5m', '', ', interval: 30s')),
    ).toEqual([]);
    expect(findingsOf('scrape-interval-long', server(', evaluationInterval: 5m', ''))).toEqual([]);
  });
});

describe('scrape-timeout-gt-interval', () => {
  it('reports a scrape edge timeout longer than the server interval', () => {
    const f = only(
      findingsOf(
        'scrape-timeout-gt-interval',
        server(', scrapeInterval: 10s', '', ', timeout: 20s'),
      ),
    );
    expect(f).toMatchObject({ rule: 'scrape-timeout-gt-interval', severity: 'error' });
    expect(f.nodes).toEqual(['p', 't']);
    expect(f.edges).toEqual(['s1']);
    expect(f.message).toBe(
      'prometheus-eu scrapes node with a 20s timeout, longer than its 10s interval, so Prometheus refuses the configuration',
    );
  });

  it('compares with the edge interval first', () => {
    expect(
      findingsOf('scrape-timeout-gt-interval', server('', '', ', interval: 30s, timeout: 20s')),
    ).toEqual([]);
    expect(
      only(findingsOf('scrape-timeout-gt-interval', server('', '', ', interval: 5s, timeout: 6s')))
        .message,
    ).toContain('with a 6s timeout, longer than its 5s interval');
  });

  it('reports a federate edge timeout', () => {
    const yaml = topo(`
nodes:
  - { id: eu, kind: prometheus, name: prometheus-eu }
  - { id: g, kind: prometheus, name: prometheus-global }
edges:
  - { id: f1, kind: federate, from: g, to: eu, match: ['{__name__=~"job:.*"}'], interval: 30s, timeout: 45s }
`);
    const f = only(findingsOf('scrape-timeout-gt-interval', yaml));
    expect(f.nodes).toEqual(['g', 'eu']);
    expect(f.edges).toEqual(['f1']);
    expect(f.message).toBe(
      'prometheus-global federates prometheus-eu with a 45s timeout, longer than its 30s interval, so Prometheus refuses the configuration',
    );
  });

  it('reports defaults.scrapeTimeout against each server that uses it', () => {
    const yaml = topo(`
defaults: { scrapeTimeout: 20s }
nodes:
  - { id: fast, kind: prometheus, name: prometheus-fast }
  - { id: slow, kind: prometheus, name: prometheus-slow, scrapeInterval: 1m }
`);
    const f = only(findingsOf('scrape-timeout-gt-interval', yaml));
    expect(f.nodes).toEqual(['fast']);
    expect(f.edges).toEqual([]);
    expect(f.message).toBe(
      'defaults.scrapeTimeout 20s is longer than the 15s scrape interval of prometheus-fast, a global configuration Prometheus refuses, so the export cuts the timeout to 15s there',
    );
  });

  it('does not report an equal timeout', () => {
    expect(
      findingsOf(
        'scrape-timeout-gt-interval',
        server(', scrapeInterval: 10s', '', ', timeout: 10s'),
      ),
    ).toEqual([]);
  });
});
