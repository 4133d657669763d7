// `lab up`: the plan onto the engine. Holds the lab's lock, writes the lab folder, keeps
// containers whose config hash is unchanged, creates the rest (images, network, volumes first),
// starts each as soon as what it depends on is healthy, and ends by checking every container
// again. On any failure or interrupt it removes what this run created, and says what.
import type { LabEvent } from '../../shared/lab/reports.ts';
import type { LabContainer, LabPlan } from '../../shared/lab/types.ts';
import { HASH_LABEL, INSTANCE_LABEL } from '../../shared/lab/types.ts';
import { createOptions, ensureImages } from './create.ts';
import { explainDockerError, fromDocker } from './docker-errors.ts';
import {
  type ContainerSummary,
  type Docker,
  connectDocker,
  labContainers,
  labNetworks,
  labVolumes,
  throwIfAborted,
} from './docker.ts';
import { LabError, dockerStatus, errorText } from './errors.ts';
import { writeLabFolder } from './folder.ts';
import { acquireLabLock, type LabLock } from './lock.ts';
import { PortPicker } from './ports.ts';
import { startAll, verifyLab } from './start.ts';
import { type Created, removeCreated } from './undo.ts';

export interface UpOptions {
  onProgress?: (e: LabEvent) => void;
  docker?: Docker;
  stateDir?: string;
  /** Per container, from its start (default 90s). */
  healthTimeoutMs?: number;
  /** Aborting stops the launch, removes what this run created and ends in LabError('interrupted'). */
  signal?: AbortSignal;
  /** The lab's lock when the caller holds it already (across more than this one call). */
  lock?: LabLock;
  /** Who takes the lock, in the user's words (default "`lab up`"). */
  command?: string;
  /**
   * More to wait for once every container is healthy (the CLI's wait for every edge), part of the
   * launch: its failure, or an interrupt during it, removes what this run created like any other.
   */
  afterHealthy?: (signal: AbortSignal) => Promise<void>;
}

export interface UpResult {
  name: string;
  created: string[];
  kept: string[];
  removed: string[];
}

const DEFAULT_HEALTH_TIMEOUT_MS = 90_000;

export async function up(plan: LabPlan, opts: UpOptions = {}): Promise<UpResult> {
  const emit = (e: LabEvent) => opts.onProgress?.(e);
  // The lock first: a busy lab is refused the same whether or not Docker answers.
  const lock =
    opts.lock ?? (await acquireLabLock(plan.name, opts.command ?? '`lab up`', opts.stateDir));
  try {
    if (lock.note) emit({ type: 'plan', message: lock.note });
    const docker = await connectDocker(opts.docker);
    return await launch(docker, plan, opts, emit);
  } catch (e) {
    // Reading the engine before anything is created (listing the lab) fails in plain words too.
    throw fromDocker(e) ? explainDockerError(e, { action: 'read' }) : e;
  } finally {
    if (!opts.lock) await lock.release();
  }
}

