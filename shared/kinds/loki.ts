import { LokiNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const loki: NodeKindModule<'loki'> = {
  kind: 'loki',
  label: 'Loki',
  tier: 'extended',
  category: 'logs-traces',
  schema: LokiNode,
  summary:
    'Loki, monolithic; replicas share a memberlist ring, chunks go to an object store over an `objstore` edge.',
  port: 3100,
  metrics: { port: 3100, path: '/metrics' },
  image: 'loki',
  images: { loki: 'grafana/loki:3.5.3' },
  health: { type: 'http', port: 3100, path: '/ready' },
  replicable: true,
  selfSeries: 3000,
  exportFolder: { name: 'loki', says: 'Loki configuration, one folder per Loki node' },
};
