import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';

describe('targets-unscraped', () => {
  it('reports a targets node nothing scrapes', () => {
    const f = findingsOf(
      'targets-unscraped',
      topo(`nodes:
  - { id: t, kind: targets, name: node, count: 10 }
  - { id: p, kind: prometheus, name: prometheus-eu }
  - { id: u, kind: targets, name: cadvisor, exporter: cadvisor }
edges:
  - { id: s1, kind: scrape, from: p, to: u }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['t']);
    expect(f[0]?.edges).toEqual([]);
    expect(f[0]?.message).toContain('node');
  });

  it('accepts scraped targets', () => {
    const f = findingsOf(
      'targets-unscraped',
      topo(`nodes:
  - { id: t, kind: targets, name: node }
  - { id: p, kind: prometheus, name: prometheus-eu }
edges:
  - { id: s1, kind: scrape, from: p, to: t }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('node-isolated', () => {
  it('reports a node with no edges, whatever its kind, and honours suppression', () => {
    const f = findingsOf(
      'node-isolated',
      topo(`nodes:
  - { id: p, kind: prometheus, name: prometheus-eu }
  - { id: t, kind: targets, name: node }
  - { id: r, kind: redis, name: cache }
  - { id: db, kind: postgres, name: spare-db, suppress: [node-isolated] }
edges:
  - { id: s1, kind: scrape, from: p, to: t }
`),
    );
    expect(f).toHaveLength(2);
    const cache = f.find((x) => x.nodes[0] === 'r');
    expect(cache?.severity).toBe('info');
    expect(cache?.nodes).toEqual(['r']);
    expect(cache?.edges).toEqual([]);
    expect(cache?.message).toContain('cache');
    expect(cache?.suppressed).toBeUndefined();
    expect(f.find((x) => x.nodes[0] === 'db')?.suppressed).toBe(true);
  });

  it('accepts nodes that only receive or only send edges', () => {
    const f = findingsOf(
      'node-isolated',
      topo(`nodes:
  - { id: g, kind: grafana, name: grafana }
  - { id: p, kind: prometheus, name: prometheus-eu }
edges:
  - { id: d1, kind: datasource, from: g, to: p }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('global-single', () => {
  const global = (replicas: number, sources: string) =>
    topo(`nodes:
  - { id: g, kind: prometheus, name: prometheus-global, replicas: ${replicas} }
  - { id: eu, kind: prometheus, name: prometheus-eu, shards: 2 }
  - { id: us, kind: prometheus, name: prometheus-us }
edges:
${sources}
`);
  const two = `  - { id: f1, kind: federate, from: g, to: eu, match: ['{__name__=~"job:.*"}'] }
  - { id: f2, kind: federate, from: g, to: us, match: ['{__name__=~"job:.*"}'] }
  - { id: f3, kind: federate, from: g, to: us, match: ['{__name__=~"instance:.*"}'] }`;

  it('reports a single global server over two sources', () => {
    const f = findingsOf('global-single', global(1, two));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['g', 'eu', 'us']);
    expect(f[0]?.edges).toEqual(['f1', 'f2', 'f3']);
    expect(f[0]?.message).toContain(
      'prometheus-global federates 2 sources (prometheus-eu, prometheus-us)',
    );
  });

  it('accepts a global pair, and a single federator of one (sharded) source node', () => {
    expect(findingsOf('global-single', global(2, two))).toEqual([]);
    const one = `  - { id: f1, kind: federate, from: g, to: eu, match: ['{__name__=~"job:.*"}'] }
  - { id: f2, kind: federate, from: g, to: eu, match: ['{__name__=~"instance:.*"}'] }`;
    expect(findingsOf('global-single', global(1, one))).toEqual([]);
  });
});
