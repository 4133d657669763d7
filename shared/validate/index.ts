import type { Topology } from '../model/schema.ts';
import { validate } from './engine.ts';
import type { Finding } from './types.ts';

export type { Finding, Severity } from './types.ts';
import { capacityReport, type CapacityEstimate } from './capacity.ts';
import { computeFacts } from './facts.ts';
export type { CapacityEstimate } from './capacity.ts';
export type { Rule } from './rule.ts';
export { validate, type ValidationReport } from './engine.ts';
export { RULES, ruleById } from './rules/index.ts';

/** Capacity estimates of every Prometheus node (for the inspector). */
export function capacityOf(t: Topology): CapacityEstimate[] {
  return capacityReport(computeFacts(t));
}

/** The findings of every rule of RULES.md on a design that parsed. */
export function validateTopology(t: Topology): Finding[] {
  return validate(t).findings;
}
