import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';

const TWO_CLUSTERS = `groups:
  - { id: eu, cluster: true }
  - { id: us, cluster: true }
nodes:
  - { id: g, kind: prometheus, name: prom-global, group: eu }
  - { id: e, kind: prometheus, name: prom-eu, group: eu }
  - { id: u, kind: prometheus, name: prom-us, group: us }
edges:
  - { id: f1, kind: federate, from: g, to: u, match: ['{job="node"}'] }
  - { id: f2, kind: federate, from: g, to: e, match: ['{job="node"}'] }
`;

describe('k8s-federate-cross-cluster', () => {
  it('reports a federate edge across clusters when the Kubernetes target is chosen', () => {
    const f = findingsOf('k8s-federate-cross-cluster', topo(TWO_CLUSTERS), {
      target: 'kubernetes',
    });
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.edges).toEqual(['f1']);
    expect(f[0]?.nodes).toEqual(['g', 'u']);
    expect(f[0]?.message).toContain('prom-us (cluster us)');
  });

  it('is silent for the compose target, and for groups that are not clusters', () => {
    expect(findingsOf('k8s-federate-cross-cluster', topo(TWO_CLUSTERS))).toEqual([]);
    expect(
      findingsOf(
        'k8s-federate-cross-cluster',
        topo(TWO_CLUSTERS.replace(/cluster: true/g, 'label: x')),
        {
          target: 'kubernetes',
        },
      ),
    ).toEqual([]);
  });
});
