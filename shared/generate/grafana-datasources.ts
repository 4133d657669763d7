// A Grafana node's data sources, from its outgoing `datasource` edges: one per edge to a store or
// query layer, and, for an edge to another Grafana (Grafana federation, FORMAT.md), one per data
// source of that upstream, reached through the upstream's data source proxy.
import type { DataSourceKind } from '../kinds/index.ts';
import type { EdgeOf, NodeKind, NodeOf, TopologyNode } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { dataStoreConnection, type DataStoreConnection } from './datastores.ts';

type GrafanaNode = NodeOf<'grafana'>;

export const GRAFANA_PORT = 3000;
export const CLICKHOUSE_PLUGIN = 'grafana-clickhouse-datasource';
const CLICKHOUSE_NATIVE_PORT = 9000;
/** Grafana's limit on a uid. */
const UID_MAX = 40;

/** One entry of `datasources:` in a provisioning file (Grafana's own field names). */
export interface DataSource {
  uid: string;
  name: string;
  type: string;
  access: 'proxy';
  url?: string;
  user?: string;
  database?: string;
  isDefault: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
  editable: false;
}

export interface ResolvedDataSource {
  ds: DataSource;
  /** The node that holds the data (for a federated source: the upstream's target). */
  source: TopologyNode;
  /** The upstream Grafana a federated source goes through. */
  via?: GrafanaNode;
}

type Shape = Omit<DataSource, 'uid' | 'name' | 'isDefault' | 'access' | 'editable'>;

function portOf(node: TopologyNode, fallback: number): number {
  return 'port' in node && typeof node.port === 'number' ? node.port : fallback;
}

function firstInstance(ctx: GenerateContext, node: TopologyNode): string {
  return ctx.instances(node)[0]?.name ?? node.name;
}

function password(c: DataStoreConnection): Pick<Shape, 'secureJsonData'> {
  return c.passwordVar !== undefined
    ? { secureJsonData: { password: `\${${c.passwordVar}}` } }
    : {};
}

/** How a data source queries a node of one kind directly: type, URL and settings. */
type ShapeOf<K extends NodeKind> = (ctx: GenerateContext, node: NodeOf<K>, host: string) => Shape;

/**
 * One per kind a `datasource` edge may reach (shared/kinds/edges.ts), so a kind added there does
 * not compile until it says how Grafana queries it. A Grafana is reached through its own data
 * sources instead (federation, below).
 */
const SHAPES: { readonly [K in Exclude<DataSourceKind, 'grafana'>]: ShapeOf<K> } = {
  prometheus: (ctx, node, host) => {
    const interval = node.scrapeInterval ?? ctx.topology.defaults?.scrapeInterval;
    return {
      type: 'prometheus',
      url: `http://${host}:9090`,
      jsonData: {
        httpMethod: 'POST',
        ...(interval !== undefined ? { timeInterval: interval } : {}),
      },
    };
  },
  mimir: (_ctx, node, host) => ({
    type: 'prometheus',
    url: `http://${host}:${portOf(node, 9009)}/prometheus`,
    jsonData: { httpMethod: 'POST' },
  }),
  'thanos-query': (_ctx, node, host) => ({
    type: 'prometheus',
    url: `http://${host}:${portOf(node, 10902)}`,
    jsonData: { httpMethod: 'POST' },
  }),
  alertmanager: (_ctx, _node, host) => ({
    type: 'alertmanager',
    url: `http://${host}:9093`,
    jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
  }),
  influxdb: (_ctx, node) => {
    const c = dataStoreConnection(node);
    return {
      type: 'influxdb',
      url: `http://${c.host}:${c.port}`,
      ...(c.user !== undefined ? { user: c.user } : {}),
      ...(c.database !== undefined ? { database: c.database } : {}),
      jsonData: {
        version: 'InfluxQL',
        httpMode: 'GET',
        ...(c.database !== undefined ? { dbName: c.database } : {}),
      },
      ...password(c),
    };
  },
  clickhouse: (_ctx, node) => {
    // The native protocol port; `port` of a clickhouse node is its HTTP port.
    const c = dataStoreConnection(node);
    return {
      type: CLICKHOUSE_PLUGIN,
      jsonData: {
        host: c.host,
        port: CLICKHOUSE_NATIVE_PORT,
        protocol: 'native',
        ...(c.user !== undefined ? { username: c.user } : {}),
        ...(c.database !== undefined ? { defaultDatabase: c.database } : {}),
      },
      ...password(c),
    };
  },
  postgres: (_ctx, node) => sqlShape(node),
  mysql: (_ctx, node) => sqlShape(node),
  loki: (_ctx, node, host) => ({ type: 'loki', url: `http://${host}:${portOf(node, 3100)}` }),
  tempo: (_ctx, node, host) => ({ type: 'tempo', url: `http://${host}:${portOf(node, 3200)}` }),
};

function sqlShape(node: NodeOf<'postgres' | 'mysql'>): Shape {
  const c = dataStoreConnection(node);
  return {
    type: node.kind === 'postgres' ? 'grafana-postgresql-datasource' : 'mysql',
    url: `${c.host}:${c.port}`,
    ...(c.user !== undefined ? { user: c.user } : {}),
    jsonData: {
      ...(c.database !== undefined ? { database: c.database } : {}),
      ...(node.kind === 'postgres' ? { sslmode: 'disable' } : {}),
    },
    ...password(c),
  };
}

