// Node kinds and edge kinds: one module each (shared/kinds/<kind>.ts, edges.ts), gathered in
// registries typed over the schema's kind unions. The generators per kind are in
// shared/generate/kinds.ts, the canvas and inspector pieces in renderer/src/kinds/.
export type { Category, HealthCheck } from './types.ts';
export { NODE_KINDS, nodeKinds, type NodeKindRegistry } from './nodes.ts';
export {
  allowedEdgeKinds,
  type DataSourceKind,
  EDGE_KINDS,
  edgeKinds,
  inferEdgeKind,
  pairingProblem,
  type EdgeKindRegistry,
} from './edges.ts';
export { DEFAULT_IMAGES, imageEnvVar } from './images.ts';
export { EXPORTER_SPECS } from './targets.ts';
export { THANOS_GRPC_PORT, THANOS_SIDECAR_HTTP_PORT } from './prometheus.ts';
export { ALERTMANAGER_CLUSTER_PORT } from './alertmanager.ts';
