// The largest numbers a design may hold. Each is chosen from what a real fleet needs and what a
// laptop lab can start, so that reading, validating and exporting a design is bounded work: the
// schema refuses anything larger before anything iterates over it. docs/format-extensions.md has
// the table.
import { labStandsIn, type Discovery } from './discovery.ts';
import { labTargetCount, replicasOf, shardsOf, type ExpandingNode } from './instances.ts';

/** A node by the fields that decide its containers; every TopologyNode has them. */
interface CountedNode extends ExpandingNode {
  thanosSidecar?: boolean;
  exporter?: string;
  addresses?: readonly string[];
  count?: number;
  labCount?: number;
  discovery?: Discovery;
  probe?: { exporter?: string };
}

export const BOUNDS = {
  /** HA needs two or three copies; more is a mistake, and Alertmanager meshes every pair. */
  replicas: 10,
  /** Every shard is a full server in the export; hashmod fleets run tens of shards, not hundreds. */
  shards: 64,
  /** A design number for capacity estimates, never containers: a whole large fleet fits. */
  count: 1_000_000,
  /** Exporter containers a targets node starts: enough to see a scrape spread over several. */
  labCount: 20,
  /** Explicit `addresses` of one targets node, written into scrape configs verbatim. */
  addresses: 10_000,
  /** Recording rules, and separately alert rules, of one Prometheus node. */
  rulesPerNode: 1_000,
  receivers: 100,
  /** Child routes of one Alertmanager route, and matchers of one child route. */
  routes: 200,
  matchers: 20,
  plugins: 50,
  promtailPaths: 50,
  /** Selectors of one federate edge. */
  federateMatch: 100,
  /** Keys of one label or annotation set. */
  labels: 64,
  /** A fleet of a thousand servers with ten target groups each is 11,000 nodes: room for twice that. */
  nodes: 20_000,
  edges: 50_000,
  groups: 2_000,
  /** Modulus of an explicit scrape shard: as many shards as a node may have. */
  shardModulus: 64,
  /**
   * Containers of the whole exported stack (the lab runs the same): about 60 MB each at rest, so
   * a 16 GB laptop starts a couple of hundred; past this the lab cannot run (a warning: the
   * Kubernetes export of the same design is fine).
   */
  containers: 250,
  /** Host ports a compose stack or the lab can publish on one machine (1024-65535). */
  hostPorts: 64_512,
  /**
   * Containers a design may hold at all: past this, reading, validating and exporting it stop
   * being instant. Between `containers` and this, a design still opens, so it can be shrunk.
   */
  designContainers: 100_000,
} as const;

/**
 * How many containers a node runs in the lab (the export's services and the lab's stand-in
 * exporters), by arithmetic alone (no expansion).
 */
export function containerCount(node: CountedNode): number {
  if (node.kind === 'targets') {
    return labStandsIn(node) || node.exporter === 'blackbox' ? labTargetCount(node) : 0;
  }
  const servers = replicasOf(node) * shardsOf(node);
  return node.kind === 'prometheus' && node.thanosSidecar === true ? servers * 2 : servers;
}
