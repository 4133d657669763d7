import type { CapacityEstimate } from '../capacity.ts';
import type { Draft, Rule } from '../rule.ts';

/** Active series one Prometheus server is expected to hold comfortably (FAQ, RP-RAM). */
export const MAX_SERIES_PER_SERVER = 5_000_000;

/** `6.2 million`, `850 thousand`. */
function about(n: number): string {
  if (n >= 1e6) return `${Number((n / 1e6).toFixed(1))} million`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} thousand`;
  return String(Math.round(n));
}

/** Head memory, binary gigabytes written as GB (3 kB per series, RP-RAM). */
function memory(bytes: number): string {
  return `${Math.round(bytes / 2 ** 30)} GB`;
}

function breakdown(c: CapacityEstimate): string {
  const parts: string[] = [];
  if (c.federatedSeriesPerInstance > 0)
    parts.push(`${about(c.federatedSeriesPerInstance)} federated`);
  if (c.recordedSeriesPerInstance > 0) parts.push(`${about(c.recordedSeriesPerInstance)} recorded`);
  return parts.length === 0 ? '' : `, ${parts.join(' and ')}`;
}

export const capSeries: Rule = {
  id: 'cap-series',
  severity: 'warning',
  area: 'capacity',
  when: 'estimated active series on one server exceed 5 million (scraped targets per shard x series per target of the exporter, plus federated and recorded series)',
  why: 'Head memory grows with active series at about 3 kB each, so such a server needs tens of GB of RAM, is slow to query and restart, and is one OOM kill away from losing its data.',
  fix: 'Shard it (`shards`, or hashmod partitions), or split it by use (one server per team or exporter); on a federator, federate aggregates only.',
  sources: ['FAQ', 'RP-RAM'],
  check(f) {
    const out: Draft[] = [];
    for (const p of f.prometheus) {
      const c = f.capacity.get(p.id);
      if (!c || c.seriesPerInstance <= MAX_SERIES_PER_SERVER) continue;
      const shards = p.shards ?? 1;
      // Only scraped series shrink with shards; federated and recorded ones stay on every server.
      const fixed = c.seriesPerInstance - c.scrapedSeriesPerInstance;
      const explicit = f.graph.outgoing(p.id, 'scrape').some((e) => e.shard);
      const needed =
        !explicit && c.scrapedSeriesPerInstance > 0 && fixed < MAX_SERIES_PER_SERVER
          ? Math.ceil((c.scrapedSeriesPerInstance * shards) / (MAX_SERIES_PER_SERVER - fixed))
          : 0;
      out.push({
        message: `${p.name} holds about ${about(c.seriesPerInstance)} active series per server${breakdown(c)} (about ${memory(c.memoryBytesPerInstance)} of head memory at 3 kB per series)`,
        nodes: [p.id],
        edges: [],
        ...(needed > shards
          ? {
              fix: `Shard ${p.name} into at least ${needed} servers (shards: ${needed}), or split it by use.`,
            }
          : {}),
      });
    }
    return out;
  },
};
