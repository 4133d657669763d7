// The data stores: one form, each its own icon; they sit beside the Grafanas that use them.
import clickhouseIcon from '../../../assets/icons/clickhouse.svg?raw';
import influxdbIcon from '../../../assets/icons/influxdb.svg?raw';
import mysqlIcon from '../../../assets/icons/mysql.svg?raw';
import postgresIcon from '../../../assets/icons/postgres.svg?raw';
import redisIcon from '../../../assets/icons/redis.svg?raw';
import { port, secret, version, type FieldSpec } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

const fields: FieldSpec[] = [
  port,
  { key: 'database', label: 'Database', type: 'text' },
  { key: 'user', label: 'User', type: 'text' },
  secret('password', 'Password'),
  version,
];

export const influxdb: NodeKindView<'influxdb'> = {
  kind: 'influxdb',
  icon: influxdbIcon,
  fields,
  layout: 'beside-users',
};
export const clickhouse: NodeKindView<'clickhouse'> = {
  kind: 'clickhouse',
  icon: clickhouseIcon,
  fields,
  layout: 'beside-users',
};
export const postgres: NodeKindView<'postgres'> = {
  kind: 'postgres',
  icon: postgresIcon,
  fields,
  layout: 'beside-users',
};
export const redis: NodeKindView<'redis'> = {
  kind: 'redis',
  icon: redisIcon,
  fields,
  layout: 'beside-users',
};
export const mysql: NodeKindView<'mysql'> = {
  kind: 'mysql',
  icon: mysqlIcon,
  fields,
  layout: 'beside-users',
};
