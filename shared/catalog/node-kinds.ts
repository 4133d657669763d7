import type { Exporter, ImageKey, NodeKind } from '../model/schema.ts';

/** How a running instance tells it is healthy. */
export type HealthCheck =
  | { type: 'http'; path: string; port: number }
  | { type: 'command'; command: string[] }
  | { type: 'none' };

export interface NodeKindSpec {
  kind: NodeKind;
  label: string;
  /** Core kinds are supported fully by canvas, validator, exporter and lab (FORMAT.md). */
  tier: 'core' | 'extended';
  category:
    | 'prometheus'
    | 'alerting'
    | 'visualisation'
    | 'targets'
    | 'data-store'
    | 'logs-traces'
    | 'long-term';
  /** The port the service answers on inside its container. */
  port: number;
  /** Where it serves its own metrics, if it does. */
  metrics?: { port: number; path: string };
  image: ImageKey | null;
  health: HealthCheck;
  /** Whether `replicas` applies to this kind. */
  replicable: boolean;
  /** The UI a person opens in a browser, if any. */
  uiPath?: string;
}

const wget = (port: number, path: string): HealthCheck => ({ type: 'http', port, path });

export const NODE_KIND_SPECS: Record<NodeKind, NodeKindSpec> = {
  prometheus: {
    kind: 'prometheus',
    label: 'Prometheus',
    tier: 'core',
    category: 'prometheus',
    port: 9090,
    metrics: { port: 9090, path: '/metrics' },
    image: 'prometheus',
    health: wget(9090, '/-/ready'),
    replicable: true,
    uiPath: '/',
  },
  alertmanager: {
    kind: 'alertmanager',
    label: 'Alertmanager',
    tier: 'core',
    category: 'alerting',
    port: 9093,
    metrics: { port: 9093, path: '/metrics' },
    image: 'alertmanager',
    health: wget(9093, '/-/ready'),
    replicable: true,
    uiPath: '/',
  },
  grafana: {
    kind: 'grafana',
    label: 'Grafana',
    tier: 'core',
    category: 'visualisation',
    port: 3000,
    metrics: { port: 3000, path: '/metrics' },
    image: 'grafana',
    health: wget(3000, '/api/health'),
    replicable: true,
    uiPath: '/',
  },
  targets: {
    kind: 'targets',
    label: 'Targets',
    tier: 'core',
    category: 'targets',
    port: 9100,
    image: null,
    health: { type: 'none' },
    replicable: false,
  },
  influxdb: {
    kind: 'influxdb',
    label: 'InfluxDB',
    tier: 'core',
    category: 'data-store',
    port: 8086,
    metrics: { port: 8086, path: '/metrics' },
    image: 'influxdb',
    health: { type: 'command', command: ['influx', '-execute', 'SHOW DATABASES'] },
    replicable: false,
  },
  clickhouse: {
    kind: 'clickhouse',
    label: 'ClickHouse',
    tier: 'core',
    category: 'data-store',
    port: 8123,
    image: 'clickhouse',
    health: wget(8123, '/ping'),
    replicable: false,
  },
  postgres: {
    kind: 'postgres',
    label: 'PostgreSQL',
    tier: 'core',
    category: 'data-store',
    port: 5432,
    image: 'postgres',
    health: { type: 'command', command: ['pg_isready', '-U', 'postgres'] },
    replicable: false,
  },
  redis: {
    kind: 'redis',
    label: 'Redis',
    tier: 'core',
    category: 'data-store',
    port: 6379,
    image: 'redis',
    health: { type: 'command', command: ['redis-cli', 'ping'] },
    replicable: false,
  },
  mysql: {
    kind: 'mysql',
    label: 'MySQL',
    tier: 'extended',
    category: 'data-store',
    port: 3306,
    image: 'mysql',
    health: { type: 'command', command: ['mysqladmin', 'ping', '-h', 'localhost'] },
    replicable: false,
  },
  loki: {
    kind: 'loki',
    label: 'Loki',
    tier: 'extended',
    category: 'logs-traces',
    port: 3100,
    metrics: { port: 3100, path: '/metrics' },
    image: 'loki',
    health: wget(3100, '/ready'),
    replicable: true,
  },
  tempo: {
    kind: 'tempo',
    label: 'Tempo',
    tier: 'extended',
    category: 'logs-traces',
    port: 3200,
    metrics: { port: 3200, path: '/metrics' },
    image: 'tempo',
    health: wget(3200, '/ready'),
    replicable: true,
  },
  promtail: {
    kind: 'promtail',
    label: 'Promtail',
    tier: 'extended',
    category: 'logs-traces',
    port: 9080,
    metrics: { port: 9080, path: '/metrics' },
    image: 'promtail',
    // The image has neither wget nor curl.
    health: { type: 'none' },
    replicable: false,
  },
  mimir: {
    kind: 'mimir',
    label: 'Mimir',
    tier: 'extended',
    category: 'long-term',
    port: 9009,
    metrics: { port: 9009, path: '/metrics' },
    image: 'mimir',
    // The image has no shell and no wget.
    health: { type: 'none' },
    replicable: true,
  },
  'thanos-query': {
    kind: 'thanos-query',
    label: 'Thanos Query',
    tier: 'extended',
    category: 'long-term',
    port: 10902,
    metrics: { port: 10902, path: '/metrics' },
    image: 'thanos-query',
    health: wget(10902, '/-/ready'),
    replicable: true,
    uiPath: '/',
  },
  'thanos-store': {
    kind: 'thanos-store',
    label: 'Thanos Store',
    tier: 'extended',
    category: 'long-term',
    port: 10902,
    metrics: { port: 10902, path: '/metrics' },
    image: 'thanos-store',
    health: wget(10902, '/-/ready'),
    replicable: true,
  },
  'thanos-compactor': {
    kind: 'thanos-compactor',
    label: 'Thanos Compactor',
    tier: 'extended',
    category: 'long-term',
    port: 10902,
    metrics: { port: 10902, path: '/metrics' },
    image: 'thanos-compactor',
    health: wget(10902, '/-/ready'),
    replicable: true,
  },
  'object-store': {
    kind: 'object-store',
    label: 'Object store (S3)',
    tier: 'extended',
    category: 'long-term',
    port: 9000,
    metrics: { port: 9000, path: '/minio/v2/metrics/cluster' },
    image: 'object-store',
    health: wget(9000, '/minio/health/live'),
    replicable: false,
    uiPath: '/',
  },
};

