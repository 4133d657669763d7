import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';

describe('thanos-compactor-singleton', () => {
  it('counts replicas and several compactor nodes on one object store', () => {
    const f = findingsOf(
      'thanos-compactor-singleton',
      topo(`nodes:
  - { id: s3, kind: object-store, name: bucket }
  - { id: c1, kind: thanos-compactor, name: compactor-a, replicas: 2 }
  - { id: c2, kind: thanos-compactor, name: compactor-b }
edges:
  - { id: o1, kind: objstore, from: c1, to: s3 }
  - { id: o2, kind: objstore, from: c2, to: s3 }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.nodes).toEqual(['c1', 'c2', 's3']);
    expect(f[0]?.edges).toEqual(['o1', 'o2']);
    expect(f[0]?.message).toContain('bucket is compacted by 3 thanos-compactor instances');
    expect(f[0]?.message).toContain('compactor-a x2, compactor-b');
  });

  it('reports a single replicated compactor', () => {
    const f = findingsOf(
      'thanos-compactor-singleton',
      topo(`nodes:
  - { id: s3, kind: object-store, name: bucket }
  - { id: c1, kind: thanos-compactor, name: compactor, replicas: 2 }
edges:
  - { id: o1, kind: objstore, from: c1, to: s3 }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.nodes).toEqual(['c1', 's3']);
  });

  it('accepts one compactor per object store', () => {
    const f = findingsOf(
      'thanos-compactor-singleton',
      topo(`nodes:
  - { id: s1, kind: object-store, name: bucket-eu }
  - { id: s2, kind: object-store, name: bucket-us }
  - { id: c1, kind: thanos-compactor, name: compactor-eu }
  - { id: c2, kind: thanos-compactor, name: compactor-us }
  - { id: st, kind: thanos-store, name: store-eu, replicas: 2 }
edges:
  - { id: o1, kind: objstore, from: c1, to: s1 }
  - { id: o2, kind: objstore, from: c2, to: s2 }
  - { id: o3, kind: objstore, from: st, to: s1 }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('thanos-query-dedup', () => {
  const fronted = (labels: string, groupLabels = '{}') =>
    topo(`groups:
  - { id: eu, externalLabels: ${groupLabels} }
nodes:
  - { id: q, kind: thanos-query, name: query }
  - { id: p, kind: prometheus, name: prometheus-eu, group: eu, replicas: 2, thanosSidecar: true, externalLabels: ${labels} }
edges:
  - { id: st, kind: store, from: q, to: p }
`);

  it('reports a replicated Prometheus whose own external labels set replica', () => {
    for (const design of [
      fronted('{ datacenter: eu, replica: a }'),
      fronted('{ datacenter: eu }', '{ replica: a }'),
    ]) {
      const f = findingsOf('thanos-query-dedup', design);
      expect(f).toHaveLength(1);
      expect(f[0]?.severity).toBe('warning');
      expect(f[0]?.nodes).toEqual(['p', 'q']);
      expect(f[0]?.edges).toEqual(['st']);
      expect(f[0]?.message).toContain('query deduplicates the 2 replicas of prometheus-eu');
      expect(f[0]?.message).toContain('replica="a"');
    }
  });

  it('accepts a replicated Prometheus that leaves replica to the exporter', () => {
    expect(findingsOf('thanos-query-dedup', fronted('{ datacenter: eu }'))).toEqual([]);
  });

  it('accepts a replica label on a Prometheus that is not replicated', () => {
    const f = findingsOf(
      'thanos-query-dedup',
      topo(`nodes:
  - { id: q, kind: thanos-query, name: query }
  - { id: a, kind: prometheus, name: prometheus-a, thanosSidecar: true, externalLabels: { replica: a } }
edges:
  - { id: st, kind: store, from: q, to: a }
`),
    );
    expect(f).toEqual([]);
  });
});

describe('thanos-sidecar-objstore', () => {
  it('reports a sidecar with no object store', () => {
    const f = findingsOf(
      'thanos-sidecar-objstore',
      topo(`nodes:
  - { id: p, kind: prometheus, name: prometheus-eu, thanosSidecar: true }
`),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.nodes).toEqual(['p']);
    expect(f[0]?.edges).toEqual([]);
    expect(f[0]?.message).toContain('prometheus-eu');
  });

  it('accepts a sidecar with an objstore edge, and a Prometheus without a sidecar', () => {
    const f = findingsOf(
      'thanos-sidecar-objstore',
      topo(`nodes:
  - { id: p, kind: prometheus, name: prometheus-eu, thanosSidecar: true }
  - { id: q, kind: prometheus, name: prometheus-us }
  - { id: s3, kind: object-store, name: bucket }
edges:
  - { id: o1, kind: objstore, from: p, to: s3 }
`),
    );
    expect(f).toEqual([]);
  });
});
