// Loki, Tempo and Promtail: servers beside the Prometheus servers, Promtail with the collectors.
import lokiIcon from '../../../assets/icons/loki.svg?raw';
import promtailIcon from '../../../assets/icons/promtail.svg?raw';
import tempoIcon from '../../../assets/icons/tempo.svg?raw';
import { labels, retention, service } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

export const loki: NodeKindView<'loki'> = {
  kind: 'loki',
  icon: lokiIcon,
  fields: [...service, retention],
  layout: 'servers',
};
export const tempo: NodeKindView<'tempo'> = {
  kind: 'tempo',
  icon: tempoIcon,
  fields: [...service, retention],
  layout: 'servers',
};
export const promtail: NodeKindView<'promtail'> = {
  kind: 'promtail',
  icon: promtailIcon,
  fields: [
    ...service,
    { key: 'paths', label: 'Log paths', type: 'strings', hint: 'One path per line.' },
    labels(),
  ],
  layout: 'collectors',
};
