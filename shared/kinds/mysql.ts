import { MysqlNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const mysql: NodeKindModule<'mysql'> = {
  kind: 'mysql',
  label: 'MySQL',
  tier: 'extended',
  category: 'data-store',
  schema: MysqlNode,
  summary: 'A MySQL server: a Grafana data source, or the database of replicated Grafanas.',
  port: 3306,
  image: 'mysql',
  images: { mysql: 'mysql:8.4.6' },
  health: { type: 'command', command: ['mysqladmin', 'ping', '-h', 'localhost'] },
  replicable: false,
  urlScheme: 'mysql',
};
