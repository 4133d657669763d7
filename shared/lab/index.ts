export * from './types.ts';
export * from './reports.ts';
export { planLab, labContainerName, labNetworkName, labVolumeName } from './plan.ts';
export { renderLabFiles } from './render.ts';
export { labEdges } from './edges.ts';
export { startOrder } from './order.ts';