async function launch(
  docker: Docker,
  plan: LabPlan,
  opts: UpOptions,
  emit: (e: LabEvent) => void,
): Promise<UpResult> {
  const signal = opts.signal;
  const interrupted = () =>
    new LabError(
      'interrupted',
      `lab up of ${plan.name} was interrupted before it changed anything`,
    );
  if (signal?.aborted) throw interrupted();
  emit({ type: 'plan', message: `lab ${plan.name}: ${plan.containers.length} containers` });
  const lab = await writeLabFolder(plan, plan.edges, opts.stateDir);
  emit({ type: 'files', message: `wrote the lab's configs to ${lab.dir}` });

  const existing = new Map<string, ContainerSummary>();
  for (const s of await labContainers(docker, plan.name)) {
    const instance = s.Labels?.[INSTANCE_LABEL];
    if (instance !== undefined) existing.set(instance, s);
  }
  const keep = new Set<string>();
  for (const c of plan.containers) {
    const s = existing.get(c.instance);
    if (s && s.State === 'running' && s.Labels?.[HASH_LABEL] === c.configHash) keep.add(c.instance);
  }
  const toCreate = plan.containers.filter((c) => !keep.has(c.instance));
  // Images first: a missing one must not cost the user the containers still running.
  let images;
  try {
    images = await ensureImages(docker, toCreate, emit, signal);
  } catch (e) {
    if (signal?.aborted) throw interrupted();
    throw e;
  }

  const removed: string[] = [];
  const created: Created = {
    containers: [],
    network: null,
    volumes: [],
    fresh: existing.size === 0,
  };
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  const ids = new Map<string, string>();
  try {
    for (const [instance, s] of existing) {
      if (keep.has(instance)) {
        ids.set(instance, s.Id);
        continue;
      }
      throwIfAborted(signal);
      emit({
        type: 'remove',
        instance,
        message: `removing ${instance} (its config changed or it is gone from the design)`,
      });
      const c = plan.containers.find((x) => x.instance === instance);
      await docker
        .getContainer(s.Id)
        .remove({ force: true, v: false })
        .catch((e: unknown) => {
          // Already gone is what was wanted.
          if (dockerStatus(e) === 404) return;
          throw explainDockerError(e, { action: 'remove', ...(c ? { container: c } : {}) });
        });
      removed.push(instance);
    }
    for (const instance of keep)
      emit({ type: 'reuse', instance, message: `${instance} is unchanged; kept` });

    await createNetworkAndVolumes(docker, plan, created, emit, signal);
    const picker = new PortPicker();
    const createOne = async (c: LabContainer): Promise<string> => {
      throwIfAborted(controller.signal);
      const hostPorts = new Map<number, number>();
      for (const p of c.ports) hostPorts.set(p.container, await picker.pick(p.preferredHost));
      const image = images.get(c.image);
      if (!image) throw new Error(`${c.image} was not inspected`);
      const options = createOptions(c, plan.network, lab, hostPorts, image);
      const container = await docker.createContainer(options).catch((e: unknown) => {
        throw explainDockerError(e, { action: 'create', container: c });
      });
      created.containers.push({ id: container.id, instance: c.instance });
      ids.set(c.instance, container.id);
      emit({ type: 'create', instance: c.instance, message: `created ${c.instance} (${c.image})` });
      return container.id;
    };
    for (const c of toCreate) await createOne(c);
    await startAll({
      docker,
      plan,
      ids,
      keep,
      recreate: createOne,
      timeoutMs: opts.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
      controller,
      emit,
    });
    throwIfAborted(signal);
    await verifyLab(docker, plan, ids);
    if (opts.afterHealthy) {
      await opts.afterHealthy(controller.signal);
      // The last word stays the engine's: nothing may have died during the longer wait.
      await verifyLab(docker, plan, ids);
    }
    throwIfAborted(signal);
  } catch (e) {
    controller.abort();
    const err = signal?.aborted
      ? new LabError('interrupted', `lab up of ${plan.name} was interrupted`)
      : fromDocker(e)
        ? explainDockerError(e, { action: 'create' })
        : e instanceof LabError
          ? e
          : new LabError('docker-error', errorText(e));
    emit({
      type: 'error',
      ...(err.instance ? { instance: err.instance } : {}),
      message: err.message,
    });
    const undone = await removeCreated(docker, plan, created, emit);
    if (err.code !== 'interrupted') throw err;
    const kept = [...keep];
    throw new LabError(
      'interrupted',
      `lab up of ${plan.name} was interrupted; ${undone.length > 0 ? `removed what it had created: ${undone.join(', ')}` : 'it had created nothing yet'}.` +
        (kept.length > 0 ? ` Kept from before, still running: ${kept.join(', ')}.` : '') +
        (removed.length > 0
          ? ` Removed before the interrupt (their config changed): ${removed.join(', ')}.`
          : ''),
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  emit({
    type: 'done',
    message: `lab ${plan.name} is up: ${toCreate.length} started, ${keep.size} kept, every container running and healthy`,
  });
  return { name: plan.name, created: toCreate.map((c) => c.instance), kept: [...keep], removed };
}

async function createNetworkAndVolumes(
  docker: Docker,
  plan: LabPlan,
  created: Created,
  emit: (e: LabEvent) => void,
  signal: AbortSignal | undefined,
) {
  if (!(await labNetworks(docker, plan.name)).includes(plan.network)) {
    throwIfAborted(signal);
    await docker
      .createNetwork({
        Name: plan.network,
        Driver: 'bridge',
        Labels: plan.labels,
        CheckDuplicate: true,
      })
      .catch((e: unknown) => {
        throw explainDockerError(e, { action: 'network', object: plan.network });
      });
    created.network = plan.network;
    emit({ type: 'network', message: `created network ${plan.network}` });
  }
  const volumes = new Set(await labVolumes(docker, plan.name));
  for (const v of plan.volumes) {
    if (volumes.has(v)) continue;
    throwIfAborted(signal);
    await docker.createVolume({ Name: v, Labels: plan.labels }).catch((e: unknown) => {
      throw explainDockerError(e, { action: 'volume', object: v });
    });
    created.volumes.push(v);
    emit({ type: 'volume', message: `created volume ${v}` });
  }
}
