// The topology file format, v1 (../shared/FORMAT.md). Fields are declared in the order they are
// written on save, so the schema is also the canonical key order.
import { z } from 'zod';
import {
  Count,
  Duration,
  Id,
  LabelName,
  Labels,
  Name,
  Port,
  Position,
  PositiveDuration,
  labelMap,
  SecretRef,
  Size,
} from './primitives.ts';
import { BOUNDS, containerCount } from './bounds.ts';
import { Discovery, Probe } from './discovery.ts';
import { scrapeOptionFields } from './scrape-options.ts';
import {
  AlertmanagerMatcher,
  AlertTemplate,
  DataStoreWord,
  HostPathGlob,
  HostPort,
  ImageRef,
  ImageTag,
  MetricName,
  PluginId,
  ReceiverUrl,
  UrlPath,
} from './fields.ts';

export const API_VERSION = 'fedstudio/v1';

/** A list of at most `max` items, saying which bound it passed. */
function list<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, { message: `at most ${max} ${what} (docs/format-extensions.md)` });
}

/** A count at most `max`, saying why. */
function bounded(max: number, why: string) {
  return Count.max(max, { message: `must be at most ${max.toLocaleString('en')}: ${why}` });
}

const REPLICAS = bounded(BOUNDS.replicas, 'HA needs two or three copies, not more');

const RuleId = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'must be a rule id of RULES.md' });

/** Fields every node has, whatever its kind. */
const nodeHead = { id: Id, name: Name, group: Id.optional() } as const;
const nodeTail = {
  position: Position.optional(),
  notes: z.string().optional(),
  suppress: z.array(RuleId).optional(),
} as const;

function nodeKind<K extends string, S extends z.ZodRawShape>(kind: K, fields: S) {
  return z.strictObject({
    id: nodeHead.id,
    kind: z.literal(kind),
    name: nodeHead.name,
    group: nodeHead.group,
    ...fields,
    ...nodeTail,
  });
}

export const RecordingRule = z.strictObject({
  record: MetricName,
  expr: z.string().min(1),
  labels: Labels.optional(),
});

export const AlertRule = z.strictObject({
  alert: z.string().min(1),
  expr: z.string().min(1),
  for: Duration.optional(),
  keepFiringFor: Duration.optional(),
  // Prometheus expands alert labels and annotations as Go templates when it loads the rules.
  labels: labelMap(AlertTemplate, true).optional(),
  annotations: labelMap(AlertTemplate, false).optional(),
});

export const PrometheusNode = nodeKind('prometheus', {
  replicas: REPLICAS.optional(),
  shards: bounded(BOUNDS.shards, 'every shard is a full server in the export').optional(),
  externalLabels: Labels.optional(),
  scrapeInterval: Duration.optional(),
  evaluationInterval: Duration.optional(),
  retention: Duration.optional(),
  thanosSidecar: z.boolean().optional(),
  recordingRules: list(RecordingRule, BOUNDS.rulesPerNode, 'recording rules per node').optional(),
  alertRules: list(AlertRule, BOUNDS.rulesPerNode, 'alert rules per node').optional(),
});

const receiverHead = { name: z.string().min(1) } as const;
export const Receiver = z.discriminatedUnion('type', [
  z.strictObject({
    ...receiverHead,
    type: z.literal('webhook'),
    url: ReceiverUrl,
    sendResolved: z.boolean().optional(),
  }),
  z.strictObject({
    ...receiverHead,
    type: z.literal('email'),
    to: z.string().min(1),
    // Alertmanager refuses an empty sender ("no global SMTP from set").
    from: z.string().min(1, { message: 'must not be empty' }).optional(),
    smarthost: HostPort.optional(),
    authUsername: z.string().optional(),
    authPassword: SecretRef.optional(),
    sendResolved: z.boolean().optional(),
  }),
  z.strictObject({
    ...receiverHead,
    type: z.literal('slack'),
    url: ReceiverUrl,
    channel: z.string().optional(),
    sendResolved: z.boolean().optional(),
  }),
  z.strictObject({
    ...receiverHead,
    type: z.literal('pagerduty'),
    routingKey: SecretRef,
    url: ReceiverUrl.optional(),
    sendResolved: z.boolean().optional(),
  }),
]);

