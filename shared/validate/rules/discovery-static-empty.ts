import type { Draft, Rule } from '../rule.ts';

export const discoveryStaticEmpty: Rule = {
  id: 'discovery-static-empty',
  severity: 'error',
  area: 'structure',
  when: 'a targets node uses `discovery: { type: static }` but lists no `addresses` (for a probe: no `probe.targets`)',
  why: 'Static discovery scrapes exactly the listed targets; with none, the production job scrapes nothing and its metrics and alerts silently never exist.',
  fix: 'List the addresses (or probe targets), or use `file` discovery, whose targets file the export writes for you to fill.',
  sources: [],
  check(f) {
    const out: Draft[] = [];
    for (const t of f.graph.nodesOfKind('targets')) {
      if (t.discovery?.type !== 'static') continue;
      const listed = t.exporter === 'blackbox' ? t.probe?.targets : t.addresses;
      if ((listed?.length ?? 0) > 0) continue;
      out.push({
        message: `${t.name} uses static discovery but lists no ${t.exporter === 'blackbox' ? 'probe targets' : 'addresses'}, so production scrapes nothing`,
        nodes: [t.id],
        edges: [],
      });
    }
    return out;
  },
};
