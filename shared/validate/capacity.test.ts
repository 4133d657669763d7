import { describe, expect, it } from 'vitest';
import { BYTES_PER_SERIES, SERIES_PER_RECORDING_RULE, type CapacityEstimate } from './capacity.ts';
import { computeFacts } from './facts.ts';
import { design, topo } from './testing.ts';

function estimates(body: string): Map<string, CapacityEstimate> {
  return computeFacts(design(topo(body))).capacity;
}

function of(body: string, id: string): CapacityEstimate {
  const c = estimates(body).get(id);
  expect(c).toBeDefined();
  return c!;
}

describe('targets per server', () => {
  it('counts a whole group, or the addresses that override count', () => {
    const body = `
nodes:
  - { id: p, kind: prometheus, name: prometheus-eu }
  - { id: t, kind: targets, name: node, count: 400 }
  - { id: u, kind: targets, name: app, count: 400, exporter: custom, addresses: ["a:1", "b:2"] }
edges:
  - { id: s1, kind: scrape, from: p, to: t }
  - { id: s2, kind: scrape, from: p, to: u }
`;
    const c = of(body, 'p');
    expect(c.instances).toBe(1);
    expect(c.targetsPerInstance).toBe(402);
    expect(c.scrapedSeriesPerInstance).toBe(400 * 1000 + 2 * 500);
  });

  it('divides by the node shards, or by an explicit modulus that overrides them', () => {
    const body = `
nodes:
  - { id: p, kind: prometheus, name: prometheus-eu, shards: 4, replicas: 2 }
  - { id: t, kind: targets, name: node, count: 1000 }
  - { id: c, kind: targets, name: cadvisor, exporter: cadvisor, count: 1000 }
edges:
  - { id: s1, kind: scrape, from: p, to: t }
  - { id: s2, kind: scrape, from: p, to: c, shard: { modulus: 10, index: 0 } }
`;
    const c = of(body, 'p');
    expect(c.instances).toBe(8);
    expect(c.targetsPerInstance).toBe(250 + 100);
    expect(c.scrapedSeriesPerInstance).toBe(250 * 1000 + 100 * 3000);
  });

  it('counts a scraped service by its instances and typical self series', () => {
    const body = `
nodes:
  - { id: meta, kind: prometheus, name: prometheus-meta }
  - { id: am, kind: alertmanager, name: alertmanager, replicas: 3 }
edges:
  - { id: s1, kind: scrape, from: meta, to: am }
`;
    const c = of(body, 'meta');
    expect(c.targetsPerInstance).toBe(3);
    expect(c.scrapedSeriesPerInstance).toBe(900);
  });
});

describe('series, samples and memory', () => {
  const body = `
nodes:
  - id: p
    kind: prometheus
    name: prometheus-eu
    scrapeInterval: 30s
    evaluationInterval: 1m
    recordingRules:
      - { record: "job:a:sum", expr: "sum(a)" }
      - { record: "job:b:sum", expr: "sum(b)" }
  - { id: t, kind: targets, name: node, count: 60 }
  - { id: b, kind: targets, name: probe, exporter: blackbox, count: 60 }
edges:
  - { id: s1, kind: scrape, from: p, to: t }
  - { id: s2, kind: scrape, from: p, to: b, interval: 10s }
`;

  it('adds scraped and recorded series', () => {
    const c = of(body, 'p');
    expect(c.scrapedSeriesPerInstance).toBe(60 * 1000 + 60 * 100);
    expect(c.recordedSeriesPerInstance).toBe(2 * SERIES_PER_RECORDING_RULE);
    expect(c.seriesPerInstance).toBe(66_000 + 20);
  });

  it('samples each edge at its own interval, else the server interval; rules at evaluation', () => {
    // 60,000 series every 30s, 6,000 every 10s, 20 recorded every 60s.
    expect(of(body, 'p').samplesPerSecondPerInstance).toBe(Math.round(2000 + 600 + 20 / 60));
  });

  it('holds about 3 kB of head memory per series', () => {
    const c = of(body, 'p');
    expect(BYTES_PER_SERIES).toBe(3072);
    expect(c.memoryBytesPerInstance).toBe(c.seriesPerInstance * 3072);
  });
});

describe('federated series', () => {
  /** A leaf with 2 replicas scraping 100 node exporters, 3 recording rules; a global federating it. */
  const federating = (match: string[], interval = '') => `
nodes:
  - id: eu
    kind: prometheus
    name: prometheus-eu
    replicas: 2
    recordingRules:
      - { record: "job:node_cpu:rate5m", expr: "sum by (job) (rate(node_cpu_seconds_total[5m]))" }
      - { record: "job:node_mem:sum", expr: "sum by (job) (node_memory_MemTotal_bytes)" }
      - { record: "instance:node_load:avg", expr: "avg by (instance) (node_load1)" }
  - { id: t, kind: targets, name: node, count: 100 }
  - { id: g, kind: prometheus, name: prometheus-global, scrapeInterval: 20s }
edges:
  - { id: s1, kind: scrape, from: eu, to: t }
  - { id: f1, kind: federate, from: g, to: eu, match: ${JSON.stringify(match)}${interval} }
`;
  const leafSeries = 100 * 1000 + 3 * SERIES_PER_RECORDING_RULE;

  it('pulls every series of every server for a selector that selects everything', () => {
    const c = of(federating(['{__name__=~".+"}']), 'g');
    expect(c.federatedSeriesPerInstance).toBe(2 * leafSeries);
    expect(c.scrapedSeriesPerInstance).toBe(0);
    expect(c.seriesPerInstance).toBe(2 * leafSeries);
  });

  it('pulls a few series per matching recording rule for aggregates', () => {
    const c = of(federating(['{__name__=~"job:.*"}']), 'g');
    expect(c.federatedSeriesPerInstance).toBe(2 * 2 * SERIES_PER_RECORDING_RULE);
  });

  it('pulls one series per target for a raw metric name', () => {
    const c = of(federating(['node_load1']), 'g');
    expect(c.federatedSeriesPerInstance).toBe(2 * 100);
  });

  it('pulls every scraped series of a job for a selector without a metric name', () => {
    const c = of(federating(['{job="node"}']), 'g');
    expect(c.federatedSeriesPerInstance).toBe(2 * (100 * 1000 + 3 * SERIES_PER_RECORDING_RULE));
    const other = of(federating(['{job="cadvisor"}']), 'g');
    expect(other.federatedSeriesPerInstance).toBe(2 * 3 * SERIES_PER_RECORDING_RULE);
  });

  it('samples federated series at the federate interval, else the federator interval', () => {
    const n = 2 * 2 * SERIES_PER_RECORDING_RULE;
    expect(of(federating(['{__name__=~"job:.*"}']), 'g').samplesPerSecondPerInstance).toBe(
      Math.round(n / 20),
    );
    expect(
      of(federating(['{__name__=~"job:.*"}'], ', interval: 1m'), 'g').samplesPerSecondPerInstance,
    ).toBe(Math.round(n / 60));
  });

  it('ignores selectors that do not parse, and survives a federation cycle', () => {
    expect(of(federating(['{job=~".*"']), 'g').federatedSeriesPerInstance).toBe(0);
    const cycle = estimates(`
nodes:
  - { id: a, kind: prometheus, name: prometheus-a }
  - { id: b, kind: prometheus, name: prometheus-b }
edges:
  - { id: f1, kind: federate, from: a, to: b, match: ['{__name__=~".+"}'] }
  - { id: f2, kind: federate, from: b, to: a, match: ['{__name__=~".+"}'] }
`);
    expect(cycle.size).toBe(2);
  });
});
