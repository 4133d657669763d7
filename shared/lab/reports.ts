// What a lab reports back: progress events while `up` and `down` run, and the status of its
// containers and edges. Defined once, as schemas: the runner produces these, the host API carries
// them (HTTP or IPC) and the renderer checks what arrives against the same schemas.
import { z } from 'zod';

export const LAB_EVENT_TYPES = [
  'plan',
  'files',
  'network',
  'volume',
  'pull',
  'create',
  'reuse',
  'remove',
  'start',
  'healthy',
  'edges',
  'cleanup',
  'error',
  'done',
] as const;

/** Progress of `up` and `down`, for the CLI's log lines and the app's progress view. */
export const LabEvent = z.object({
  type: z.enum(LAB_EVENT_TYPES),
  instance: z.string().optional(),
  message: z.string(),
});
export type LabEvent = z.infer<typeof LabEvent>;

export const InstanceState = z.enum([
  'running',
  'created',
  'restarting',
  'exited',
  'paused',
  'dead',
  'missing',
]);
export type InstanceState = z.infer<typeof InstanceState>;

export const InstanceHealth = z.enum(['healthy', 'unhealthy', 'starting', 'unknown']);
export type InstanceHealth = z.infer<typeof InstanceHealth>;

export const InstanceStatus = z.object({
  node: z.string(),
  name: z.string(),
  state: InstanceState,
  health: InstanceHealth,
  /** The UI (or main port) on 127.0.0.1, when the container publishes one. */
  url: z.string().nullable(),
});
export type InstanceStatus = z.infer<typeof InstanceStatus>;

export const EdgeStatus = z.object({
  id: z.string(),
  /** Targets no lab container stands for (real addresses, a custom exporter): never waited for. */
  external: z.boolean().optional(),
  /** Targets of the edge's job, over every scraping instance, whose last scrape succeeded. */
  up: z.number(),
  /** Targets whose last scrape failed or that have not been scraped yet. */
  down: z.number(),
  lastError: z.string().nullable(),
});
export type EdgeStatus = z.infer<typeof EdgeStatus>;

/** One way a lab config differs from the exported one, and why. */
export const LabDifference = z.object({
  /** The Prometheus node whose servers' configs differ. */
  server: z.string(),
  job: z.string(),
  edgeId: z.string(),
  /** The node the job scrapes. */
  nodeId: z.string(),
  /** Lab files that differ from the export's (paths relative to the folder). */
  files: z.array(z.string()),
  /** What differs, in words. */
  changes: z.array(z.string()),
});
export type LabDifference = z.infer<typeof LabDifference>;

export const LabStatus = z.object({
  name: z.string(),
  instances: z.array(InstanceStatus),
  edges: z.array(EdgeStatus),
  /** Where the running lab's configs differ from the export (from its plan). */
  differences: z.array(LabDifference).optional(),
});
export type LabStatus = z.infer<typeof LabStatus>;

/** An edge is up when some target answers and none fails. */
export function isEdgeUp(e: EdgeStatus): boolean {
  return e.up > 0 && e.down === 0;
}
