import type { Draft, Rule } from '../rule.ts';
import { explicitGroups, listOf, outOfRange, unique, type Partition } from '../sharding-facts.ts';

const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);

export const shardIndexDuplicate: Rule = {
  id: 'shard-index-duplicate',
  severity: 'error',
  area: 'sharding',
  when: 'two explicit `shard` partitions of one target group keep the same index',
  why: 'Both servers scrape the same targets: load on the targets doubles, and wherever their series meet (federation, a query layer) they collide or double every sum.',
  fix: 'Use distinct indices, or model the copy as `replicas` of one Prometheus node.',
  sources: ['CONF'],
  check(f) {
    const out: Draft[] = [];
    for (const g of explicitGroups(f)) {
      // Replicas of one node are one partition (that is what `replicas` is for): compare edges.
      const byBucket = new Map<string, Partition[]>();
      for (const p of g.partitions) {
        const key = `${p.modulus}/${p.index}`;
        const list = byBucket.get(key);
        if (list) list.push(p);
        else byBucket.set(key, [p]);
      }
      const target = f.nameOf(g.targetsId);
      for (const list of byBucket.values()) {
        const first = list[0];
        // An index hashmod never yields scrapes nothing, twice or not: shard-modulus-mismatch.
        if (list.length < 2 || !first || outOfRange(first)) continue;
        const scrapers = unique(list.map((p) => p.scraperId));
        const bucket = `index ${first.index} of ${first.modulus}`;
        const message =
          scrapers.length === 1
            ? `${f.nameOf(first.scraperId)} keeps ${bucket} of ${target} on ${list.length} scrape edges, so those targets are scraped ${times(list.length)}`
            : `${listOf(scrapers.map((id) => f.nameOf(id)))} ${scrapers.length === 2 ? 'both' : 'all'} keep ${bucket} of ${target}, so those targets are scraped ${times(list.length)}`;
        out.push({
          message,
          nodes: [g.targetsId, ...scrapers],
          edges: list.map((p) => p.edgeId),
        });
      }
    }
    return out;
  },
};
