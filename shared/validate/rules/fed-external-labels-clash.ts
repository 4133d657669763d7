import { federators, formatLabels, labelsKey, listNames } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedExternalLabelsClash: Rule = {
  id: 'fed-external-labels-clash',
  severity: 'error',
  area: 'federation',
  when: 'two sources of one federator have identical effective external labels (replicas of one node excepted: they differ by `replica`)',
  why: "With identical external labels, the same series from two sources arrive on the federator under one identity: their samples interleave or are rejected as duplicates, and aggregates from one datacenter overwrite the other's.",
  fix: "Make each source's external labels unique, e.g. a distinct `datacenter` on each node or group.",
  sources: ['RP'],
  check(f) {
    const out = [];
    for (const { federator, sources } of federators(f)) {
      // Sources without labels of their own are fed-external-labels-missing's findings.
      const labelled = [...sources.keys()].filter(
        (id) => f.node(id) && Object.keys(f.nodeLabels(id)).length > 0,
      );
      // Label set of any server -> the source nodes that have a server with it.
      const owners = new Map<string, { labels: Record<string, string>; nodes: string[] }>();
      for (const id of labelled) {
        for (const labels of f.instanceLabels(id)) {
          const key = labelsKey(labels);
          const o = owners.get(key);
          if (!o) owners.set(key, { labels, nodes: [id] });
          // Each node's servers come one after another: only the last owner can be this node.
          else if (o.nodes[o.nodes.length - 1] !== id) o.nodes.push(id);
        }
      }
      // One finding per set of clashing sources, with the first label set they share.
      const reported = new Set<string>();
      for (const { labels, nodes } of owners.values()) {
        if (nodes.length < 2) continue;
        const key = nodes.join('\n');
        if (reported.has(key)) continue;
        reported.add(key);
        const names = listNames(nodes.map((id) => f.nameOf(id)));
        out.push({
          message: `${f.nameOf(federator)} federates ${names}, which have servers with the same external labels ${formatLabels(labels)}, so their series collide`,
          nodes: [...nodes, federator],
          edges: nodes.flatMap((id) => (sources.get(id) ?? []).map((e) => e.id)),
        });
      }
    }
    return out;
  },
};
