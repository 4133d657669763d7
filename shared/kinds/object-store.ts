import { ObjectStoreNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const objectStore: NodeKindModule<'object-store'> = {
  kind: 'object-store',
  label: 'Object store (S3)',
  tier: 'extended',
  category: 'long-term',
  schema: ObjectStoreNode,
  summary:
    'An S3 bucket (MinIO in the export and the lab) for Thanos, Mimir, Loki and Tempo blocks.',
  port: 9000,
  metrics: { port: 9000, path: '/minio/v2/metrics/cluster' },
  image: 'object-store',
  images: { 'object-store': 'minio/minio:RELEASE.2025-07-23T15-54-02Z' },
  health: { type: 'http', port: 9000, path: '/minio/health/live' },
  replicable: false,
  selfSeries: 800,
  uiPath: '/',
  exportFolder: {
    name: 'thanos',
    says: 'Thanos bucket configs (`objstore-<object store>.yml`) for sidecars, store gateways and compactors',
  },
  nameStem: 'minio',
};
