import type { Draft, Rule } from '../rule.ts';
import {
  describePartition,
  explicitGroups,
  listOf,
  moduliOf,
  outOfRange,
  unique,
} from '../sharding-facts.ts';

export const shardModulusMismatch: Rule = {
  id: 'shard-modulus-mismatch',
  severity: 'error',
  area: 'sharding',
  when: 'the explicit `shard` partitions of one target group disagree on `modulus`, or one has an index outside `0..modulus-1`',
  why: 'hashmod buckets of different moduli do not line up, so some targets are scraped twice and others never; an index at or above its modulus never matches, so that server scrapes nothing of the group.',
  fix: 'Give every partition of the target group the same modulus, equal to the number of shards, and indices from 0 to modulus-1.',
  sources: ['CONF', 'OPER'],
  check(f) {
    const out: Draft[] = [];
    for (const g of explicitGroups(f)) {
      const target = f.nameOf(g.targetsId);
      const moduli = moduliOf(g);
      if (moduli.length > 1) {
        out.push({
          message: `the shard partitions of ${target} disagree on modulus (${listOf(g.partitions.map((p) => describePartition(f, p)))}), so some of its targets are scraped twice and others never`,
          nodes: [g.targetsId, ...unique(g.partitions.map((p) => p.scraperId))],
          edges: g.partitions.map((p) => p.edgeId),
        });
      }
      for (const p of g.partitions.filter(outOfRange)) {
        const scraper = f.nameOf(p.scraperId);
        out.push({
          message: `${scraper} keeps index ${p.index} of modulus ${p.modulus} of ${target}, which hashmod never yields, so ${scraper} scrapes none of its targets`,
          nodes: [p.scraperId, g.targetsId],
          edges: [p.edgeId],
          fix: `Set the index of ${scraper}'s partition of ${target} to a free value from 0 to ${p.modulus - 1}.`,
        });
      }
    }
    return out;
  },
};
