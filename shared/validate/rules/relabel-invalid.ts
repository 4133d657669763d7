import { re2Problem } from '../../model/fields.ts';
import { relabelProblems, type RelabelConfig } from '../../model/relabel.ts';
import type { Draft, Rule } from '../rule.ts';

export const relabelInvalid: Rule = {
  id: 'relabel-invalid',
  severity: 'error',
  area: 'structure',
  when: 'a `relabel` or `metricRelabel` step of a targets node or scrape edge is one Prometheus refuses: a regex that is not RE2 (lookarounds, backreferences), or an action without the fields it needs (`target_label` for replace, hashmod, lowercase, uppercase, keepequal, dropequal; `modulus` for hashmod) or with fields it forbids',
  why: 'Prometheus refuses to load a configuration with an invalid relabel step, so the server does not start (or keeps its old configuration on reload).',
  fix: 'Correct the step as the message says; Prometheus regexes are RE2 and anchored at both ends.',
  sources: ['CONF'],
  check(f) {
    const out: Draft[] = [];
    const report = (
      where: string,
      steps: RelabelConfig[] | undefined,
      key: string,
      ids: { nodes: string[]; edges: string[] },
    ) => {
      (steps ?? []).forEach((step, i) => {
        for (const problem of relabelProblems(step, re2Problem)) {
          out.push({ message: `${where} ${key}[${i}]: ${problem}`, ...ids });
        }
      });
    };
    for (const t of f.graph.nodesOfKind('targets')) {
      const ids = { nodes: [t.id], edges: [] };
      report(t.name, t.relabel, 'relabel', ids);
      report(t.name, t.metricRelabel, 'metricRelabel', ids);
    }
    for (const e of f.edgesOfKind('scrape')) {
      const ids = { nodes: [e.from, e.to], edges: [e.id] };
      const where = `the scrape edge ${e.id} (${f.nameOf(e.from)} to ${f.nameOf(e.to)})`;
      report(where, e.relabel, 'relabel', ids);
      report(where, e.metricRelabel, 'metricRelabel', ids);
    }
    return out;
  },
};
