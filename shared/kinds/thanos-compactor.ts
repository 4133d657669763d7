import { ThanosCompactorNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const thanosCompactor: NodeKindModule<'thanos-compactor'> = {
  kind: 'thanos-compactor',
  label: 'Thanos Compactor',
  tier: 'extended',
  category: 'long-term',
  schema: ThanosCompactorNode,
  summary:
    'Thanos compactor: compacts and downsamples the blocks of its object store (one per store).',
  port: 10902,
  metrics: { port: 10902, path: '/metrics' },
  image: 'thanos-compactor',
  images: { 'thanos-compactor': 'quay.io/thanos/thanos:v0.39.2' },
  health: { type: 'http', port: 10902, path: '/-/ready' },
  replicable: true,
  selfSeries: 500,
};
