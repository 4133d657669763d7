import { PrometheusNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

/** GRPC port of Thanos components (sidecar, store, query). */
export const THANOS_GRPC_PORT = 10901;
/** HTTP port of the Thanos sidecar beside a Prometheus. */
export const THANOS_SIDECAR_HTTP_PORT = 10902;

export const prometheus: NodeKindModule<'prometheus'> = {
  kind: 'prometheus',
  label: 'Prometheus',
  tier: 'core',
  category: 'prometheus',
  schema: PrometheusNode,
  summary:
    'Prometheus servers: `replicas` x `shards` of them, each with its rule files; a Thanos sidecar beside each with `thanosSidecar`.',
  port: 9090,
  metrics: { port: 9090, path: '/metrics' },
  image: 'prometheus',
  images: {
    prometheus: 'prom/prometheus:v3.5.0',
    'thanos-sidecar': 'quay.io/thanos/thanos:v0.39.2',
  },
  health: { type: 'http', port: 9090, path: '/-/ready' },
  replicable: true,
  uiPath: '/',
  selfSeries: 1500,
  exportFolder: {
    name: 'prometheus',
    says: 'One folder per Prometheus server: `prometheus.yml` and its rule files',
  },
};
