// Prometheus relabel_config objects, written in a design with Prometheus's own key names so they
// can be copied from (and into) any prometheus.yml. The shape is checked here; what Prometheus
// checks across fields (required per action, RE2 regexes) is the validator's `relabel-invalid`.
import { z } from 'zod';
import { LabelName } from './primitives.ts';

export const RELABEL_ACTIONS = [
  'replace',
  'keep',
  'drop',
  'keepequal',
  'dropequal',
  'hashmod',
  'labelmap',
  'labeldrop',
  'labelkeep',
  'lowercase',
  'uppercase',
] as const;
export type RelabelAction = (typeof RELABEL_ACTIONS)[number];

/** Steps of one relabel list; far above what hand-written jobs hold. */
export const RELABEL_MAX = 100;

export const RelabelConfig = z.strictObject({
  source_labels: z.array(LabelName).max(64).optional(),
  separator: z.string().optional(),
  target_label: z.string().min(1).optional(),
  regex: z.string().optional(),
  modulus: z.number().int().min(1).optional(),
  replacement: z.string().optional(),
  action: z.enum(RELABEL_ACTIONS).optional(),
});
export type RelabelConfig = z.infer<typeof RelabelConfig>;

export const RelabelList = z.array(RelabelConfig).max(RELABEL_MAX, {
  message: `at most ${RELABEL_MAX} relabel steps (docs/format-extensions.md)`,
});
