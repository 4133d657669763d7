import type { ImageKey } from '../model/schema.ts';

/**
 * Upstream images, pinned. A design's `images:` and, in the lab, FEDSTUDIO_IMAGE_<KEY> environment
 * variables override them.
 */
export const DEFAULT_IMAGES: Record<ImageKey, string> = {
  prometheus: 'prom/prometheus:v3.5.0',
  alertmanager: 'prom/alertmanager:v0.28.1',
  grafana: 'grafana/grafana:12.1.1',
  'node-exporter': 'prom/node-exporter:v1.9.1',
  cadvisor: 'gcr.io/cadvisor/cadvisor:v0.52.1',
  blackbox: 'prom/blackbox-exporter:v0.27.0',
  influxdb: 'influxdb:1.11.8',
  clickhouse: 'clickhouse/clickhouse-server:25.3',
  postgres: 'postgres:17.5',
  redis: 'redis:7.4.5',
  mysql: 'mysql:8.4.6',
  loki: 'grafana/loki:3.5.3',
  tempo: 'grafana/tempo:2.8.2',
  promtail: 'grafana/promtail:3.5.3',
  mimir: 'grafana/mimir:2.16.1',
  'thanos-query': 'quay.io/thanos/thanos:v0.39.2',
  'thanos-store': 'quay.io/thanos/thanos:v0.39.2',
  'thanos-compactor': 'quay.io/thanos/thanos:v0.39.2',
  'thanos-sidecar': 'quay.io/thanos/thanos:v0.39.2',
  'object-store': 'minio/minio:RELEASE.2025-07-23T15-54-02Z',
};

/** The environment variable that overrides an image kind, e.g. FEDSTUDIO_IMAGE_NODE_EXPORTER. */
export function imageEnvVar(key: ImageKey): string {
  return `FEDSTUDIO_IMAGE_${key.toUpperCase().replace(/-/g, '_')}`;
}
