// Starting a lab's containers in dependency order and waiting for each to be healthy, then the
// check `up` ends with: every container of the plan, inspected again, running and healthy.
import type { LabEvent } from '../../shared/lab/reports.ts';
import type { LabContainer, LabPlan } from '../../shared/lab/types.ts';
import { explainDockerError } from './docker-errors.ts';
import { CANCELLED, type Docker, inspectContainer, publishedPort } from './docker.ts';
import { LabError, dockerStatus, errorText } from './errors.ts';
import { waitHealthy } from './health.ts';
import { httpOk, localUrl } from './probe.ts';

const START_ATTEMPTS = 3;

export function portTaken(e: unknown): boolean {
  return /port is already allocated|address already in use/i.test(errorText(e));
}

export interface StartContext {
  docker: Docker;
  plan: LabPlan;
  /** Container id of every instance (created by this run or kept); updated when one is remade. */
  ids: Map<string, string>;
  keep: Set<string>;
  /** Makes the container again (on other host ports); returns its id. */
  recreate: (c: LabContainer) => Promise<string>;
  timeoutMs: number;
  /** Aborted on the first failure, or by the caller (an interrupt). */
  controller: AbortController;
  emit: (e: LabEvent) => void;
}

/** Starts each container once everything it depends on is healthy; independent ones in parallel. */
export async function startAll(x: StartContext): Promise<void> {
  const { docker, plan, ids, keep, controller, emit } = x;
  const byName = new Map(plan.containers.map((c) => [c.instance, c]));
  const ready = new Map<string, Promise<void>>();
  const run = async (c: LabContainer): Promise<void> => {
    await Promise.all(c.dependsOn.map((d) => ready.get(d) ?? Promise.resolve()));
    if (controller.signal.aborted) throw new Error(CANCELLED);
    let id = ids.get(c.instance);
    if (id === undefined) throw new Error(`${c.instance} was never created`);
    if (!keep.has(c.instance)) {
      // A free port can be taken between choosing it and starting (another lab, another test):
      // then the container is made again on other ports, a bounded number of times.
      for (let attempt = 1; ; attempt++) {
        try {
          await docker.getContainer(id).start();
          break;
        } catch (e) {
          if (!portTaken(e) || attempt >= START_ATTEMPTS) {
            const err = explainDockerError(e, { action: 'start', container: c });
            if (err.code !== 'port-taken') throw err;
            throw new LabError(
              'port-taken',
              `${err.message} (${START_ATTEMPTS} attempts on other free ports failed the same way)`,
              c.instance,
              err.detail,
            );
          }
          await docker.getContainer(id).remove({ force: true, v: true });
          id = await x.recreate(c);
        }
      }
      emit({ type: 'start', instance: c.instance, message: `started ${c.instance}` });
    }
    await waitHealthy(docker, id, c, x.timeoutMs, controller.signal);
    emit({ type: 'healthy', instance: c.instance, message: `${c.instance} is healthy` });
  };
  for (const name of plan.startOrder) {
    const c = byName.get(name);
    if (!c) continue;
    const p = run(c);
    p.catch(() => controller.abort()); // the first failure stops the waits of the others
    ready.set(name, p);
  }
  // Every run is awaited to its end, failed or not: nothing may still be starting or probing
  // when `up` returns or cleans up.
  const results = await Promise.allSettled(ready.values());
  const failed = results.find(
    (r): r is PromiseRejectedResult => r.status === 'rejected' && errorText(r.reason) !== CANCELLED,
  );
  const first = failed ?? results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (first) throw first.reason;
  const unstarted = plan.containers.filter((c) => !ready.has(c.instance));
  if (unstarted.length > 0)
    throw new Error(`not in the start order: ${unstarted.map((c) => c.instance).join(', ')}`);
}

const RECHECK_ATTEMPTS = 3;

/** Why one container is not running and healthy now, or null when it is. */
async function notHealthy(docker: Docker, c: LabContainer, id: string): Promise<string | null> {
  let info;
  try {
    info = await inspectContainer(docker, id);
  } catch (e) {
    return dockerStatus(e) === 404
      ? 'its container is gone'
      : `it cannot be inspected (${errorText(e)})`;
  }
  if (!info.State.Running)
    return `it is ${info.State.Status}${info.State.Status === 'created' ? ' (never started)' : ` (exit code ${info.State.ExitCode})`}`;
  const h = c.health;
  if (h.type === 'docker') {
    const s = info.State.Health?.Status ?? 'none';
    return s === 'healthy' ? null : `its health check says ${s}`;
  }
  if (h.type === 'http') {
    const port = publishedPort(info, h.containerPort);
    if (port === undefined) return `its port ${h.containerPort} is not published`;
    for (let i = 0; i < RECHECK_ATTEMPTS; i++)
      if (await httpOk(localUrl(port, h.path))) return null;
    return `GET ${h.path} on port ${h.containerPort} does not answer`;
  }
  return null;
}

/**
 * The last word of `up`: every container of the plan inspected again, running, and its health
 * passed, so success is never reported for a container still starting or already gone.
 */
export async function verifyLab(
  docker: Docker,
  plan: LabPlan,
  ids: Map<string, string>,
): Promise<void> {
  const problems = await Promise.all(
    plan.containers.map(async (c) => {
      const id = ids.get(c.instance);
      const why = id === undefined ? 'it was never created' : await notHealthy(docker, c, id);
      return why ? { c, why } : null;
    }),
  );
  const bad = problems.filter((p) => p !== null);
  if (bad.length === 0) return;
  throw new LabError(
    'not-healthy',
    `lab ${plan.name} is not healthy after starting; ${bad.length} of ${plan.containers.length} containers are not:\n` +
      bad.map((p) => `  ${p.c.instance} (image ${p.c.image}): ${p.why}`).join('\n'),
    bad[0]?.c.instance,
  );
}
