// The export targets, as plain names: the host API, the export dialog and the validator's
// target-specific rules import these without pulling in the generators.
export const EXPORT_TARGETS = ['compose', 'kubernetes'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
export const DEFAULT_EXPORT_TARGET: ExportTarget = 'compose';
