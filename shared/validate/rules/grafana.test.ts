import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';

describe('grafana-ha-sqlite', () => {
  it('reports a replicated Grafana whose only backend is redis', () => {
    const f = findingsOf(
      'grafana-ha-sqlite',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana, replicas: 2 }
  - { id: r, kind: redis, name: cache }
edges:
  - { id: b1, kind: backend, from: g, to: r }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.nodes).toEqual(['g', 'r']);
    expect(f[0]?.edges).toEqual(['b1']);
    expect(f[0]?.message).toContain('grafana runs 2 replicas');
    expect(f[0]?.message).toContain('cache');
  });

  it('accepts a replicated Grafana on postgres, and a single one on SQLite', () => {
    const f = findingsOf(
      'grafana-ha-sqlite',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana, replicas: 3 }
  - { id: g1, kind: grafana, name: grafana-solo }
  - { id: db, kind: postgres, name: grafana-db }
  - { id: r, kind: redis, name: cache }
edges:
  - { id: b1, kind: backend, from: g, to: db }
  - { id: b2, kind: backend, from: g, to: r }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('grafana-no-datasource', () => {
  it('reports a Grafana with no datasource edge', () => {
    const f = findingsOf(
      'grafana-no-datasource',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana-eu }
  - { id: db, kind: postgres, name: grafana-db }
edges:
  - { id: b1, kind: backend, from: g, to: db }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['g']);
    expect(f[0]?.edges).toEqual([]);
    expect(f[0]?.message).toContain('grafana-eu');
  });

  it('accepts a Grafana with a data source', () => {
    const f = findingsOf(
      'grafana-no-datasource',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana-eu }
  - { id: p, kind: prometheus, name: prometheus-eu }
edges:
  - { id: d1, kind: datasource, from: g, to: p }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('grafana-datasource-partial', () => {
  it('reports a data source on a sharded Prometheus', () => {
    const f = findingsOf(
      'grafana-datasource-partial',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana }
  - { id: p, kind: prometheus, name: prometheus-eu, shards: 4 }
edges:
  - { id: d1, kind: datasource, from: g, to: p }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['g', 'p']);
    expect(f[0]?.edges).toEqual(['d1']);
    expect(f[0]?.message).toContain('grafana queries prometheus-eu');
    expect(f[0]?.message).toContain('prometheus-eu-shard-0');
  });

  it('reports a data source on one server of an explicit shard group', () => {
    const f = findingsOf(
      'grafana-datasource-partial',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana }
  - { id: a, kind: prometheus, name: prometheus-a, externalLabels: { shard: "0" } }
  - { id: b, kind: prometheus, name: prometheus-b, externalLabels: { shard: "1" } }
  - { id: t, kind: targets, name: node, count: 100 }
edges:
  - { id: s0, kind: scrape, from: a, to: t, shard: { modulus: 2, index: 0 } }
  - { id: s1, kind: scrape, from: b, to: t, shard: { modulus: 2, index: 1 } }
  - { id: d1, kind: datasource, from: g, to: b }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.nodes).toEqual(['g', 'b', 't']);
    expect(f[0]?.edges).toEqual(['d1', 's1']);
    expect(f[0]?.message).toContain('grafana queries prometheus-b');
    expect(f[0]?.message).toContain('1 of 2 of node');
  });

  it('accepts a data source on the federator of the shards', () => {
    const f = findingsOf(
      'grafana-datasource-partial',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana }
  - { id: p, kind: prometheus, name: prometheus-eu, shards: 4 }
  - { id: f, kind: prometheus, name: prometheus-global }
edges:
  - { id: fe, kind: federate, from: f, to: p, match: ['{__name__=~"job:.*"}'] }
  - { id: d1, kind: datasource, from: g, to: f }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('grafana-chain-depth', () => {
  it('reports the longest chain once, from the Grafana that starts it', () => {
    const f = findingsOf(
      'grafana-chain-depth',
      topo(`nodes:
  - { id: g1, kind: grafana, name: grafana-global }
  - { id: g2, kind: grafana, name: grafana-region }
  - { id: g3, kind: grafana, name: grafana-dc }
  - { id: p, kind: prometheus, name: prometheus-dc }
edges:
  - { id: a, kind: datasource, from: g1, to: g2, token: "\${T1}" }
  - { id: b, kind: datasource, from: g2, to: g3, token: "\${T2}" }
  - { id: c, kind: datasource, from: g1, to: g3, token: "\${T3}" }
  - { id: d, kind: datasource, from: g3, to: p }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['g1', 'g2', 'g3']);
    expect(f[0]?.edges).toEqual(['a', 'b']);
    expect(f[0]?.message).toContain('grafana-global -> grafana-region -> grafana-dc');
    expect(f[0]?.message).toContain('2 Grafana hops');
  });

  it('accepts a single hop', () => {
    const f = findingsOf(
      'grafana-chain-depth',
      topo(`nodes:
  - { id: g1, kind: grafana, name: grafana-global }
  - { id: g2, kind: grafana, name: grafana-eu }
  - { id: g3, kind: grafana, name: grafana-us }
edges:
  - { id: a, kind: datasource, from: g1, to: g2, token: "\${T1}" }
  - { id: b, kind: datasource, from: g1, to: g3, token: "\${T2}" }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('grafana-chain-cycle', () => {
  it('reports each cycle once', () => {
    const f = findingsOf(
      'grafana-chain-cycle',
      topo(`nodes:
  - { id: g1, kind: grafana, name: grafana-a }
  - { id: g2, kind: grafana, name: grafana-b }
  - { id: g3, kind: grafana, name: grafana-c }
edges:
  - { id: a, kind: datasource, from: g1, to: g2, token: "\${T}" }
  - { id: b, kind: datasource, from: g2, to: g3, token: "\${T}" }
  - { id: c, kind: datasource, from: g3, to: g1, token: "\${T}" }
  - { id: d, kind: datasource, from: g3, to: g3, token: "\${T}" }
`),
    );
    expect(f).toHaveLength(2);
    for (const x of f) expect(x.severity).toBe('error');
    const loop = f.find((x) => x.nodes.length === 3);
    expect(loop?.nodes).toEqual(['g1', 'g2', 'g3']);
    expect(loop?.edges).toEqual(['a', 'b', 'c']);
    expect(loop?.message).toContain('grafana-a -> grafana-b -> grafana-c -> grafana-a');
    expect(loop?.message).toContain('grafana-a, grafana-b and grafana-c query each other');
    const self = f.find((x) => x.nodes.length === 1);
    expect(self?.nodes).toEqual(['g3']);
    expect(self?.edges).toEqual(['d']);
    expect(self?.message).toContain('grafana-c');
  });

  it('accepts a diamond without a cycle', () => {
    const f = findingsOf(
      'grafana-chain-cycle',
      topo(`nodes:
  - { id: g1, kind: grafana, name: grafana-a }
  - { id: g2, kind: grafana, name: grafana-b }
  - { id: g3, kind: grafana, name: grafana-c }
edges:
  - { id: a, kind: datasource, from: g1, to: g2, token: "\${T}" }
  - { id: b, kind: datasource, from: g2, to: g3, token: "\${T}" }
  - { id: c, kind: datasource, from: g1, to: g3, token: "\${T}" }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('grafana-chain-auth', () => {
  const design = topo(`nodes:
  - { id: g1, kind: grafana, name: grafana-global }
  - { id: g2, kind: grafana, name: grafana-eu, suppress: [grafana-chain-auth] }
  - { id: g3, kind: grafana, name: grafana-us }
  - { id: p, kind: prometheus, name: prometheus-us }
edges:
  - { id: a, kind: datasource, from: g1, to: g2 }
  - { id: b, kind: datasource, from: g1, to: g3 }
  - { id: c, kind: datasource, from: g3, to: p }
  - { id: d, kind: datasource, from: g1, to: g3, token: "\${US_TOKEN}", name: us-with-token }
`);

  it('reports Grafana-to-Grafana data sources without a token, and honours suppression', () => {
    const f = findingsOf('grafana-chain-auth', design);
    expect(f).toHaveLength(2);
    const us = f.find((x) => x.edges[0] === 'b');
    expect(us?.severity).toBe('warning');
    expect(us?.nodes).toEqual(['g1', 'g3']);
    expect(us?.message).toContain('grafana-global queries grafana-us');
    expect(us?.suppressed).toBeUndefined();
    const eu = f.find((x) => x.edges[0] === 'a');
    expect(eu?.suppressed).toBe(true);
  });

  it('accepts edges with a token and edges to non-Grafana sources', () => {
    expect(
      findingsOf('grafana-chain-auth', design).some((x) => ['c', 'd'].includes(x.edges[0] ?? '')),
    ).toBe(false);
  });
});
