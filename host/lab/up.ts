// `lab up`: the plan onto the engine. Writes the lab folder, keeps containers whose config hash is
// unchanged, creates the rest (network, volumes, images first), starts each as soon as what it
// depends on is healthy, and waits for health. On any failure it removes what this run created.
import type { LabContainer, LabEvent, LabPlan } from '../../shared/lab/types.ts';
import { HASH_LABEL, INSTANCE_LABEL } from '../../shared/lab/types.ts';
import { createOptions, ensureImages } from './create.ts';
import {
  type ContainerSummary,
  type Docker,
  connectDocker,
  labContainers,
  labNetworks,
  labVolumes,
} from './docker.ts';
import { LabError, errorText } from './errors.ts';
import { writeLabFolder } from './folder.ts';
import { waitHealthy } from './health.ts';
import { PortPicker } from './ports.ts';

export interface UpOptions {
  onProgress?: (e: LabEvent) => void;
  docker?: Docker;
  stateDir?: string;
  /** Per container, from its start (default 90s). */
  healthTimeoutMs?: number;
}

export interface UpResult {
  name: string;
  created: string[];
  kept: string[];
  removed: string[];
}

const DEFAULT_HEALTH_TIMEOUT_MS = 90_000;
const START_ATTEMPTS = 3;

function portTaken(e: unknown): boolean {
  return /port is already allocated|address already in use/i.test(errorText(e));
}

/** What this run created, so a failure can take exactly that away again. */
interface Created {
  containers: { id: string; instance: string }[];
  network: string | null;
  volumes: string[];
}

export async function up(plan: LabPlan, opts: UpOptions = {}): Promise<UpResult> {
  const emit = (e: LabEvent) => opts.onProgress?.(e);
  const docker = await connectDocker(opts.docker);
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
  await ensureImages(docker, toCreate, emit);

  const removed: string[] = [];
  for (const [instance, s] of existing) {
    if (keep.has(instance)) continue;
    emit({
      type: 'remove',
      instance,
      message: `removing ${instance} (its config changed or it is gone from the design)`,
    });
    await docker.getContainer(s.Id).remove({ force: true, v: false });
    removed.push(instance);
  }
  for (const instance of keep)
    emit({ type: 'reuse', instance, message: `${instance} is unchanged; kept` });

  const created: Created = { containers: [], network: null, volumes: [] };
  const controller = new AbortController();
  try {
    await createNetworkAndVolumes(docker, plan, created, emit);
    const picker = new PortPicker();
    const ids = new Map<string, string>();
    for (const s of existing.values())
      if (keep.has(s.Labels?.[INSTANCE_LABEL] ?? ''))
        ids.set(s.Labels?.[INSTANCE_LABEL] ?? '', s.Id);
    const createOne = async (c: LabContainer): Promise<string> => {
      const hostPorts = new Map<number, number>();
      for (const p of c.ports) hostPorts.set(p.container, await picker.pick(p.preferredHost));
      const container = await docker.createContainer(
        createOptions(c, plan.network, lab, hostPorts),
      );
      created.containers.push({ id: container.id, instance: c.instance });
      ids.set(c.instance, container.id);
      emit({ type: 'create', instance: c.instance, message: `created ${c.instance} (${c.image})` });
      return container.id;
    };
    for (const c of toCreate) await createOne(c);
    await startAll(
      docker,
      plan,
      ids,
      keep,
      createOne,
      opts.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
      controller,
      emit,
    );
  } catch (e) {
    controller.abort();
    const err =
      e instanceof LabError
        ? e
        : new LabError(portTaken(e) ? 'port-taken' : 'docker-error', errorText(e));
    emit({
      type: 'error',
      ...(err.instance ? { instance: err.instance } : {}),
      message: err.message,
    });
    await cleanup(docker, created, emit);
    throw err;
  }
  emit({
    type: 'done',
    message: `lab ${plan.name} is up: ${toCreate.length} started, ${keep.size} kept`,
  });
  return { name: plan.name, created: toCreate.map((c) => c.instance), kept: [...keep], removed };
}

