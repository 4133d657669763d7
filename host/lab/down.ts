// `lab down`: removes every container and network with the lab's label, and its volumes when
// asked, holding the lab's lock. Idempotent: a lab that is not there is already down.
import { rm } from 'node:fs/promises';
import type { LabEvent } from '../../shared/lab/reports.ts';
import { type Docker, connectDocker, labContainers, labNetworks, labVolumes } from './docker.ts';
import { explainDockerError, fromDocker } from './docker-errors.ts';
import { dockerStatus } from './errors.ts';
import { labDir } from './folder.ts';
import { acquireLabLock, type LabLock } from './lock.ts';

export interface DownOptions {
  /** Also remove the lab's volumes (its data) and its folder of generated files and values. */
  volumes?: boolean;
  docker?: Docker;
  stateDir?: string;
  onProgress?: (e: LabEvent) => void;
  /** The lab's lock when the caller holds it already. */
  lock?: LabLock;
  /** Who takes the lock, in the user's words (default "`lab down`"). */
  command?: string;
}

export interface DownResult {
  containers: number;
  networks: number;
  volumes: number;
}

/** Ignores "not found": something removed concurrently is removed all the same. */
async function gone(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (dockerStatus(e) !== 404) throw e;
  }
}

export async function down(name: string, opts: DownOptions = {}): Promise<DownResult> {
  const lock =
    opts.lock ?? (await acquireLabLock(name, opts.command ?? '`lab down`', opts.stateDir));
  try {
    if (lock.note) opts.onProgress?.({ type: 'remove', message: lock.note });
    const docker = await connectDocker(opts.docker);
    return await removeLab(docker, name, opts);
  } catch (e) {
    throw fromDocker(e) ? explainDockerError(e, { action: 'remove' }) : e;
  } finally {
    if (!opts.lock) await lock.release();
  }
}

async function removeLab(docker: Docker, name: string, opts: DownOptions): Promise<DownResult> {
  const emit = (e: LabEvent) => opts.onProgress?.(e);
  const containers = await labContainers(docker, name);
  await Promise.all(
    containers.map(async (c) => {
      await gone(docker.getContainer(c.Id).remove({ force: true, v: true }));
      emit({ type: 'remove', message: `removed ${c.Names[0]?.replace(/^\//, '') ?? c.Id}` });
    }),
  );
  const networks = await labNetworks(docker, name);
  for (const n of networks) await gone(docker.getNetwork(n).remove());
  let volumes: string[] = [];
  if (opts.volumes) {
    volumes = await labVolumes(docker, name);
    for (const v of volumes) await gone(docker.getVolume(v).remove());
    await rm(labDir(name, opts.stateDir), { recursive: true, force: true });
  }
  emit({
    type: 'done',
    message: `lab ${name} is down: ${containers.length} containers, ${networks.length} networks${opts.volumes ? `, ${volumes.length} volumes` : ''} removed`,
  });
  return { containers: containers.length, networks: networks.length, volumes: volumes.length };
}
