import { ThanosStoreNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const thanosStore: NodeKindModule<'thanos-store'> = {
  kind: 'thanos-store',
  label: 'Thanos Store',
  tier: 'extended',
  category: 'long-term',
  schema: ThanosStoreNode,
  summary: 'Thanos store gateway: serves the blocks of its object store to Thanos Query.',
  port: 10902,
  metrics: { port: 10902, path: '/metrics' },
  image: 'thanos-store',
  images: { 'thanos-store': 'quay.io/thanos/thanos:v0.39.2' },
  health: { type: 'http', port: 10902, path: '/-/ready' },
  replicable: true,
  selfSeries: 800,
};
