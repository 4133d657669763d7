import type { EdgeKind, NodeKind, TopologyNode } from '../model/schema.ts';
import { NODE_KIND_SPECS } from './node-kinds.ts';

export interface EdgeKindSpec {
  kind: EdgeKind;
  label: string;
  /** Which node kinds may open this connection. */
  from: readonly NodeKind[];
  /** Which node kinds may answer it. */
  to: readonly NodeKind[];
  /** A further condition on the two nodes, with the words that explain it. */
  requires?: { test: (from: TopologyNode, to: TopologyNode) => boolean; says: string };
}

const hasSidecar = (n: TopologyNode) => n.kind !== 'prometheus' || n.thanosSidecar === true;

const metricsKinds = (Object.keys(NODE_KIND_SPECS) as NodeKind[]).filter(
  (k) => k === 'targets' || NODE_KIND_SPECS[k].metrics !== undefined,
);

/** FORMAT.md's edge table. */
export const EDGE_KIND_SPECS: Record<EdgeKind, EdgeKindSpec> = {
  scrape: { kind: 'scrape', label: 'scrapes', from: ['prometheus'], to: metricsKinds },
  federate: { kind: 'federate', label: 'federates', from: ['prometheus'], to: ['prometheus'] },
  alerting: { kind: 'alerting', label: 'alerts to', from: ['prometheus'], to: ['alertmanager'] },
  datasource: {
    kind: 'datasource',
    label: 'queries',
    from: ['grafana'],
    to: [
      'prometheus',
      'alertmanager',
      'influxdb',
      'clickhouse',
      'postgres',
      'mysql',
      'loki',
      'tempo',
      'mimir',
      'thanos-query',
      'grafana',
    ],
  },
  backend: {
    kind: 'backend',
    label: 'stores in',
    from: ['grafana'],
    to: ['postgres', 'mysql', 'redis'],
  },
  'remote-write': {
    kind: 'remote-write',
    label: 'remote-writes to',
    from: ['prometheus'],
    to: ['mimir', 'prometheus'],
  },
  logs: { kind: 'logs', label: 'ships logs to', from: ['promtail'], to: ['loki'] },
  store: {
    kind: 'store',
    label: 'queries store',
    from: ['thanos-query'],
    to: ['prometheus', 'thanos-store'],
    requires: {
      test: (_f, t) => hasSidecar(t),
      says: 'the Prometheus must set thanosSidecar: true',
    },
  },
  objstore: {
    kind: 'objstore',
    label: 'uploads to',
    from: ['prometheus', 'thanos-store', 'thanos-compactor', 'mimir', 'loki', 'tempo'],
    to: ['object-store'],
    requires: { test: (f) => hasSidecar(f), says: 'the Prometheus must set thanosSidecar: true' },
  },
};

/** Edge kinds whose from/to kinds fit the two nodes (conditions included). */
export function allowedEdgeKinds(from: TopologyNode, to: TopologyNode): EdgeKind[] {
  return Object.values<EdgeKindSpec>(EDGE_KIND_SPECS)
    .filter((s) => s.from.includes(from.kind) && s.to.includes(to.kind))
    .filter((s) => !s.requires || s.requires.test(from, to))
    .map((s) => s.kind);
}

/**
 * What a user drawing an edge most likely means when several kinds fit: a Prometheus drawn to a
 * Prometheus federates it, to an Alertmanager alerts to it, a Thanos Query reads a sidecar's store.
 */
const INTENT: readonly EdgeKind[] = [
  'federate',
  'alerting',
  'store',
  'datasource',
  'backend',
  'logs',
  'objstore',
  'remote-write',
  'scrape',
];

/** The kind a new edge between two nodes takes when drawn on the canvas, or null if none fits. */
export function inferEdgeKind(from: TopologyNode, to: TopologyNode): EdgeKind | null {
  const kinds = allowedEdgeKinds(from, to);
  return INTENT.find((k) => kinds.includes(k)) ?? null;
}

/** Why an edge of this kind cannot join these two nodes, or null when it can. */
export function pairingProblem(
  kind: EdgeKind,
  from: TopologyNode,
  to: TopologyNode,
): string | null {
  const spec = EDGE_KIND_SPECS[kind];
  if (!spec.from.includes(from.kind) || !spec.to.includes(to.kind)) {
    const allowed = allowedEdgeKinds(from, to);
    const rows = `a ${kind} edge goes from ${spec.from.join(' | ')} to ${spec.to.join(' | ')}`;
    return (
      `a ${kind} edge cannot go from ${from.kind} "${from.name}" to ${to.kind} "${to.name}": ${rows}` +
      (allowed.length > 0
        ? `; between these two kinds the allowed edges are: ${allowed.join(', ')}`
        : '; no edge kind joins these two kinds in this direction')
    );
  }
  if (spec.requires && !spec.requires.test(from, to)) {
    return `a ${kind} edge from "${from.name}" to "${to.name}" needs more: ${spec.requires.says}`;
  }
  return null;
}
