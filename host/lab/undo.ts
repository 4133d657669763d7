// Taking back what one `up` created, after a failure or an interrupt. Containers kept from an
// earlier `up` stay; volumes that were there before stay (they hold data). A launch of a lab that
// had nothing on the engine also sweeps what carries its label, so a create the engine finished
// just as the interrupt came is not left behind.
import type { LabEvent } from '../../shared/lab/reports.ts';
import type { LabPlan } from '../../shared/lab/types.ts';
import { type Docker, labContainers, labNetworks } from './docker.ts';
import { dockerStatus } from './errors.ts';

/** What this run created, so a failure can take exactly that away again. */
export interface Created {
  containers: { id: string; instance: string }[];
  network: string | null;
  volumes: string[];
  /** The lab had no container on the engine when this run began. */
  fresh: boolean;
}

async function removed(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (e) {
    return dockerStatus(e) === 404;
  }
}

/** Removes what `created` lists; returns what was removed, in words. */
export async function removeCreated(
  docker: Docker,
  plan: LabPlan,
  created: Created,
  emit: (e: LabEvent) => void,
): Promise<string[]> {
  const out: string[] = [];
  const containers = new Map(created.containers.map((c) => [c.id, c.instance]));
  if (created.fresh) {
    for (const s of await labContainers(docker, plan.name).catch(() => [])) {
      if (!containers.has(s.Id)) containers.set(s.Id, s.Names[0]?.replace(/^\//, '') ?? s.Id);
    }
  }
  for (const [id, instance] of containers) {
    if (await removed(docker.getContainer(id).remove({ force: true, v: true }))) {
      // A container remade on other ports is listed twice: its old id is gone already.
      if (out.includes(instance)) continue;
      out.push(instance);
      emit({ type: 'cleanup', instance, message: `removed ${instance}` });
    }
  }
  for (const v of created.volumes) {
    if (await removed(docker.getVolume(v).remove())) {
      out.push(`volume ${v}`);
      emit({ type: 'cleanup', message: `removed volume ${v}` });
    }
  }
  const networks = new Set(created.network ? [created.network] : []);
  if (created.fresh)
    for (const n of await labNetworks(docker, plan.name).catch(() => [])) networks.add(n);
  for (const n of networks) {
    if (await removed(docker.getNetwork(n).remove())) {
      out.push(`network ${n}`);
      emit({ type: 'cleanup', message: `removed network ${n}` });
    }
  }
  if (out.length > 0)
    emit({ type: 'cleanup', message: `removed what this run had created: ${out.join(', ')}` });
  return out;
}
