// `lab status`: each instance's state, health and URL from the engine and a probe through its
// published port; each scrape and federate edge's targets from its scraping servers'
// /api/v1/targets, matched by the job names the core gave the edges (lab.json).
import { z } from 'zod';
import { PROMETHEUS_PORT } from '../../shared/generate/prometheus-scrape.ts';
import {
  isEdgeUp,
  type EdgeStatus,
  type InstanceHealth,
  InstanceState,
  type InstanceStatus,
  type LabEvent,
  type LabStatus,
} from '../../shared/lab/reports.ts';
import { INSTANCE_LABEL, NODE_LABEL } from '../../shared/lab/types.ts';
import { HEALTH_LABEL, UI_LABEL } from './create.ts';
import {
  type ContainerInspect,
  type Docker,
  connectDocker,
  inspectContainer,
  labContainers,
  publishedPort,
  throwIfAborted,
} from './docker.ts';
import { explainDockerError, fromDocker } from './docker-errors.ts';
import { LabError, errorText } from './errors.ts';
import { labDir, readLabRecord } from './folder.ts';
import { sleep } from './health.ts';
import { type ActiveTarget, activeTargets, httpOk, localUrl } from './probe.ts';

export interface StatusOptions {
  docker?: Docker;
  stateDir?: string;
}

const Health = z.discriminatedUnion('type', [
  z.object({ type: z.literal('http'), containerPort: z.number(), path: z.string() }),
  z.object({ type: z.literal('docker'), test: z.array(z.string()) }),
  z.object({ type: z.literal('running') }),
]);
const Ui = z.object({ containerPort: z.number(), path: z.string() });

function parseLabel<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function healthOf(
  info: ContainerInspect,
  label: string | undefined,
): Promise<InstanceHealth> {
  if (!info.State.Running) return info.State.Status === 'created' ? 'starting' : 'unhealthy';
  const h = parseLabel(Health, label);
  if (!h) return 'unknown';
  if (h.type === 'running') return 'healthy';
  if (h.type === 'docker') {
    const s = info.State.Health?.Status;
    return s === 'healthy' ? 'healthy' : s === 'starting' ? 'starting' : 'unhealthy';
  }
  const port = publishedPort(info, h.containerPort);
  return port !== undefined && (await httpOk(localUrl(port, h.path))) ? 'healthy' : 'unhealthy';
}

/** host:port of a target, from its scrape URL. */
function targetAddress(t: ActiveTarget): string {
  try {
    return t.scrapeUrl ? new URL(t.scrapeUrl).host : '';
  } catch {
    return '';
  }
}

export async function status(name: string, opts: StatusOptions = {}): Promise<LabStatus> {
  try {
    return await readStatus(name, opts);
  } catch (e) {
    throw fromDocker(e) ? explainDockerError(e, { action: 'read' }) : e;
  }
}

async function readStatus(name: string, opts: StatusOptions): Promise<LabStatus> {
  const docker = await connectDocker(opts.docker);
  const summaries = await labContainers(docker, name);
  const infos = new Map<string, ContainerInspect>();
  const instances: InstanceStatus[] = await Promise.all(
    summaries.map(async (s) => {
      const instance = s.Labels?.[INSTANCE_LABEL] ?? s.Names[0]?.replace(/^\//, '') ?? s.Id;
      const info = await inspectContainer(docker, s.Id);
      infos.set(instance, info);
      const ui = parseLabel(Ui, s.Labels?.[UI_LABEL]);
      const port = ui ? publishedPort(info, ui.containerPort) : undefined;
      // Docker's own states are the schema's, but for `missing`, which only the lab says.
      const known = InstanceState.safeParse(info.State.Status);
      const state = known.success && known.data !== 'missing' ? known.data : 'dead';
      return {
        node: s.Labels?.[NODE_LABEL] ?? '',
        name: instance,
        state,
        health: await healthOf(info, s.Labels?.[HEALTH_LABEL]),
        url: ui && port !== undefined ? localUrl(port, ui.path) : null,
      };
    }),
  );
  instances.sort((a, b) => a.name.localeCompare(b.name));

  const record = await readLabRecord(labDir(name, opts.stateDir));
  const targets = new Map<string, Promise<ActiveTarget[]>>();
  const targetsOf = (scraper: string) => {
    let p = targets.get(scraper);
    if (!p) {
      const info = infos.get(scraper);
      const port = info?.State.Running ? publishedPort(info, PROMETHEUS_PORT) : undefined;
      p =
        port === undefined
          ? Promise.reject(new Error(`${scraper} is not running`))
          : activeTargets(port);
      p.catch(() => undefined);
      targets.set(scraper, p);
    }
    return p;
  };
  const edges: EdgeStatus[] = await Promise.all(
    (record?.edges ?? []).map(async (e) => {
      const out: EdgeStatus = {
        id: e.id,
        ...(e.external === true ? { external: true } : {}),
        up: 0,
        down: 0,
        lastError: null,
      };
      for (const scraper of e.scrapers) {
        try {
          for (const t of await targetsOf(scraper)) {
            if (t.scrapePool !== e.job) continue;
            if (e.targets && !e.targets.includes(targetAddress(t))) continue;
            if (t.health === 'up') out.up++;
            else {
              out.down++;
              out.lastError = t.lastError ? t.lastError : (out.lastError ?? 'not scraped yet');
            }
          }
        } catch (err) {
          // A server that cannot be asked counts as one target down: the edge is not known up.
          out.down++;
          out.lastError = `${scraper}: ${errorText(err)}`;
        }
      }
      return out;
    }),
  );
  return {
    name,
    instances,
    edges,
    ...(record?.differences ? { differences: record.differences } : {}),
  };
}

export interface WaitEdgesOptions extends StatusOptions {
  timeoutMs?: number;
  /** Stops the wait (with the CANCELLED error) when aborted. */
  signal?: AbortSignal;
  onProgress?: (e: LabEvent) => void;
}

/**
 * Polls status until every scrape and federate edge is up, except edges to external targets;
 * a LabError naming the rest on timeout.
 */
export async function waitForEdges(name: string, opts: WaitEdgesOptions = {}): Promise<LabStatus> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  let lastReport = '';
  for (;;) {
    throwIfAborted(opts.signal);
    const s = await status(name, opts);
    // Edges to external targets are reported, not waited for: nothing in the lab answers them.
    const known = s.edges.filter((e) => e.external !== true);
    const external = s.edges.length - known.length;
    const waiting = known.filter((e) => !isEdgeUp(e));
    if (waiting.length === 0) {
      const also = external > 0 ? `; ${external} to external targets not waited for` : '';
      opts.onProgress?.({ type: 'edges', message: `every edge is up (${known.length})${also}` });
      return s;
    }
    const report = `waiting for ${waiting.length} of ${known.length} edges: ${waiting.map((e) => e.id).join(', ')}`;
    if (report !== lastReport) opts.onProgress?.({ type: 'edges', message: report });
    lastReport = report;
    if (Date.now() >= deadline) {
      throw new LabError(
        'edges-timeout',
        `not every edge was up within ${Math.round(timeoutMs / 1000)}s:\n` +
          waiting
            .map(
              (e) =>
                `  ${e.id}: ${e.up} up, ${e.down} down${e.lastError ? ` (${e.lastError})` : ''}`,
            )
            .join('\n'),
      );
    }
    await sleep(500);
  }
}
