import { BOUNDS, containerCount } from '../../model/bounds.ts';
import type { Rule } from '../rule.ts';

export const portsExhausted: Rule = {
  id: 'ports-exhausted',
  severity: 'error',
  area: 'capacity',
  when: `the exported compose stack (and so the lab) would publish more host ports than one machine has (${BOUNDS.hostPorts.toLocaleString('en-US')}, ports 1024-65535): one per container`,
  why: 'Every container of the compose export and the lab publishes its port on 127.0.0.1; past the ports a machine has, two services would bind the same one and the stack cannot start.',
  fix: 'Lower replicas, shards or labCount; for a fleet this size, export for Kubernetes (`--target kubernetes`).',
  sources: [],
  check(f) {
    // Arithmetic on each node's numbers, never an expansion: bounded by the node count.
    let total = 0;
    let largest: { id: string; n: number } | null = null;
    for (const node of f.topology.nodes) {
      const n = containerCount(node);
      total += n;
      if (n > 0 && (!largest || n > largest.n)) largest = { id: node.id, n };
    }
    if (total <= BOUNDS.hostPorts) return [];
    return [
      {
        message: `the stack would publish ${total.toLocaleString('en-US')} host ports, more than the ${BOUNDS.hostPorts.toLocaleString('en-US')} one machine has`,
        nodes: largest ? [largest.id] : [],
        edges: [],
      },
    ];
  },
};
