// Every edge kind's module: which node kinds it joins (FORMAT.md's edge table), its verb, and how
// a drawn edge picks its kind. Typed over the schema's edge kind union like the node registry.
import {
  AlertingEdge,
  BackendEdge,
  DatasourceEdge,
  FederateEdge,
  LogsEdge,
  ObjstoreEdge,
  RemoteWriteEdge,
  ScrapeEdge,
  StoreEdge,
  type EdgeKind,
  type NodeKind,
  type TopologyNode,
} from '../model/schema.ts';
import { NODE_KINDS, nodeKinds } from './nodes.ts';
import type { EdgeKindModule } from './types.ts';

const hasSidecar = (n: TopologyNode) => n.kind !== 'prometheus' || n.thanosSidecar === true;
const sidecarNeeded = 'the Prometheus must set thanosSidecar: true';

const metricsKinds = nodeKinds().filter(
  (k) => k === 'targets' || NODE_KINDS[k].metrics !== undefined,
);

const scrape: EdgeKindModule<'scrape'> = {
  kind: 'scrape',
  label: 'scrapes',
  schema: ScrapeEdge,
  summary: 'A Prometheus scrapes a targets group, or any node that serves its own metrics.',
  from: ['prometheus'],
  to: metricsKinds,
  intent: 8,
};

const federate: EdgeKindModule<'federate'> = {
  kind: 'federate',
  label: 'federates',
  schema: FederateEdge,
  summary: "A Prometheus pulls the series its `match` selectors name from another one's /federate.",
  from: ['prometheus'],
  to: ['prometheus'],
  intent: 0,
};

const alerting: EdgeKindModule<'alerting'> = {
  kind: 'alerting',
  label: 'alerts to',
  schema: AlertingEdge,
  summary: 'A Prometheus sends its firing alerts to an Alertmanager cluster.',
  from: ['prometheus'],
  to: ['alertmanager'],
  intent: 1,
};

/** What a Grafana may query; each has its data source shape in generate/grafana-datasources.ts. */
const DATA_SOURCE_KINDS = [
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
] as const satisfies readonly NodeKind[];
export type DataSourceKind = (typeof DATA_SOURCE_KINDS)[number];

const datasource: EdgeKindModule<'datasource'> = {
  kind: 'datasource',
  label: 'queries',
  schema: DatasourceEdge,
  summary:
    'A Grafana data source; to another Grafana, one per data source of that upstream (Grafana federation).',
  from: ['grafana'],
  to: DATA_SOURCE_KINDS,
  intent: 3,
};

const backend: EdgeKindModule<'backend'> = {
  kind: 'backend',
  label: 'stores in',
  schema: BackendEdge,
  summary: 'The database a Grafana keeps its own state in (needed by replicated Grafanas).',
  from: ['grafana'],
  to: ['postgres', 'mysql', 'redis'],
  intent: 4,
};

const remoteWrite: EdgeKindModule<'remote-write'> = {
  kind: 'remote-write',
  label: 'remote-writes to',
  schema: RemoteWriteEdge,
  summary: 'A Prometheus sends every sample it takes to Mimir or to another Prometheus.',
  from: ['prometheus'],
  to: ['mimir', 'prometheus'],
  intent: 7,
};

const logs: EdgeKindModule<'logs'> = {
  kind: 'logs',
  label: 'ships logs to',
  schema: LogsEdge,
  summary: 'Promtail pushes the log lines it reads to a Loki.',
  from: ['promtail'],
  to: ['loki'],
  intent: 5,
};

const store: EdgeKindModule<'store'> = {
  kind: 'store',
  label: 'queries store',
  schema: StoreEdge,
  summary: 'Thanos Query reads a store gateway, or the Thanos sidecar of a Prometheus.',
  from: ['thanos-query'],
  to: ['prometheus', 'thanos-store'],
  requires: { test: (_f, t) => hasSidecar(t), says: sidecarNeeded },
  intent: 2,
};

const objstore: EdgeKindModule<'objstore'> = {
  kind: 'objstore',
  label: 'uploads to',
  schema: ObjstoreEdge,
  summary: 'Blocks (or chunks) go to the object store; a Prometheus uploads through its sidecar.',
  from: ['prometheus', 'thanos-store', 'thanos-compactor', 'mimir', 'loki', 'tempo'],
  to: ['object-store'],
  requires: { test: (f) => hasSidecar(f), says: sidecarNeeded },
  intent: 6,
};

export type EdgeKindRegistry = { readonly [K in EdgeKind]: EdgeKindModule<K> };

/** FORMAT.md's edge table, in its order. */
export const EDGE_KINDS: EdgeKindRegistry = {
  scrape,
  federate,
  alerting,
  datasource,
  backend,
  'remote-write': remoteWrite,
  logs,
  store,
  objstore,
};

/** Every edge kind, in the registry's order. */
export const edgeKinds = (): EdgeKind[] => Object.keys(EDGE_KINDS) as EdgeKind[];

/** The module of any edge kind. */
type AnyEdgeKind = EdgeKindRegistry[EdgeKind];

const modules = (): AnyEdgeKind[] => Object.values(EDGE_KINDS);

/** Edge kinds whose from/to kinds fit the two nodes (conditions included). */
export function allowedEdgeKinds(from: TopologyNode, to: TopologyNode): EdgeKind[] {
  return modules()
    .filter((s) => s.from.includes(from.kind) && s.to.includes(to.kind))
    .filter((s) => !s.requires || s.requires.test(from, to))
    .map((s) => s.kind);
}

/** The kind a new edge between two nodes takes when drawn on the canvas, or null if none fits. */
export function inferEdgeKind(from: TopologyNode, to: TopologyNode): EdgeKind | null {
  const fits = modules().filter((s) => allowedEdgeKinds(from, to).includes(s.kind));
  return fits.sort((a, b) => a.intent - b.intent)[0]?.kind ?? null;
}

/** Why an edge of this kind cannot join these two nodes, or null when it can. */
export function pairingProblem(
  kind: EdgeKind,
  from: TopologyNode,
  to: TopologyNode,
): string | null {
  const spec: AnyEdgeKind = EDGE_KINDS[kind];
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
