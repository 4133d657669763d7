import icon from '../../../assets/icons/targets.svg?raw';
import { EXPORTERS } from '../../../shared/model/schema.ts';
import { labels, port, scrapeOptionFields, scrapeOptionYamlOnly } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

export const targets: NodeKindView<'targets'> = {
  kind: 'targets',
  icon,
  fields: [
    { key: 'exporter', label: 'Exporter', type: 'enum', options: EXPORTERS },
    {
      key: 'count',
      label: 'Count',
      type: 'int',
      min: 1,
      hint: 'How many targets this stands for.',
    },
    port,
    { key: 'metricsPath', label: 'Metrics path', type: 'path', placeholder: '/metrics' },
    labels(),
    {
      key: 'addresses',
      label: 'Addresses',
      type: 'strings',
      hint: 'Optional host:port per line; overrides count.',
    },
    { key: 'labCount', label: 'Lab count', type: 'int', min: 0, placeholder: 'min(count, 3)' },
    ...scrapeOptionFields,
  ],
  // How targets are found and probed: nested objects, edited as YAML (docs/format-extensions.md).
  yamlOnly: ['discovery', 'probe', ...scrapeOptionYamlOnly],
  layout: 'collectors',
};
