import type { ExportTarget } from '../export-target.ts';
import type { Topology } from '../model/schema.ts';
import { capacityReport, type CapacityEstimate } from './capacity.ts';
import { computeFacts } from './facts.ts';
import type { Rule } from './rule.ts';
import { RULES } from './rules/index.ts';
import type { Finding, Severity } from './types.ts';

export interface ValidationReport {
  findings: Finding[];
  capacity: CapacityEstimate[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ValidateOptions {
  /** The export target chosen: rules for another target are skipped. */
  target?: ExportTarget;
}

export function validate(
  t: Topology,
  rules: readonly Rule[] = RULES,
  options: ValidateOptions = {},
): ValidationReport {
  const facts = computeFacts(t);
  const suppressedBy = new Map<string, ReadonlySet<string>>();
  for (const n of t.nodes) if (n.suppress?.length) suppressedBy.set(n.id, new Set(n.suppress));
  for (const e of t.edges ?? [])
    if (e.suppress?.length) suppressedBy.set(e.id, new Set(e.suppress));
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.target !== undefined && rule.target !== options.target) continue;
    for (const d of rule.check(facts)) {
      // Accepted by the user on any node or edge it names: reported, but marked suppressed.
      const suppressed = [...d.nodes, ...d.edges].some((id) => suppressedBy.get(id)?.has(rule.id));
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        message: d.message,
        nodes: d.nodes,
        edges: d.edges,
        fix: d.fix ?? rule.fix,
        ...(suppressed ? { suppressed: true } : {}),
      });
    }
  }
  findings.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
  return { findings, capacity: capacityReport(facts) };
}
