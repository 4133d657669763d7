// The export targets, as plain names: the host API and the export dialog import these without
// pulling in the generators.
export const EXPORT_TARGETS = ['compose', 'kubernetes'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
export const DEFAULT_EXPORT_TARGET: ExportTarget = 'compose';
