import { ClickhouseNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const clickhouse: NodeKindModule<'clickhouse'> = {
  kind: 'clickhouse',
  label: 'ClickHouse',
  tier: 'core',
  category: 'data-store',
  schema: ClickhouseNode,
  summary: 'A ClickHouse server, a Grafana data source (its plugin, native protocol).',
  port: 8123,
  image: 'clickhouse',
  images: { clickhouse: 'clickhouse/clickhouse-server:25.3' },
  health: { type: 'http', port: 8123, path: '/ping' },
  replicable: false,
};
