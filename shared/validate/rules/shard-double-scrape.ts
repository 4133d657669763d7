import type { Draft, Rule } from '../rule.ts';
import { listOf, unique } from '../sharding-facts.ts';

export const shardDoubleScrape: Rule = {
  id: 'shard-double-scrape',
  severity: 'warning',
  area: 'sharding',
  when: 'a targets node is scraped by two or more Prometheus nodes without `shard` partitions',
  why: 'Every target is scraped by each of them: the load on the targets multiplies, and the copies differ only by external labels, so anything that merges them (federation, a query layer) double-counts or has to deduplicate.',
  fix: 'Shard it with `shard: { modulus, index }` partitions, or make one Prometheus node with `replicas: 2` if the copy is meant for high availability.',
  sources: ['SEED-004'],
  check(f) {
    const out: Draft[] = [];
    for (const t of f.graph.nodesOfKind('targets')) {
      const edges = f.graph.incoming(t.id, 'scrape');
      const whole = edges.filter((e) => !e.shard);
      if (whole.length === 0) continue;
      const scrapers = unique(edges.map((e) => e.from));
      if (scrapers.length < 2) continue;
      const wholeScrapers = unique(whole.map((e) => e.from));
      const whollyScraped = new Set(wholeScrapers);
      const partial = scrapers.filter((id) => !whollyScraped.has(id));
      const names = (ids: string[]) => listOf(ids.map((id) => f.nameOf(id)));
      const message =
        partial.length === 0
          ? `${t.name} is scraped whole by ${names(wholeScrapers)}, so each of its targets is scraped ${wholeScrapers.length === 2 ? 'twice' : `${wholeScrapers.length} times`}`
          : `${t.name} is scraped whole by ${names(wholeScrapers)} and in part by ${names(partial)}, so the partitioned targets are scraped twice`;
      out.push({
        message,
        nodes: [t.id, ...scrapers],
        edges: edges.map((e) => e.id),
      });
    }
    return out;
  },
};
