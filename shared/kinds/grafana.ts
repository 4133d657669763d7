import { GrafanaNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const grafana: NodeKindModule<'grafana'> = {
  kind: 'grafana',
  label: 'Grafana',
  tier: 'core',
  category: 'visualisation',
  schema: GrafanaNode,
  summary:
    'Grafana: its data sources come from its `datasource` edges, its database from a `backend` edge.',
  port: 3000,
  metrics: { port: 3000, path: '/metrics' },
  image: 'grafana',
  images: { grafana: 'grafana/grafana:12.1.1' },
  health: { type: 'http', port: 3000, path: '/api/health' },
  replicable: true,
  uiPath: '/',
  selfSeries: 1500,
  exportFolder: {
    name: 'grafana',
    says: 'Grafana provisioning: data sources, dashboards, settings',
  },
};
