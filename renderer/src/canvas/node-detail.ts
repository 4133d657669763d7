// The line under a node's name: what it stands for at a glance.
import { EXPORTER_SPECS } from '../../../shared/kinds/index.ts';
import { replicasOf, shardsOf } from '../../../shared/model/instances.ts';
import type { TopologyNode } from '../../../shared/model/schema.ts';
import { counted } from '../../../shared/plural.ts';

export function nodeDetail(n: TopologyNode): string | null {
  if (n.kind === 'targets') {
    const exporter = EXPORTER_SPECS[n.exporter ?? 'node-exporter'].label;
    const count = n.addresses?.length ?? n.count ?? 1;
    return `${exporter} × ${count}`;
  }
  const r = replicasOf(n);
  const s = shardsOf(n);
  const servers = n.kind === 'prometheus' ? 'servers' : 'replicas';
  if (s > 1) return `${r} × ${s} = ${r * s} ${servers}`;
  if (r > 1) return `${r} replicas (HA)`;
  return null;
}

/** Small tags beside the detail: the sidecar, an external label count. */
export function nodeTags(n: TopologyNode): string[] {
  const tags: string[] = [];
  if (n.kind === 'prometheus') {
    if (n.thanosSidecar) tags.push('sidecar');
    const rules = (n.recordingRules?.length ?? 0) + (n.alertRules?.length ?? 0);
    if (rules > 0) tags.push(counted(rules, 'rule'));
  }
  return tags;
}
