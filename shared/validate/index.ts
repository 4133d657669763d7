import type { Topology } from '../model/schema.ts';
import { validate } from './engine.ts';
import type { Finding } from './types.ts';

export type { Finding, Severity } from './types.ts';
export type { CapacityEstimate } from './capacity.ts';
export type { Rule } from './rule.ts';
export { validate, type ValidationReport } from './engine.ts';
export { RULES, ruleById } from './rules/index.ts';

/** The findings of every rule of RULES.md on a design that parsed. */
export function validateTopology(t: Topology): Finding[] {
  return validate(t).findings;
}
