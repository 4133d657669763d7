import { TempoNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const tempo: NodeKindModule<'tempo'> = {
  kind: 'tempo',
  label: 'Tempo',
  tier: 'extended',
  category: 'logs-traces',
  schema: TempoNode,
  summary: 'Tempo, monolithic; traces go to an object store over an `objstore` edge.',
  port: 3200,
  metrics: { port: 3200, path: '/metrics' },
  image: 'tempo',
  images: { tempo: 'grafana/tempo:2.8.2' },
  health: { type: 'http', port: 3200, path: '/ready' },
  replicable: true,
  selfSeries: 2000,
  exportFolder: { name: 'tempo', says: 'Tempo configuration, one folder per Tempo node' },
};
