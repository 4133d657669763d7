import type { HealthCheck } from '../kinds/index.ts';
import type { ImageKey } from '../model/schema.ts';
import type { SecretRenderPlan } from './alertmanager-render.ts';

export interface HostMount {
  source: string;
  target: string;
}

/** Generated files: a path relative to the export folder -> its text. */
export type FileTree = Record<string, string>;

/**
 * One container of the design, as data: the exported docker-compose.yml and the lab
 * are both made from these, so the two can never disagree about what runs.
 */
export interface ServiceSpec {
  /** Instance name: compose service, container hostname and DNS name on the network. */
  name: string;
  /** The design node it stands for. */
  nodeId: string;
  imageKey: ImageKey;
  image: string;
  /** Arguments after the image's entrypoint (or after `entrypoint` when set). */
  command?: string[];
  entrypoint?: string[];
  /** Values may hold `${VAR}` references, interpolated by compose from `.env`. */
  environment?: Record<string, string>;
  /** Generated files or folders (paths in the FileTree) mounted read-only. */
  mounts: { source: string; target: string }[];
  /** Host paths mounted read-only, for the exporters that look at the host (cAdvisor, Promtail). */
  hostMounts?: HostMount[];
  /** Named volumes (per instance data). */
  volumes: { name: string; target: string }[];
  /** Secret files mounted at /run/secrets/<VAR>, read from ./secrets/<VAR>. */
  secrets?: string[];
  /** Ports published on 127.0.0.1; `main` is the one a person or the lab talks to. */
  ports: { container: number; name: string }[];
  health: HealthCheck;
  /** Services that must start first (names). */
  dependsOn: string[];
  user?: string;
  /**
   * Set when `entrypoint` is a `/bin/sh -c` script that renders webhook secrets into a config
   * before exec'ing the program: the same plan as data, so the lab (whose images may have no
   * shell) can render the file on the host and run `exec` directly.
   */
  secretRender?: SecretRenderPlan;
}

/** What one kind's generator contributes. */
export interface GeneratedPart {
  files: FileTree;
  services: ServiceSpec[];
  /** `${VAR}`s a generator needs beyond those the design references (e.g. a default admin password). */
  vars?: { name: string; why: string }[];
}

export interface ExportResult {
  files: FileTree;
  services: ServiceSpec[];
  /** Every variable of `.env.example`, with what uses it. */
  vars: { name: string; why: string }[];
}
