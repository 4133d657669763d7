import { RedisNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const redis: NodeKindModule<'redis'> = {
  kind: 'redis',
  label: 'Redis',
  tier: 'core',
  category: 'data-store',
  schema: RedisNode,
  summary: 'A Redis server, a Grafana backend.',
  port: 6379,
  image: 'redis',
  images: { redis: 'redis:7.4.5' },
  health: { type: 'command', command: ['redis-cli', 'ping'] },
  replicable: false,
  urlScheme: 'redis',
};