/** Type, URL and settings of a data source querying `node` directly; undefined if it cannot. */
function directShape(ctx: GenerateContext, node: TopologyNode): Shape | undefined {
  if (!(node.kind in SHAPES)) return undefined;
  const shape = SHAPES[node.kind as keyof typeof SHAPES] as ShapeOf<NodeKind>;
  return shape(ctx, node, firstInstance(ctx, node));
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable suffix for ids that must be cut. */
function hash8(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `s` if it fits Grafana's 40-character uid limit, else a cut of it plus a hash of the whole. */
export function fitUid(s: string): string {
  return s.length <= UID_MAX ? s : `${s.slice(0, UID_MAX - 9)}-${hash8(s)}`;
}

function claim(base: string, used: Set<string>): string {
  let candidate = fitUid(base);
  for (let n = 2; used.has(candidate); n++) candidate = fitUid(`${base}-${n}`);
  used.add(candidate);
  return candidate;
}

interface Draft {
  uid: string;
  name: string;
  shape: Shape;
  source: TopologyNode;
  via?: GrafanaNode;
  edge: EdgeOf<'datasource'>;
  /** Whether this is the entry an edge's `default: true` designates. */
  edgeDefault: boolean;
}

/**
 * The sources a Grafana queries itself, uids claimed in edge order. They depend on the node's own
 * edges only, so a downstream Grafana computes the same uids for its proxy URLs.
 */
function directDrafts(ctx: GenerateContext, grafana: GrafanaNode, used: Set<string>): Draft[] {
  const out: Draft[] = [];
  for (const edge of ctx.outgoing(grafana.id, 'datasource')) {
    const target = ctx.node(edge.to);
    const shape = directShape(ctx, target);
    if (!shape) continue;
    out.push({
      uid: claim(target.name, used),
      name: edge.name ?? target.name,
      shape,
      source: target,
      edge,
      edgeDefault: edge.default === true,
    });
  }
  return out;
}

/** A source of `upstream`, as seen from a downstream Grafana through the upstream's proxy. */
function federatedShape(
  ctx: GenerateContext,
  upstream: GrafanaNode,
  upstreamDs: Draft,
  token: string | undefined,
): Shape {
  const host = firstInstance(ctx, upstream);
  const path = `/api/datasources/proxy/uid/${upstreamDs.uid}`;
  const { jsonData = {}, database, type } = upstreamDs.shape;
  const auth = token !== undefined ? { httpHeaderName1: 'Authorization' } : {};
  // The proxy appends the request path to the upstream source's own URL (which already holds
  // e.g. Mimir's /prometheus), so no suffix is added here; the upstream adds its own credentials.
  const shape: Shape = {
    type,
    url: `http://${host}:${GRAFANA_PORT}${path}`,
    ...(database !== undefined ? { database } : {}),
    jsonData: { ...jsonData, ...auth },
    ...(token !== undefined ? { secureJsonData: { httpHeaderValue1: `Bearer ${token}` } } : {}),
  };
  if (type === CLICKHOUSE_PLUGIN) {
    // The ClickHouse plugin takes host/port/path rather than a URL.
    shape.jsonData = {
      ...jsonData,
      ...auth,
      host,
      port: GRAFANA_PORT,
      protocol: 'http',
      path,
    };
  }
  return shape;
}

/**
 * Every data source of a Grafana node. Federation follows one hop: an upstream's own federated
 * sources are not passed on, which also keeps Grafana-to-Grafana cycles finite.
 */
export function grafanaDataSources(
  ctx: GenerateContext,
  grafana: GrafanaNode,
): ResolvedDataSource[] {
  const used = new Set<string>();
  const drafts = directDrafts(ctx, grafana, used);
  for (const edge of ctx.outgoing(grafana.id, 'datasource')) {
    const upstream = ctx.node(edge.to);
    if (upstream.kind !== 'grafana' || upstream.id === grafana.id) continue;
    const prefix = edge.name ?? upstream.name;
    const upstreamDrafts = directDrafts(ctx, upstream, new Set());
    upstreamDrafts.forEach((up, i) => {
      drafts.push({
        uid: claim(`${upstream.name}-${up.uid}`, used),
        name: `${prefix} / ${up.name}`,
        shape: federatedShape(ctx, upstream, up, edge.token),
        source: up.source,
        via: upstream,
        edge,
        edgeDefault: edge.default === true && i === 0,
      });
    });
  }
  const defaultIndex = Math.max(
    0,
    drafts.findIndex((d) => d.edgeDefault),
  );
  const names = new Set<string>();
  return drafts.map((d, i) => {
    let name = d.name;
    for (let n = 2; names.has(name); n++) name = `${d.name} (${n})`;
    names.add(name);
    const { type, ...rest } = d.shape;
    const ds: DataSource = {
      uid: d.uid,
      name,
      type,
      access: 'proxy',
      isDefault: i === defaultIndex,
      ...rest,
      editable: false,
    };
    return { ds, source: d.source, ...(d.via ? { via: d.via } : {}) };
  });
}
