import { ThanosQueryNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const thanosQuery: NodeKindModule<'thanos-query'> = {
  kind: 'thanos-query',
  label: 'Thanos Query',
  tier: 'extended',
  category: 'long-term',
  schema: ThanosQueryNode,
  summary:
    'Thanos Query: one PromQL view over the sidecars and store gateways of its `store` edges.',
  port: 10902,
  metrics: { port: 10902, path: '/metrics' },
  image: 'thanos-query',
  images: { 'thanos-query': 'quay.io/thanos/thanos:v0.39.2' },
  health: { type: 'http', port: 10902, path: '/-/ready' },
  replicable: true,
  selfSeries: 800,
  uiPath: '/',
};
