export * from './images.ts';
export * from './node-kinds.ts';
export * from './edge-kinds.ts';
