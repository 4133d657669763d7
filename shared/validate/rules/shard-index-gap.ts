import type { Draft, Rule } from '../rule.ts';
import {
  explicitGroups,
  listOf,
  moduliOf,
  scraperNames,
  unique,
  wholeScrapes,
} from '../sharding-facts.ts';

/** At most this many missing indices are spelled out in a message. */
const LISTED = 6;

export const shardIndexGap: Rule = {
  id: 'shard-index-gap',
  severity: 'error',
  area: 'sharding',
  when: 'the indices of the explicit `shard` partitions of one target group leave some of `0..modulus-1` uncovered',
  why: 'Targets that hash to an index no server keeps are never scraped: they have no data, no `up` series and no alerts, and nothing reports them missing.',
  fix: 'Add the missing shard: a scrape edge (or a server) keeping each uncovered index.',
  sources: ['CONF'],
  check(f) {
    const out: Draft[] = [];
    for (const g of explicitGroups(f)) {
      const moduli = moduliOf(g);
      const modulus = moduli[0];
      // Disagreeing moduli are shard-modulus-mismatch; a whole scrape elsewhere covers every index.
      if (moduli.length !== 1 || modulus === undefined) continue;
      if (wholeScrapes(f, g.targetsId).length > 0) continue;
      const kept = new Set(g.partitions.map((p) => p.index));
      const missing: number[] = [];
      for (let i = 0; i < modulus; i++) if (!kept.has(i)) missing.push(i);
      if (missing.length === 0) continue;
      const target = f.nameOf(g.targetsId);
      const shown = missing.slice(0, LISTED).map(String);
      if (missing.length > LISTED) shown.push(`${missing.length - LISTED} more`);
      const which = missing.length === 1 ? 'index' : 'indices';
      out.push({
        message: `the shard partitions of ${target} by ${scraperNames(f, g.partitions)} leave ${which} ${listOf(shown)} of modulus ${modulus} uncovered, so about ${missing.length} in ${modulus} of its targets are never scraped`,
        nodes: [g.targetsId, ...unique(g.partitions.map((p) => p.scraperId))],
        edges: g.partitions.map((p) => p.edgeId),
        fix: `Add a scrape edge to ${target} keeping ${which} ${listOf(shown)} of ${modulus}.`,
      });
    }
    return out;
  },
};
