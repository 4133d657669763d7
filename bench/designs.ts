// Generated designs for benchmarks: big, regular, and valid.
import type { Topology, TopologyEdge, TopologyNode } from '../shared/model/schema.ts';

/**
 * `dcs` datacenters, each with `promsPerDc` Prometheus servers scraping `targetsPerProm` target
 * groups and recording a job-level aggregate, an Alertmanager pair, and a global pair federating
 * every datacenter server.
 */
export function bigFederation(dcs: number, promsPerDc: number, targetsPerProm: number): Topology {
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const groups: NonNullable<Topology['groups']> = [];
  nodes.push({
    id: 'am',
    kind: 'alertmanager',
    name: 'alertmanager',
    replicas: 2,
    receivers: [{ name: 'oncall', type: 'webhook', url: '${ONCALL_WEBHOOK_URL}' }],
  });
  nodes.push({
    id: 'global',
    kind: 'prometheus',
    name: 'prometheus-global',
    replicas: 2,
    externalLabels: { datacenter: 'global' },
  });
  let e = 0;
  for (let d = 0; d < dcs; d++) {
    groups.push({ id: `dc${d}`, label: `dc-${d}`, externalLabels: { datacenter: `dc-${d}` } });
    for (let p = 0; p < promsPerDc; p++) {
      const pid = `dc${d}-p${p}`;
      nodes.push({
        id: pid,
        kind: 'prometheus',
        name: `prom-dc${d}-${p}`,
        group: `dc${d}`,
        externalLabels: { team: `team-${p}` },
        recordingRules: [
          {
            record: 'job:node_memory_MemTotal:sum',
            expr: 'sum without(instance)(node_memory_MemTotal{job="node"})',
          },
        ],
        alertRules: [
          { alert: 'TargetDown', expr: 'up == 0', for: '5m', labels: { severity: 'page' } },
        ],
      });
      edges.push({ id: `e${e++}`, kind: 'alerting', from: pid, to: 'am' });
      edges.push({
        id: `e${e++}`,
        kind: 'federate',
        from: 'global',
        to: pid,
        match: ['{__name__=~"job:.*"}'],
      });
      for (let t = 0; t < targetsPerProm; t++) {
        const tid = `${pid}-t${t}`;
        nodes.push({
          id: tid,
          kind: 'targets',
          name: `node-dc${d}-${p}-${t}`,
          group: `dc${d}`,
          exporter: 'node-exporter',
          count: 50,
          labCount: 1,
        });
        edges.push({ id: `e${e++}`, kind: 'scrape', from: pid, to: tid, job: `node-${t}` });
      }
    }
  }
  return {
    apiVersion: 'fedstudio/v1',
    kind: 'Topology',
    metadata: { name: 'bench-federation' },
    groups,
    nodes,
    edges,
  };
}

/** Lays a design out on a plain grid (benchmarks measure rendering, not auto-layout). */
export function withGridPositions(t: Topology, perRow = 40): Topology {
  return {
    ...t,
    nodes: t.nodes.map((n, i) => ({
      ...n,
      position: { x: (i % perRow) * 220, y: Math.floor(i / perRow) * 140 },
    })),
  };
}

/**
 * Gives every Prometheus server `perServer` recording rules of its own, so that the design holds
 * that many distinct PromQL expressions per server (a validator cannot reuse one parse).
 */
export function withDistinctRules(t: Topology, perServer: number): Topology {
  let k = 0;
  return {
    ...t,
    nodes: t.nodes.map((n) => {
      if (n.kind !== 'prometheus' || n.id === 'global') return n;
      const rules = Array.from({ length: perServer }, (_, i) => {
        const id = k++;
        return {
          record: `job:node_cpu_mode${i}:rate5m`,
          expr: `sum without(instance, cpu)(rate(node_cpu_seconds_total{job="node-${i}",mode="m${id}"}[5m]))`,
        };
      });
      return { ...n, recordingRules: [...(n.recordingRules ?? []), ...rules] };
    }),
  };
}