/** Alertmanager's group_by: label names, or `...` for every label. */
const GroupBy = z
  .array(z.union([z.literal('...'), LabelName]))
  .refine((g) => !g.includes('...') || g.length === 1, {
    message: '"..." groups by every label: it cannot be listed with other labels',
  })
  .refine((g) => new Set(g).size === g.length, { message: 'lists a label twice' });

export const ChildRoute = z.strictObject({
  receiver: z.string().min(1),
  matchers: list(AlertmanagerMatcher, BOUNDS.matchers, 'matchers per route').min(1),
  continue: z.boolean().optional(),
  groupBy: GroupBy.optional(),
});

export const Route = z.strictObject({
  receiver: z.string().optional(),
  groupBy: GroupBy.optional(),
  groupWait: Duration.optional(),
  groupInterval: PositiveDuration.optional(),
  repeatInterval: PositiveDuration.optional(),
  routes: list(ChildRoute, BOUNDS.routes, 'child routes').optional(),
});

export const AlertmanagerNode = nodeKind('alertmanager', {
  replicas: REPLICAS.optional(),
  route: Route.optional(),
  receivers: list(Receiver, BOUNDS.receivers, 'receivers').optional(),
});

export const GrafanaNode = nodeKind('grafana', {
  replicas: REPLICAS.optional(),
  adminPassword: SecretRef.optional(),
  plugins: list(PluginId, BOUNDS.plugins, 'plugins').optional(),
});

export const EXPORTERS = ['node-exporter', 'cadvisor', 'blackbox', 'custom'] as const;
export type Exporter = (typeof EXPORTERS)[number];

const Address = z.string().regex(/^[A-Za-z0-9.\-[\]:_]+:[0-9]{1,5}$/, {
  message: 'must be host:port',
});

export const TargetsNode = nodeKind('targets', {
  exporter: z.enum(EXPORTERS).optional(),
  count: bounded(BOUNDS.count, 'a design number for estimates; a whole fleet fits').optional(),
  port: Port.optional(),
  metricsPath: UrlPath.optional(),
  labels: Labels.optional(),
  addresses: list(Address, BOUNDS.addresses, 'addresses').optional(),
  labCount: z
    .number()
    .int()
    .min(0)
    .max(BOUNDS.labCount, {
      message: `must be at most ${BOUNDS.labCount}: each is an exporter container in the lab`,
    })
    .optional(),
  discovery: Discovery.optional(),
  probe: Probe.optional(),
  ...scrapeOptionFields,
});

const dataStoreFields = {
  port: Port.optional(),
  database: DataStoreWord.optional(),
  user: DataStoreWord.optional(),
  password: SecretRef.optional(),
  version: ImageTag.optional(),
} as const;

export const InfluxdbNode = nodeKind('influxdb', dataStoreFields);
export const ClickhouseNode = nodeKind('clickhouse', dataStoreFields);
export const PostgresNode = nodeKind('postgres', dataStoreFields);
export const RedisNode = nodeKind('redis', dataStoreFields);
export const MysqlNode = nodeKind('mysql', dataStoreFields);

const serviceFields = {
  replicas: REPLICAS.optional(),
  port: Port.optional(),
  version: ImageTag.optional(),
} as const;

export const LokiNode = nodeKind('loki', { ...serviceFields, retention: Duration.optional() });
export const TempoNode = nodeKind('tempo', { ...serviceFields, retention: Duration.optional() });
export const PromtailNode = nodeKind('promtail', {
  ...serviceFields,
  paths: list(HostPathGlob, BOUNDS.promtailPaths, 'log paths').optional(),
  labels: Labels.optional(),
});
export const MimirNode = nodeKind('mimir', serviceFields);
export const ThanosQueryNode = nodeKind('thanos-query', serviceFields);
export const ThanosStoreNode = nodeKind('thanos-store', serviceFields);
export const ThanosCompactorNode = nodeKind('thanos-compactor', {
  ...serviceFields,
  retention: Duration.optional(),
});
export const ObjectStoreNode = nodeKind('object-store', {
  port: Port.optional(),
  version: ImageTag.optional(),
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name' })
    .optional(),
  accessKey: SecretRef.optional(),
  secretKey: SecretRef.optional(),
});

