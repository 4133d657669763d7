import type { Draft, Rule } from '../rule.ts';
import { explicitGroups, labelKey, labelText, listOf, unique } from '../sharding-facts.ts';

export const shardMissingLabel: Rule = {
  id: 'shard-missing-label',
  severity: 'error',
  area: 'sharding',
  when: 'servers that share one target group by explicit `shard` partitions have identical effective external labels',
  why: 'Their series carry the same labels, so wherever they meet (federation, a query layer, remote storage) the shards cannot be told apart and their series collide or overwrite each other.',
  fix: 'Give each sharing Prometheus node a distinct `shard` external label (e.g. `shard: "0"`, `shard: "1"`).',
  sources: ['OPER'],
  check(f) {
    const out: Draft[] = [];
    for (const g of explicitGroups(f)) {
      const scrapers = unique(g.partitions.map((p) => p.scraperId));
      if (scrapers.length < 2) continue;
      // Label set -> the scraper nodes that have a server with it.
      const holders = new Map<string, { labels: Record<string, string>; ids: string[] }>();
      for (const id of scrapers) {
        for (const labels of f.instanceLabels(id)) {
          const key = labelKey(labels);
          const h = holders.get(key);
          if (!h) holders.set(key, { labels, ids: [id] });
          else if (!h.ids.includes(id)) h.ids.push(id);
        }
      }
      // One finding per set of clashing nodes (replicas clash once per replica label otherwise).
      const reported = new Set<string>();
      for (const h of holders.values()) {
        if (h.ids.length < 2) continue;
        const set = JSON.stringify([...h.ids].sort());
        if (reported.has(set)) continue;
        reported.add(set);
        const target = f.nameOf(g.targetsId);
        out.push({
          message: `${listOf(h.ids.map((id) => f.nameOf(id)))} split ${target} by shard partitions but have servers with the same external labels (${labelText(h.labels)}), so their series cannot be told apart`,
          nodes: [...h.ids, g.targetsId],
          edges: g.partitions.filter((p) => h.ids.includes(p.scraperId)).map((p) => p.edgeId),
        });
      }
    }
    return out;
  },
};
