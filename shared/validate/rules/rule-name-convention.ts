import type { Draft, Rule } from '../rule.ts';

/**
 * Why a recording rule's name is not `level:metric:operations`, or null if it is. The name is
 * already a classic metric name: the schema refuses others when the design is read.
 */
export function nameProblem(record: string): string | null {
  const parts = record.split(':');
  if (parts.length !== 3)
    return `has ${parts.length} ":"-separated parts instead of three (level:metric:operations)`;
  if (parts.some((p) => p === ''))
    return 'has an empty part where level:metric:operations needs three';
  return null;
}

export const ruleNameConvention: Rule = {
  id: 'rule-name-convention',
  severity: 'warning',
  area: 'rules',
  when: "a recording rule's name is not `level:metric:operations`",
  why: 'Federation selectors such as {__name__=~"job:.*"} and the raw-series checks rely on aggregates being named level:metric:operations; a recording named otherwise is either left out of the global view or mistaken for a raw series.',
  fix: 'rename it to level:metric:operations, e.g. job:node_cpu_seconds:rate5m (aggregation level, metric name, operations newest first)',
  sources: ['RULES'],
  check(facts) {
    const out: Draft[] = [];
    for (const p of facts.prometheus) {
      for (const r of p.recordingRules ?? []) {
        const problem = nameProblem(r.record);
        if (problem === null) continue;
        out.push({
          message: `${p.name}'s recording rule ${r.record} ${problem}`,
          nodes: [p.id],
          edges: [],
        });
      }
    }
    return out;
  },
};
