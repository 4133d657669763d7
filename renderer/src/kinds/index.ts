// The canvas and inspector pieces of every node kind and edge kind, typed over the schema's kind
// unions: a kind added there does not compile until it has an icon, form fields and a layout row.
import type { EdgeKind, NodeKind } from '../../../shared/model/schema.ts';
import { alertmanager } from './alertmanager.ts';
import { clickhouse, influxdb, mysql, postgres, redis } from './data-stores.ts';
import {
  alerting,
  backend,
  datasource,
  federate,
  logs,
  objstore,
  remoteWrite,
  scrape,
  store,
} from './edges.ts';
import { grafana } from './grafana.ts';
import { loki, promtail, tempo } from './logs-traces.ts';
import { mimir, objectStore, thanosCompactor, thanosQuery, thanosStore } from './long-term.ts';
import { prometheus } from './prometheus.ts';
import { targets } from './targets.ts';
import type { EdgeKindView, NodeKindView } from './types.ts';

export type { LayoutRole } from './types.ts';
export type { FieldSpec } from './field-spec.ts';

export type NodeViewRegistry = { readonly [K in NodeKind]: NodeKindView<K> };
export type EdgeViewRegistry = { readonly [K in EdgeKind]: EdgeKindView<K> };

export const NODE_VIEWS: NodeViewRegistry = {
  prometheus,
  alertmanager,
  grafana,
  targets,
  influxdb,
  clickhouse,
  postgres,
  redis,
  mysql,
  loki,
  tempo,
  promtail,
  mimir,
  'thanos-query': thanosQuery,
  'thanos-store': thanosStore,
  'thanos-compactor': thanosCompactor,
  'object-store': objectStore,
};

export const EDGE_VIEWS: EdgeViewRegistry = {
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
