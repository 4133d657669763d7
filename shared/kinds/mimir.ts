import { MimirNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const mimir: NodeKindModule<'mimir'> = {
  kind: 'mimir',
  label: 'Mimir',
  tier: 'extended',
  category: 'long-term',
  schema: MimirNode,
  summary:
    'Mimir, monolithic: receives `remote-write`, keeps blocks in an object store or a local folder.',
  port: 9009,
  metrics: { port: 9009, path: '/metrics' },
  image: 'mimir',
  images: { mimir: 'grafana/mimir:2.16.1' },
  // The image has no shell and no wget.
  health: { type: 'none' },
  replicable: true,
  selfSeries: 5000,
  exportFolder: { name: 'mimir', says: 'Mimir configuration, one folder per Mimir node' },
};
