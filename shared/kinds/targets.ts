import { TargetsNode, type Exporter, type ImageKey } from '../model/schema.ts';
import type { NodeKindModule } from './types.ts';

export interface ExporterSpec {
  exporter: Exporter;
  label: string;
  port: number;
  metricsPath: string;
  image: ImageKey | null;
  /** Typical active series one target of this exporter exposes (for capacity estimates). */
  seriesPerTarget: number;
}

export const EXPORTER_SPECS: Record<Exporter, ExporterSpec> = {
  'node-exporter': {
    exporter: 'node-exporter',
    label: 'Node exporter',
    port: 9100,
    metricsPath: '/metrics',
    image: 'node-exporter',
    seriesPerTarget: 1000,
  },
  cadvisor: {
    exporter: 'cadvisor',
    label: 'cAdvisor',
    port: 8080,
    metricsPath: '/metrics',
    image: 'cadvisor',
    seriesPerTarget: 3000,
  },
  blackbox: {
    exporter: 'blackbox',
    label: 'Blackbox exporter',
    port: 9115,
    metricsPath: '/metrics',
    image: 'blackbox',
    seriesPerTarget: 100,
  },
  custom: {
    exporter: 'custom',
    label: 'Custom exporter',
    port: 8080,
    metricsPath: '/metrics',
    image: null,
    seriesPerTarget: 500,
  },
};

export const targets: NodeKindModule<'targets'> = {
  kind: 'targets',
  label: 'Targets',
  tier: 'core',
  category: 'targets',
  schema: TargetsNode,
  summary:
    'A group of scrape targets of one exporter: `count` machines in the design, a few real exporters in the lab.',
  port: 9100,
  image: null,
  images: {
    'node-exporter': 'prom/node-exporter:v1.9.1',
    cadvisor: 'gcr.io/cadvisor/cadvisor:v0.52.1',
    blackbox: 'prom/blackbox-exporter:v0.27.0',
  },
  health: { type: 'none' },
  replicable: false,
  nameStem: 'node',
  starter: { exporter: 'node-exporter', count: 3, port: EXPORTER_SPECS['node-exporter'].port },
};
