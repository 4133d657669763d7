// What one node kind or edge kind is, as data. Every kind has one module of this shape
// (shared/kinds/<kind>.ts); the registries (nodes.ts, edges.ts) are typed over the whole kind
// union, so a kind added to the schema does not compile until its module exists.
import type { z } from 'zod';
import type {
  EdgeKind,
  EdgeOf,
  ImageKey,
  NodeKind,
  NodeOf,
  TopologyNode,
} from '../model/schema.ts';

/** How a running instance tells it is healthy. */
export type HealthCheck =
  | { type: 'http'; path: string; port: number }
  | { type: 'command'; command: string[] }
  | { type: 'none' };

export type Category =
  | 'prometheus'
  | 'alerting'
  | 'visualisation'
  | 'targets'
  | 'data-store'
  | 'logs-traces'
  | 'long-term';

/** A design item's zod schema, with the shape its fields are listed from. */
type SchemaOf<T> = z.ZodType<T> & { shape: Record<string, unknown> };

export interface NodeKindModule<K extends NodeKind> {
  kind: K;
  label: string;
  /** Core kinds are supported fully by canvas, validator, exporter and lab (FORMAT.md). */
  tier: 'core' | 'extended';
  category: Category;
  /** The design fields of this kind (shared/model/schema.ts). */
  schema: SchemaOf<NodeOf<K>>;
  /** One sentence for docs/kinds.md: what a node of this kind stands for. */
  summary: string;
  /** The port the service answers on inside its container. */
  port: number;
  /** Where it serves its own metrics, if it does. */
  metrics?: { port: number; path: string };
  /** The image key of its main container, null when the kind runs none of its own. */
  image: ImageKey | null;
  /** Every image the kind runs, pinned; a design's `images:` and the lab's environment override them. */
  images: { readonly [I in ImageKey]?: string };
  health: HealthCheck;
  /** Whether `replicas` applies to this kind. */
  replicable: boolean;
  /** The UI a person opens in a browser, if any. */
  uiPath?: string;
  /** The URL scheme of its main port when it does not speak HTTP (the export's README). */
  urlScheme?: string;
  /** Typical series a scraped instance exposes about itself (capacity estimates); else 500. */
  selfSeries?: number;
  /** The top-level export folder the kind writes, with its line in the export's README. */
  exportFolder?: { name: string; says: string };
  /** The stem of a new node's name when it is not the kind itself. */
  nameStem?: string;
  /** Fields a node dropped from the palette starts with, beyond its id, name and position. */
  starter?: Partial<Omit<NodeOf<K>, 'id' | 'kind' | 'name' | 'position'>>;
}

export interface EdgeKindModule<K extends EdgeKind> {
  kind: K;
  /** The verb between the two ends: "scrapes", "federates". */
  label: string;
  /** The design fields of this kind (shared/model/schema.ts). */
  schema: SchemaOf<EdgeOf<K>>;
  /** One sentence for docs/kinds.md. */
  summary: string;
  /** Which node kinds may open this connection. */
  from: readonly NodeKind[];
  /** Which node kinds may answer it. */
  to: readonly NodeKind[];
  /** A further condition on the two nodes, with the words that explain it. */
  requires?: { test: (from: TopologyNode, to: TopologyNode) => boolean; says: string };
  /**
   * Rank among the kinds that fit a newly drawn edge (lower wins): a Prometheus drawn to a
   * Prometheus federates it rather than scrapes it.
   */
  intent: number;
}
