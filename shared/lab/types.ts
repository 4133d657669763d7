// The lab as data: what planLab decides, and what the runner reports back. The app, the
// CLI and the web host share these types; the runner (host/lab/) is the only code
// that turns them into Docker calls.
import type { FileTree } from '../generate/types.ts';
import type { ImageKey, NodeKind } from '../model/schema.ts';
import type { LabDifference } from './reports.ts';

/** Labels on every container, network and volume of a lab: `down` finds its things by them. */
export const LAB_LABEL = 'io.fedstudio.lab';
export const NODE_LABEL = 'io.fedstudio.node';
export const INSTANCE_LABEL = 'io.fedstudio.instance';
/** The config hash of a container: `up` after a design change recreates only those that differ. */
export const HASH_LABEL = 'io.fedstudio.config-hash';

/**
 * How the runner tells a container is healthy. HTTP probes go from the host through the published
 * port, because the lab's images may have no shell or wget to run a Docker HEALTHCHECK with.
 */
export type LabHealth =
  | { type: 'http'; containerPort: number; path: string }
  /** A command run by Docker's own HEALTHCHECK (images that ship the tool, e.g. pg_isready). */
  | { type: 'docker'; test: string[] }
  /** Running (and not exited) is all that can be known. */
  | { type: 'running' };

/** Where an image came from, so an error can say how to override it. */
export type ImageSource = 'default' | 'design' | 'env';

export interface LabContainer {
  /** The instance name: hostname and DNS alias on the lab's network. */
  instance: string;
  nodeId: string;
  kind: NodeKind;
  /** Docker's container name, unique on the engine. */
  containerName: string;
  imageKey: ImageKey;
  image: string;
  imageSource: ImageSource;
  /**
   * Only when the service must run a program of its own (a script); otherwise the image's own
   * ENTRYPOINT runs `command`, so an image that keeps its program elsewhere still works.
   */
  entrypoint?: string[];
  /** Arguments for the image's program. */
  command?: string[];
  /** Values may hold `${VAR}` references, filled from the lab's .env by the runner. */
  environment: Record<string, string>;
  /** Folders or files of the lab folder (relative paths) mounted read-only. */
  binds: { source: string; target: string }[];
  /** Absolute host paths mounted read-only (cAdvisor, Promtail). */
  hostBinds: { source: string; target: string }[];
  /** Docker volume names (already prefixed with the lab) and where they are mounted. */
  volumes: { name: string; target: string }[];
  /** Variables whose value is mounted as /run/secrets/<VAR> from the lab folder's secrets/<VAR>. */
  secrets: string[];
  /** Container ports, published on 127.0.0.1 on free host ports chosen at launch. */
  ports: { name: string; container: number; preferredHost: number }[];
  /** The port a person opens (the first one) and the path of its UI, when the kind has one. */
  ui?: { containerPort: number; path: string };
  health: LabHealth;
  /** Instance names that must be healthy before this one starts. */
  dependsOn: string[];
  user?: string;
  labels: Record<string, string>;
  /** Hash of everything above that shapes the container, and of the files it mounts. */
  configHash: string;
}

/** A scrape or federate edge as the scraping servers see it: one job on each of them. */
export interface LabEdge {
  id: string;
  kind: 'scrape' | 'federate';
  from: string;
  to: string;
  /** Instances of the `from` node; each runs the job, over its own part of the targets when sharded. */
  scrapers: string[];
  /** The job name, which is the scrape pool in /api/v1/targets. */
  job: string;
  /**
   * The edge's own targets (host:port) when its job is shared: a federate job lists every source
   * of its federator, and each federate edge is one source's part of it.
   */
  targets?: string[];
  /**
   * No lab container stands for the edge's targets (real addresses, a custom exporter): the lab
   * cannot know them up, so `lab up --wait` does not wait for it.
   */
  external?: boolean;
}

/** A variable the lab must give a value to in its local .env. */
export interface LabVar {
  name: string;
  /** `url` vars get a harmless URL (configs validate them as URLs); the others random text. */
  kind: 'url' | 'secret';
}

/** A config the runner renders on the host with variable values (no shell in the container). */
export interface LabRenderedFile {
  /** Path in the lab folder. */
  path: string;
  /** YAML text; every string equal to a placeholder is replaced by its variable's value. */
  template: string;
  placeholders: Record<string, string>;
}

export interface LabPlan {
  /** metadata.name of the design. */
  name: string;
  network: string;
  /** Labels of the network and volumes (and every container's, with the node and instance). */
  labels: Record<string, string>;
  /** Generated files to write into the lab folder (no .env: the lab writes its own). */
  files: FileTree;
  rendered: LabRenderedFile[];
  vars: LabVar[];
  containers: LabContainer[];
  volumes: string[];
  /** Instance names, each after everything it depends on. */
  startOrder: string[];
  edges: LabEdge[];
  /** Where the lab's configs differ from the export's: nowhere else. */
  differences: LabDifference[];
}

export interface PlanOptions {
  /** FEDSTUDIO_IMAGE_<KEY> values (the host passes its environment; the core reads none). */
  imageOverrides?: Record<string, string | undefined>;
}
