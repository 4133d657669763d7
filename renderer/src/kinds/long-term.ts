// Long-term storage: Mimir beside the servers, Thanos Query above them, the bucket side below.
import mimirIcon from '../../../assets/icons/mimir.svg?raw';
import objectStoreIcon from '../../../assets/icons/object-store.svg?raw';
import thanosCompactorIcon from '../../../assets/icons/thanos-compactor.svg?raw';
import thanosQueryIcon from '../../../assets/icons/thanos-query.svg?raw';
import thanosStoreIcon from '../../../assets/icons/thanos-store.svg?raw';
import { port, retention, secret, service, version } from './field-spec.ts';
import type { NodeKindView } from './types.ts';

export const mimir: NodeKindView<'mimir'> = {
  kind: 'mimir',
  icon: mimirIcon,
  fields: service,
  layout: 'servers',
};
export const thanosQuery: NodeKindView<'thanos-query'> = {
  kind: 'thanos-query',
  icon: thanosQueryIcon,
  fields: service,
  layout: 'query',
};
export const thanosStore: NodeKindView<'thanos-store'> = {
  kind: 'thanos-store',
  icon: thanosStoreIcon,
  fields: service,
  layout: 'storage',
};
export const thanosCompactor: NodeKindView<'thanos-compactor'> = {
  kind: 'thanos-compactor',
  icon: thanosCompactorIcon,
  fields: [...service, retention],
  layout: 'storage',
};
export const objectStore: NodeKindView<'object-store'> = {
  kind: 'object-store',
  icon: objectStoreIcon,
  fields: [
    port,
    version,
    { key: 'bucket', label: 'Bucket', type: 'text' },
    secret('accessKey', 'Access key'),
    secret('secretKey', 'Secret key'),
  ],
  layout: 'storage',
};
