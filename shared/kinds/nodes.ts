// Every node kind's module, by kind. Typed over the schema's kind union: a kind added there does
// not compile until its module is listed here.
import type { NodeKind } from '../model/schema.ts';
import { alertmanager } from './alertmanager.ts';
import { clickhouse } from './clickhouse.ts';
import { grafana } from './grafana.ts';
import { influxdb } from './influxdb.ts';
import { loki } from './loki.ts';
import { mimir } from './mimir.ts';
import { mysql } from './mysql.ts';
import { objectStore } from './object-store.ts';
import { postgres } from './postgres.ts';
import { prometheus } from './prometheus.ts';
import { promtail } from './promtail.ts';
import { redis } from './redis.ts';
import { targets } from './targets.ts';
import { tempo } from './tempo.ts';
import { thanosCompactor } from './thanos-compactor.ts';
import { thanosQuery } from './thanos-query.ts';
import { thanosStore } from './thanos-store.ts';
import type { NodeKindModule } from './types.ts';

export type NodeKindRegistry = { readonly [K in NodeKind]: NodeKindModule<K> };

/** In FORMAT.md's order, which the palette, the docs and pairing messages follow. */
export const NODE_KINDS: NodeKindRegistry = {
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

/** Every node kind, in the registry's order. */
export const nodeKinds = (): NodeKind[] => Object.keys(NODE_KINDS) as NodeKind[];