/** GRPC port of Thanos components (sidecar, store, query). */
export const THANOS_GRPC_PORT = 10901;
/** HTTP port of the Thanos sidecar beside a Prometheus. */
export const THANOS_SIDECAR_HTTP_PORT = 10902;
/** Alertmanager's gossip port (FORMAT.md). */
export const ALERTMANAGER_CLUSTER_PORT = 9094;

export interface ExporterSpec {
  exporter: Exporter;
  label: string;
  port: number;
  metricsPath: string;
  image: ImageKey | null;
  /** Typical active series one target of this exporter exposes (for capacity estimates). */
  seriesPerTarget: number;
}

export const EXPORTER_SPECS: Record<Exporter, ExporterSpec> = {
  'node-exporter': {
    exporter: 'node-exporter',
    label: 'Node exporter',
    port: 9100,
    metricsPath: '/metrics',
    image: 'node-exporter',
    seriesPerTarget: 1000,
  },
  cadvisor: {
    exporter: 'cadvisor',
    label: 'cAdvisor',
    port: 8080,
    metricsPath: '/metrics',
    image: 'cadvisor',
    seriesPerTarget: 3000,
  },
  blackbox: {
    exporter: 'blackbox',
    label: 'Blackbox exporter',
    port: 9115,
    metricsPath: '/metrics',
    image: 'blackbox',
    seriesPerTarget: 100,
  },
  custom: {
    exporter: 'custom',
    label: 'Custom exporter',
    port: 8080,
    metricsPath: '/metrics',
    image: null,
    seriesPerTarget: 500,
  },
};
