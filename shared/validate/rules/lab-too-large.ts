import { BOUNDS, containerCount } from '../../model/bounds.ts';
import type { Rule } from '../rule.ts';

/** Nodes a finding names: the largest few, which are the ones worth shrinking. */
const NAMED = 5;

export const labTooLarge: Rule = {
  id: 'lab-too-large',
  severity: 'warning',
  area: 'capacity',
  when: `the exported stack (and so the lab) would run more than ${BOUNDS.containers} containers: Prometheus replicas × shards (twice with a Thanos sidecar), other nodes' replicas, and each targets node's lab exporters`,
  why: 'Every container is a process with its own memory and published host port; past a couple of hundred a laptop runs out of memory before the stack is healthy, and the compose export is a file nobody can start on one machine (the Kubernetes export is not concerned).',
  fix: 'Lower replicas, shards or labCount on the largest nodes; describe fleet size with `count` on targets nodes, which is a design number and starts nothing.',
  sources: [],
  check(f) {
    // Arithmetic on each node's numbers, never an expansion: bounded by the node count.
    const sized = f.topology.nodes
      .map((n) => ({ node: n, containers: containerCount(n) }))
      .filter((x) => x.containers > 0);
    const total = sized.reduce((sum, x) => sum + x.containers, 0);
    if (total <= BOUNDS.containers) return [];
    const largest = [...sized].sort((a, b) => b.containers - a.containers).slice(0, NAMED);
    const list = largest.map((x) => `${x.node.name} ${x.containers}`).join(', ');
    return [
      {
        message: `the stack would run ${total.toLocaleString('en-US')} containers (largest: ${list}), more than the ${BOUNDS.containers} a laptop lab starts`,
        nodes: largest.map((x) => x.node.id),
        edges: [],
      },
    ];
  },
};
