import { describe, expect, it } from 'vitest';
import { BOUNDS } from '../../model/bounds.ts';
import { findingsOf, topo } from '../testing.ts';

describe('lab-too-large', () => {
  const design = (shards: number) =>
    topo(`nodes:
  - { id: p, kind: prometheus, name: prometheus-eu, replicas: 10, shards: ${shards} }
  - { id: t, kind: targets, name: node, count: 1000000, labCount: 0 }
  - { id: a, kind: alertmanager, name: am, replicas: 2 }
`);

  it('reports a stack of more containers than a laptop lab starts, naming the largest nodes', () => {
    const f = findingsOf('lab-too-large', design(25));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.message).toBe(
      `the stack would run 252 containers (largest: prometheus-eu 250, am 2), more than the ${BOUNDS.containers} a laptop lab starts`,
    );
    expect(f[0]?.nodes).toEqual(['p', 'a']);
  });

  it('accepts a stack at the bound, however large the fleet its count describes', () => {
    expect(findingsOf('lab-too-large', design(24))).toEqual([]);
  });

  it('reports a large design the schema reads', () => {
    const nodes = Array.from(
      { length: 4 },
      (_, i) => `  - { id: p${i}, kind: prometheus, name: p${i}, replicas: 10, shards: 50 }`,
    );
    const f = findingsOf('lab-too-large', topo(`nodes:\n${nodes.join('\n')}\n`));
    expect(f[0]?.message).toContain('the stack would run 2,000 containers');
  });
});

describe('ports-exhausted', () => {
  const design = (n: number) =>
    topo(`nodes:
  - { id: p, kind: prometheus, name: prom, replicas: 10, shards: 64 }
  - { id: t, kind: targets, name: node, count: 1000000, labCount: 20 }
${Array.from({ length: n }, (_, i) => `  - { id: t${i}, kind: targets, name: node-${i}, labCount: 20 }`).join('\n')}
`);

  it('refuses a stack that would publish more host ports than a machine has', () => {
    // 640 servers + 20 + 20 per extra targets node.
    const over = Math.ceil((BOUNDS.hostPorts - 660) / 20) + 1;
    const f = findingsOf('ports-exhausted', design(over));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.nodes).toEqual(['p']);
  });

  it('accepts one just within the ports', () => {
    const under = Math.floor((BOUNDS.hostPorts - 660) / 20);
    expect(findingsOf('ports-exhausted', design(under))).toEqual([]);
  });
});
