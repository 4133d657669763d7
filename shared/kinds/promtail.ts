import { PromtailNode } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export const promtail: NodeKindModule<'promtail'> = {
  kind: 'promtail',
  label: 'Promtail',
  tier: 'extended',
  category: 'logs-traces',
  schema: PromtailNode,
  summary: 'Promtail: ships the log files of its host (`paths`) to the Lokis of its `logs` edges.',
  port: 9080,
  metrics: { port: 9080, path: '/metrics' },
  image: 'promtail',
  images: { promtail: 'grafana/promtail:3.5.3' },
  // The image has neither wget nor curl.
  health: { type: 'none' },
  replicable: false,
  selfSeries: 500,
  exportFolder: {
    name: 'promtail',
    says: 'Promtail configuration: which log files go to which Loki',
  },
};
