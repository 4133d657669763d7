import { federators, listNames } from '../federation-facts.ts';
import type { Rule } from '../rule.ts';

export const fedPartialShardGroup: Rule = {
  id: 'fed-partial-shard-group',
  severity: 'warning',
  area: 'federation',
  when: 'a federator federates some but not all servers of a shard group (node `shards`, or explicit `shard` partitions of one target group)',
  why: 'Each shard scrapes only its hashmod slice of the targets, so a federator that misses one shard silently aggregates a fraction of the fleet: totals come out too low and the missing targets never show up anywhere above the shards.',
  fix: 'Federate every server of the shard group (every scraper that keeps a `shard` partition of the target group), or none of them.',
  sources: ['SEED 002'],
  check(f) {
    // A node with `shards` is always federated whole (the exporter lists all its instances), so
    // only explicit partitions, spread over several scraper nodes, can be federated in part.
    const out = [];
    for (const g of f.shardGroups) {
      if (g.kind !== 'explicit') continue;
      const scrapers = [...new Set(g.partitions.map((p) => p.scraperId))];
      if (scrapers.length < 2) continue;
      for (const { federator, sources } of federators(f)) {
        const federated = scrapers.filter((id) => sources.has(id));
        if (federated.length === 0) continue;
        // A federator that scrapes a partition itself already holds that slice.
        const missing = scrapers.filter((id) => !sources.has(id) && id !== federator);
        if (missing.length === 0) continue;
        const names = (ids: string[]) => listNames(ids.map((id) => f.nameOf(id)));
        out.push({
          message: `${f.nameOf(federator)} federates ${names(federated)} but not ${names(missing)}, so it sees only part of ${f.nameOf(g.targetsId)}, which they split by hashmod`,
          nodes: [federator, ...missing, ...federated, g.targetsId],
          edges: [
            ...federated.flatMap((id) => (sources.get(id) ?? []).map((e) => e.id)),
            ...g.partitions.filter((p) => missing.includes(p.scraperId)).map((p) => p.edgeId),
          ],
          fix: `Federate ${names(missing)} from ${f.nameOf(federator)} as well, or none of the shards of ${f.nameOf(g.targetsId)}.`,
        });
      }
    }
    return out;
  },
};