export const NODE_SCHEMAS = {
  prometheus: PrometheusNode,
  alertmanager: AlertmanagerNode,
  grafana: GrafanaNode,
  targets: TargetsNode,
  influxdb: InfluxdbNode,
  clickhouse: ClickhouseNode,
  postgres: PostgresNode,
  redis: RedisNode,
  mysql: MysqlNode,
  loki: LokiNode,
  tempo: TempoNode,
  promtail: PromtailNode,
  mimir: MimirNode,
  'thanos-query': ThanosQueryNode,
  'thanos-store': ThanosStoreNode,
  'thanos-compactor': ThanosCompactorNode,
  'object-store': ObjectStoreNode,
} as const;

export type NodeKind = keyof typeof NODE_SCHEMAS;
const nodeKindNames = Object.keys(NODE_SCHEMAS) as NodeKind[];

export const TopologyNode = z.discriminatedUnion('kind', [
  PrometheusNode,
  AlertmanagerNode,
  GrafanaNode,
  TargetsNode,
  InfluxdbNode,
  ClickhouseNode,
  PostgresNode,
  RedisNode,
  MysqlNode,
  LokiNode,
  TempoNode,
  PromtailNode,
  MimirNode,
  ThanosQueryNode,
  ThanosStoreNode,
  ThanosCompactorNode,
  ObjectStoreNode,
]);

function edgeKind<K extends string, S extends z.ZodRawShape>(kind: K, fields: S) {
  return z.strictObject({
    id: Id,
    kind: z.literal(kind),
    from: Id,
    to: Id,
    ...fields,
    notes: z.string().optional(),
    suppress: z.array(RuleId).optional(),
  });
}

export const ShardPartition = z.strictObject({
  modulus: z
    .number()
    .int()
    .min(1)
    .max(BOUNDS.shardModulus, {
      message: `must be at most ${BOUNDS.shardModulus}, as many shards as a node may have`,
    }),
  index: z
    .number()
    .int()
    .min(0)
    .max(BOUNDS.shardModulus - 1, {
      message: `must be less than ${BOUNDS.shardModulus}, the largest modulus`,
    }),
});

export const ScrapeEdge = edgeKind('scrape', {
  job: z.string().min(1).optional(),
  interval: Duration.optional(),
  timeout: Duration.optional(),
  metricsPath: UrlPath.optional(),
  shard: ShardPartition.optional(),
  ...scrapeOptionFields,
});

export const FederateEdge = edgeKind('federate', {
  match: list(z.string().min(1), BOUNDS.federateMatch, 'selectors').min(1, {
    message: 'needs at least one selector',
  }),
  honorLabels: z.boolean().optional(),
  interval: Duration.optional(),
  timeout: Duration.optional(),
});

export const AlertingEdge = edgeKind('alerting', {});

export const DatasourceEdge = edgeKind('datasource', {
  default: z.boolean().optional(),
  name: z.string().min(1).optional(),
  token: SecretRef.optional(),
});

export const BackendEdge = edgeKind('backend', {});

/** Prometheus queue_config keys, by their Prometheus names. */
export const QueueConfig = z.strictObject({
  capacity: z.number().int().min(1).optional(),
  max_shards: z.number().int().min(1).optional(),
  min_shards: z.number().int().min(1).optional(),
  max_samples_per_send: z.number().int().min(1).optional(),
  batch_send_deadline: Duration.optional(),
  min_backoff: Duration.optional(),
  max_backoff: Duration.optional(),
  retry_on_http_429: z.boolean().optional(),
});

