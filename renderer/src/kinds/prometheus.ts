import icon from '../../../assets/icons/prometheus.svg?raw';
import { replicas, retention } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

export const prometheus: NodeKindView<'prometheus'> = {
  kind: 'prometheus',
  icon,
  fields: [
    { ...replicas, hint: 'Identical HA copies; each gets a distinct replica label.' },
    {
      key: 'shards',
      label: 'Shards',
      type: 'int',
      min: 1,
      placeholder: '1',
      hint: 'hashmod shards of every target group it scrapes.',
    },
    { key: 'externalLabels', label: 'External labels', type: 'labels' },
    { key: 'scrapeInterval', label: 'Scrape interval', type: 'duration' },
    { key: 'evaluationInterval', label: 'Evaluation interval', type: 'duration' },
    { ...retention, placeholder: '15d' },
    { key: 'thanosSidecar', label: 'Thanos sidecar', type: 'bool' },
    { key: 'recordingRules', label: 'Recording rules', type: 'recordingRules' },
    { key: 'alertRules', label: 'Alert rules', type: 'alertRules' },
  ],
  layout: 'servers',
};
