import { PostgresNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const postgres: NodeKindModule<'postgres'> = {
  kind: 'postgres',
  label: 'PostgreSQL',
  tier: 'core',
  category: 'data-store',
  schema: PostgresNode,
  summary: 'A PostgreSQL server: a Grafana data source, or the database of replicated Grafanas.',
  port: 5432,
  image: 'postgres',
  images: { postgres: 'postgres:17.5' },
  health: { type: 'command', command: ['pg_isready', '-U', 'postgres'] },
  replicable: false,
  urlScheme: 'postgresql',
};