export const RemoteWriteEdge = edgeKind('remote-write', { queue: QueueConfig.optional() });
export const LogsEdge = edgeKind('logs', {});
export const StoreEdge = edgeKind('store', {});
export const ObjstoreEdge = edgeKind('objstore', {});

export const EDGE_SCHEMAS = {
  scrape: ScrapeEdge,
  federate: FederateEdge,
  alerting: AlertingEdge,
  datasource: DatasourceEdge,
  backend: BackendEdge,
  'remote-write': RemoteWriteEdge,
  logs: LogsEdge,
  store: StoreEdge,
  objstore: ObjstoreEdge,
} as const;

export type EdgeKind = keyof typeof EDGE_SCHEMAS;

export const TopologyEdge = z.discriminatedUnion('kind', [
  ScrapeEdge,
  FederateEdge,
  AlertingEdge,
  DatasourceEdge,
  BackendEdge,
  RemoteWriteEdge,
  LogsEdge,
  StoreEdge,
  ObjstoreEdge,
]);

export const Group = z.strictObject({
  id: Id,
  label: z.string().optional(),
  externalLabels: Labels.optional(),
  /** The group stands for a cluster or datacenter: its own overlay in the Kubernetes export. */
  cluster: z.boolean().optional(),
  position: Position.optional(),
  size: Size.optional(),
  notes: z.string().optional(),
});

/** Keys of `images:`: every node kind that runs a container, each exporter, and the sidecar. */
export const IMAGE_KEYS = [
  ...nodeKindNames.filter((k) => k !== 'targets'),
  'node-exporter',
  'cadvisor',
  'blackbox',
  'thanos-sidecar',
] as const;
export type ImageKey =
  Exclude<NodeKind, 'targets'> | 'node-exporter' | 'cadvisor' | 'blackbox' | 'thanos-sidecar';

export const Images = z.strictObject(
  Object.fromEntries(IMAGE_KEYS.map((k) => [k, ImageRef.optional()])) as Record<
    ImageKey,
    z.ZodOptional<typeof ImageRef>
  >,
);

export const TopologySchema = z
  .strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal('Topology'),
    metadata: z.strictObject({
      name: Name,
      description: z.string().optional(),
    }),
    defaults: z
      .strictObject({
        scrapeInterval: Duration.optional(),
        scrapeTimeout: Duration.optional(),
        evaluationInterval: Duration.optional(),
        metaMonitoring: z.boolean().optional(),
      })
      .optional(),
    images: Images.optional(),
    groups: list(Group, BOUNDS.groups, 'groups').optional(),
    nodes: list(TopologyNode, BOUNDS.nodes, 'nodes'),
    edges: list(TopologyEdge, BOUNDS.edges, 'edges').optional(),
  })
  .superRefine(
    (t, ctx) => {
      // Arithmetic before anything expands the instances (reference checks, validate, export).
      const counts = t.nodes.map(containerCount);
      const total = counts.reduce((a, b) => a + b, 0);
      if (total <= BOUNDS.designContainers) return;
      const largest = counts.indexOf(Math.max(...counts));
      ctx.addIssue({
        code: 'custom',
        path: ['nodes', largest],
        message: `the design would run ${total.toLocaleString('en')} containers (this node ${(counts[largest] ?? 0).toLocaleString('en')}); a design holds at most ${BOUNDS.designContainers.toLocaleString('en')}: lower replicas, shards or labCount`,
      });
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export type Topology = z.infer<typeof TopologySchema>;
export type TopologyNode = z.infer<typeof TopologyNode>;
export type TopologyEdge = z.infer<typeof TopologyEdge>;
export type Group = z.infer<typeof Group>;
export type NodeOf<K extends NodeKind> = Extract<TopologyNode, { kind: K }>;
export type EdgeOf<K extends EdgeKind> = Extract<TopologyEdge, { kind: K }>;
export type Receiver = z.infer<typeof Receiver>;
export type RecordingRule = z.infer<typeof RecordingRule>;
export type AlertRule = z.infer<typeof AlertRule>;
