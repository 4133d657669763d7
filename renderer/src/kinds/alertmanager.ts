import icon from '../../../assets/icons/alertmanager.svg?raw';
import { replicas } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

export const alertmanager: NodeKindView<'alertmanager'> = {
  kind: 'alertmanager',
  icon,
  fields: [{ ...replicas, hint: 'Members of one gossip cluster. Route and receivers: YAML tab.' }],
  yamlOnly: ['route', 'receivers'],
  layout: 'beside-users',
};
