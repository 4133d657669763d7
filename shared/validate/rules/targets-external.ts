import { labStandsIn } from '../../model/discovery.ts';
import type { NodeOf } from '../../model/schema.ts';
import type { Draft, Rule } from '../rule.ts';

/** Why no lab container can stand for a targets node, or null when one does. */
function whyExternal(t: NodeOf<'targets'>): string | null {
  if (t.exporter === 'blackbox') {
    return t.probe?.exporter !== undefined
      ? `its probes go through a blackbox exporter outside the stack (${t.probe.exporter})`
      : null;
  }
  if (labStandsIn(t)) return null;
  if (t.exporter === 'custom') return 'its exporter is custom, which no lab container can run';
  if (t.labCount === 0) return 'it sets labCount: 0';
  return 'its addresses are real hosts';
}

export const targetsExternal: Rule = {
  id: 'targets-external',
  severity: 'info',
  area: 'structure',
  when: 'a scraped targets node has nothing in the lab to stand for it: a custom exporter, `labCount: 0`, `addresses` listed for static or file discovery, or a probe through a blackbox exporter outside the stack',
  why: 'The lab cannot run or reach those targets, so their edges could only ever look down there; the lab marks them external instead and `lab up --wait` does not wait for them.',
  fix: "Nothing to fix for production. To see the edge up in the lab, use a catalog exporter (node-exporter, cAdvisor) without addresses, or a probe through the stack's own blackbox exporter.",
  sources: [],
  check(f) {
    const out: Draft[] = [];
    for (const t of f.graph.nodesOfKind('targets')) {
      const scrapes = f.graph.incoming(t.id, 'scrape');
      if (scrapes.length === 0) continue;
      const why = whyExternal(t);
      if (why === null) continue;
      out.push({
        message: `${t.name} is external to the lab: ${why}; the lab shows its scrapes as external and does not wait for them`,
        nodes: [t.id],
        edges: scrapes.map((e) => e.id),
      });
    }
    return out;
  },
};
