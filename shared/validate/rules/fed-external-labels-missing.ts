import { listNames } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedExternalLabelsMissing: Rule = {
  id: 'fed-external-labels-missing',
  severity: 'error',
  area: 'federation',
  when: "a federated source has no effective external labels (counting its group's and its own; the generated `shard` / `replica` labels alone do not identify a source)",
  why: "External labels are what the source adds on /federate to say where a series comes from; without them its series on the federator cannot be told from another source's series of the same name, which collide or silently overwrite each other as soon as a second source is federated.",
  fix: 'Give every federated source a unique label such as `datacenter`, on the node or on its group (`externalLabels: { datacenter: eu-west-1 }`).',
  sources: ['RP'],
  check(f) {
    // By target in design order: one finding per source, naming all who federate it.
    const bySource = new Map<string, { federators: Set<string>; edges: string[] }>();
    for (const e of f.edgesOfKind('federate')) {
      let s = bySource.get(e.to);
      if (!s) bySource.set(e.to, (s = { federators: new Set(), edges: [] }));
      s.federators.add(e.from);
      s.edges.push(e.id);
    }
    const out = [];
    for (const [source, s] of bySource) {
      const federators = [...s.federators];
      const edges = s.edges;
      // Group and node labels only: every replicated node has replica="0", every sharded one
      // shard="0", so those generated labels never say which source a series came from.
      if (Object.keys(f.nodeLabels(source)).length > 0) continue;
      const generated = Object.keys(f.instanceLabels(source)[0] ?? {});
      const only =
        generated.length > 0
          ? ` besides the generated ${generated.join(' and ')} label${generated.length > 1 ? 's' : ''}`
          : '';
      out.push({
        message: `${f.nameOf(source)} is federated by ${listNames(federators.map((id) => f.nameOf(id)))} but has no external labels${only}, so its series cannot be told from other sources'`,
        nodes: [source, ...federators],
        edges,
      });
    }
    return out;
  },
};
