import { AlertmanagerNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

/** Alertmanager's gossip port (FORMAT.md). */
export const ALERTMANAGER_CLUSTER_PORT = 9094;

export const alertmanager: NodeKindModule<'alertmanager'> = {
  kind: 'alertmanager',
  label: 'Alertmanager',
  tier: 'core',
  category: 'alerting',
  schema: AlertmanagerNode,
  summary: 'An Alertmanager cluster: its replicas gossip with each other; route and receivers.',
  port: 9093,
  metrics: { port: 9093, path: '/metrics' },
  image: 'alertmanager',
  images: { alertmanager: 'prom/alertmanager:v0.28.1' },
  health: { type: 'http', port: 9093, path: '/-/ready' },
  replicable: true,
  uiPath: '/',
  selfSeries: 300,
  exportFolder: { name: 'alertmanager', says: 'Alertmanager configuration' },
  // An HA pair that can deliver somewhere from the start.
  starter: {
    replicas: 2,
    // A variable, not a made-up host: the export lists it in .env.example, the lab fills it.
    receivers: [{ name: 'oncall', type: 'webhook', url: '${ALERT_WEBHOOK_URL}' }],
  },
};
