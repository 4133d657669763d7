import type { Draft, Rule } from '../rule.ts';

/** Targets one Prometheus server scrapes comfortably (SEED-004). */
export const MAX_TARGETS_PER_SERVER = 10_000;

export const capTargets: Rule = {
  id: 'cap-targets',
  severity: 'warning',
  area: 'capacity',
  when: 'one server scrapes more than 10,000 targets',
  why: 'Past about 10K targets a single server struggles to finish its scrapes within the interval: scrapes are skipped or time out and series go missing.',
  fix: 'Shard by hashmod (`shards` on the node, or explicit `shard` partitions) so each server scrapes at most 10,000 targets.',
  sources: ['SEED-004'],
  check(f) {
    const out: Draft[] = [];
    for (const p of f.prometheus) {
      const c = f.capacity.get(p.id);
      if (!c || c.targetsPerInstance <= MAX_TARGETS_PER_SERVER) continue;
      const shards = p.shards ?? 1;
      const needed = Math.ceil((c.targetsPerInstance * shards) / MAX_TARGETS_PER_SERVER);
      out.push({
        message: `${p.name} scrapes about ${c.targetsPerInstance.toLocaleString('en-US')} targets per server, more than the 10,000 one server handles`,
        nodes: [p.id],
        edges: [],
        // Explicit partitions on its edges override the node's `shards`: then the general fix.
        ...(f.graph.outgoing(p.id, 'scrape').some((e) => e.shard)
          ? {}
          : { fix: `Shard ${p.name} into at least ${needed} servers (shards: ${needed}).` }),
      });
    }
    return out;
  },
};
