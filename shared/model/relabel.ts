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

const DEFAULTS = { regex: '(.*)', separator: ';', replacement: '$1' } as const;
/** Prometheus's pattern for target_label and labelmap replacement: names with $1 / ${name} parts. */
const RELABEL_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const set = (v: string | undefined, dflt: string) => v !== undefined && v !== dflt;

/**
 * Why Prometheus would refuse a relabel step (its relabel.Config.Validate, 2.42 to 3.x), one
 * sentence each; empty when it accepts it. `re2` says why a regex is not RE2.
 */
export function relabelProblems(r: RelabelConfig, re2: (p: string) => string | null): string[] {
  const action = r.action ?? 'replace';
  const out: string[] = [];
  if (r.regex !== undefined) {
    const problem = re2(r.regex);
    if (problem) out.push(`regex ${JSON.stringify(r.regex)} is not RE2: ${problem}`);
  }
  const needsTarget = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
  if (needsTarget.includes(action) && r.target_label === undefined) {
    out.push(`${action} needs target_label`);
  }
  if (action === 'hashmod' && r.modulus === undefined) out.push('hashmod needs modulus');
  const target = r.target_label;
  if (target !== undefined) {
    const plain = action !== 'replace';
    if (!(plain ? LABEL_NAME : RELABEL_TARGET).test(target)) {
      out.push(
        `target_label ${JSON.stringify(target)} is not a label name${plain ? '' : ' (with $1 or ${name} parts)'}`,
      );
    }
  }
  if (action === 'labelmap' && r.replacement !== undefined && !RELABEL_TARGET.test(r.replacement)) {
    out.push(`labelmap replacement ${JSON.stringify(r.replacement)} is not a label name pattern`);
  }
  if (['lowercase', 'uppercase'].includes(action) && set(r.replacement, DEFAULTS.replacement)) {
    out.push(`${action} takes no replacement`);
  }
  if (['keepequal', 'dropequal'].includes(action)) {
    const extra =
      set(r.regex, DEFAULTS.regex) ||
      set(r.separator, DEFAULTS.separator) ||
      set(r.replacement, DEFAULTS.replacement) ||
      r.modulus !== undefined;
    if (extra) out.push(`${action} takes only source_labels and target_label`);
  }
  if (['labeldrop', 'labelkeep'].includes(action)) {
    const extra =
      r.source_labels !== undefined ||
      r.target_label !== undefined ||
      set(r.separator, DEFAULTS.separator) ||
      set(r.replacement, DEFAULTS.replacement) ||
      r.modulus !== undefined;
    if (extra) out.push(`${action} takes only regex`);
  }
  return out;
}
