import { InfluxdbNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const influxdb: NodeKindModule<'influxdb'> = {
  kind: 'influxdb',
  label: 'InfluxDB',
  tier: 'core',
  category: 'data-store',
  schema: InfluxdbNode,
  summary: 'An InfluxDB 1.x server, a Grafana data source (InfluxQL).',
  port: 8086,
  metrics: { port: 8086, path: '/metrics' },
  image: 'influxdb',
  images: { influxdb: 'influxdb:1.11.8' },
  health: { type: 'command', command: ['influx', '-execute', 'SHOW DATABASES'] },
  replicable: false,
  selfSeries: 500,
};
