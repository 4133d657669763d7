import icon from '../../../assets/icons/grafana.svg?raw';
import { replicas, secret } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

export const grafana: NodeKindView<'grafana'> = {
  kind: 'grafana',
  icon,
  fields: [
    { ...replicas, hint: 'More than 1 needs a backend edge to postgres or mysql.' },
    secret('adminPassword', 'Admin password'),
    { key: 'plugins', label: 'Plugins', type: 'strings', hint: 'One plugin id per line.' },
  ],
  layout: 'top',
};
