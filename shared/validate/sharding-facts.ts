// Derived facts the sharding rules share: the explicit `shard` partitions of each target group,
// who scrapes a group whole, and how partitions and lists are written in a message.
import type { EdgeOf } from '../model/schema.ts';
import type { Facts, ShardGroup } from './facts.ts';

export type ExplicitGroup = Extract<ShardGroup, { kind: 'explicit' }>;
export type Partition = ExplicitGroup['partitions'][number];

/** Every target group split by explicit `shard: { modulus, index }` partitions. */
export function explicitGroups(f: Facts): ExplicitGroup[] {
  return f.shardGroups.filter((g): g is ExplicitGroup => g.kind === 'explicit');
}

/** The moduli a group's partitions use, in order of first use. */
export function moduliOf(g: ExplicitGroup): number[] {
  return [...new Set(g.partitions.map((p) => p.modulus))];
}

/** A partition whose index can never come out of hashmod by its modulus. */
export function outOfRange(p: Partition): boolean {
  return p.index < 0 || p.index >= p.modulus;
}

/** Scrape edges to a node that carry no explicit partition (they scrape the whole group). */
export function wholeScrapes(f: Facts, targetsId: string): EdgeOf<'scrape'>[] {
  return f.graph.incoming(targetsId, 'scrape').filter((e) => !e.shard);
}

/** Distinct values in order of first appearance. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The scrapers of a group's partitions, by name, without repeats. */
export function scraperNames(f: Facts, partitions: readonly Partition[]): string {
  return listOf(unique(partitions.map((p) => f.nameOf(p.scraperId))));
}

/** `prometheus-a keeps 1 of 3`: what one partition does, for messages. */
export function describePartition(f: Facts, p: Partition): string {
  return `${f.nameOf(p.scraperId)} keeps ${p.index} of ${p.modulus}`;
}

/** A label set as PromQL writes it, keys sorted: `{datacenter="eu", replica="0"}`. */
export function labelText(labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k] ?? '')}`);
  return parts.length === 0 ? 'no external labels' : `{${parts.join(', ')}}`;
}

/** A canonical key for comparing label sets. */
export function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k]]),
  );
}
