// What each kind of the palette is, in a sentence, and what it connects to: the palette's
// tooltips. Keyed by every kind, so a new kind without words does not compile.
import type { NodeKind } from '../../../shared/model/schema.ts';

export const KIND_DESCRIPTIONS: Record<NodeKind | 'group', string> = {
  prometheus:
    'Prometheus server: scrapes targets, evaluates rules, federates or remote-writes to others and sends alerts to Alertmanager.',
  alertmanager:
    'Alertmanager: receives alerts from Prometheus, groups and silences them, and notifies receivers (webhook, email, Slack).',
  grafana: 'Grafana: dashboards that query Prometheus, Loki, Tempo and other data sources.',
  targets:
    'Targets: a set of machines or services Prometheus scrapes (node exporter, cAdvisor, blackbox, your own exporter).',
  influxdb: 'InfluxDB: a time-series database, read by Grafana as a data source.',
  clickhouse: 'ClickHouse: a column-store database, read by Grafana as a data source.',
  postgres: 'PostgreSQL: a Grafana data source, or the database Grafana keeps its own state in.',
  redis: 'Redis: a cache Grafana can keep sessions and its own data in.',
  mysql: 'MySQL: a Grafana data source, or the database Grafana keeps its own state in.',
  loki: 'Loki: stores logs that Promtail ships; Grafana queries it.',
  tempo: 'Tempo: stores traces; Grafana queries it.',
  promtail: 'Promtail: reads log files on a host and ships them to Loki.',
  mimir: 'Mimir: long-term, horizontally scaled metrics storage that Prometheus remote-writes to.',
  'thanos-query':
    'Thanos Query: one query view over Prometheus sidecars and Thanos Store, deduplicating HA pairs.',
  'thanos-store':
    'Thanos Store: serves the metrics blocks kept in the object store to Thanos Query.',
  'thanos-compactor': 'Thanos Compactor: compacts and downsamples the blocks in the object store.',
  'object-store':
    'Object store (S3): the bucket Thanos sidecars, Mimir, Loki and Tempo upload blocks to.',
  group:
    'Group: a box for a datacenter, region or team. Nodes inside share its external labels; it can stand for a cluster.',
};