async function createNetworkAndVolumes(
  docker: Docker,
  plan: LabPlan,
  created: Created,
  emit: (e: LabEvent) => void,
) {
  if (!(await labNetworks(docker, plan.name)).includes(plan.network)) {
    await docker.createNetwork({
      Name: plan.network,
      Driver: 'bridge',
      Labels: plan.labels,
      CheckDuplicate: true,
    });
    created.network = plan.network;
    emit({ type: 'network', message: `created network ${plan.network}` });
  }
  const volumes = new Set(await labVolumes(docker, plan.name));
  for (const v of plan.volumes) {
    if (volumes.has(v)) continue;
    await docker.createVolume({ Name: v, Labels: plan.labels });
    created.volumes.push(v);
    emit({ type: 'volume', message: `created volume ${v}` });
  }
}

/** Starts each container once everything it depends on is healthy; independent ones in parallel. */
async function startAll(
  docker: Docker,
  plan: LabPlan,
  ids: Map<string, string>,
  keep: Set<string>,
  recreate: (c: LabContainer) => Promise<string>,
  timeoutMs: number,
  controller: AbortController,
  emit: (e: LabEvent) => void,
): Promise<void> {
  const byName = new Map(plan.containers.map((c) => [c.instance, c]));
  const ready = new Map<string, Promise<void>>();
  const run = async (c: LabContainer): Promise<void> => {
    await Promise.all(c.dependsOn.map((d) => ready.get(d)));
    if (controller.signal.aborted) throw new Error('cancelled');
    let id = ids.get(c.instance) as string;
    if (!keep.has(c.instance)) {
      // A free port can be taken between choosing it and starting (another lab, another test):
      // then the container is made again on other ports, a bounded number of times.
      for (let attempt = 1; ; attempt++) {
        try {
          await docker.getContainer(id).start();
          break;
        } catch (e) {
          if (!portTaken(e)) throw e;
          if (attempt >= START_ATTEMPTS) {
            throw new LabError(
              'port-taken',
              `${c.instance} could not publish its ports on 127.0.0.1 (${errorText(e)}); ` +
                'other programs keep taking them. Free some ports and run `lab up` again.',
              c.instance,
            );
          }
          await docker.getContainer(id).remove({ force: true, v: true });
          id = await recreate(c);
        }
      }
      emit({ type: 'start', instance: c.instance, message: `started ${c.instance}` });
    }
    await waitHealthy(docker, id, c, timeoutMs, controller.signal);
    emit({ type: 'healthy', instance: c.instance, message: `${c.instance} is healthy` });
  };
  for (const name of plan.startOrder) {
    const c = byName.get(name);
    if (!c) continue;
    const p = run(c);
    p.catch(() => controller.abort()); // the first failure stops the waits of the others
    ready.set(name, p);
  }
  const results = await Promise.allSettled(ready.values());
  const failed = results.find(
    (r): r is PromiseRejectedResult =>
      r.status === 'rejected' && errorText(r.reason) !== 'cancelled',
  );
  const first = failed ?? results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (first) throw first.reason;
}

async function cleanup(
  docker: Docker,
  created: Created,
  emit: (e: LabEvent) => void,
): Promise<void> {
  for (const c of created.containers) {
    await docker
      .getContainer(c.id)
      .remove({ force: true, v: true })
      .catch(() => undefined);
    emit({ type: 'cleanup', instance: c.instance, message: `removed ${c.instance}` });
  }
  for (const v of created.volumes)
    await docker
      .getVolume(v)
      .remove()
      .catch(() => undefined);
  if (created.network)
    await docker
      .getNetwork(created.network)
      .remove()
      .catch(() => undefined);
  if (created.containers.length + created.volumes.length > 0 || created.network) {
    emit({ type: 'cleanup', message: 'removed what this run had created' });
  }
}
