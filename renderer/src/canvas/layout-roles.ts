// Where a node belongs in a top-down reading of a design, as ELK partitions (smaller is higher):
// Grafana on top, then query layers and federators above the Prometheus servers they federate,
// those above their targets and shippers; Alertmanagers and data stores sit with their users.
import type { Topology, TopologyNode } from '../../../shared/model/schema.ts';
import { NODE_VIEWS, type LayoutRole } from '../kinds/index.ts';

const TOP = 0;
const QUERY = 1;
const SERVERS = 2;
/** Room for federation levels between the servers and the collectors. */
const COLLECTORS = 40;
const STORAGE = 41;

/** Each kind's row (renderer/src/kinds/); servers go down by federation depth, null: beside users. */
const ROWS: Record<Exclude<LayoutRole, 'servers'>, number | null> = {
  top: TOP,
  query: QUERY,
  collectors: COLLECTORS,
  storage: STORAGE,
  'beside-users': null, // Alertmanagers and data stores: beside whoever uses them
};

/** Federation depth of each server: 0 for one nobody federates, 1 for those it federates, ... */
function federationDepth(t: Topology): Map<string, number> {
  const federators = new Map<string, string[]>();
  for (const e of t.edges ?? [])
    if (e.kind === 'federate' || e.kind === 'remote-write') {
      // The opener of a federate edge sits above; a remote-write sender sits below its receiver.
      const [above, below] = e.kind === 'federate' ? [e.from, e.to] : [e.to, e.from];
      federators.set(below, [...(federators.get(below) ?? []), above]);
    }
  const depth = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0; // a cycle: the validator reports it; lay it out anyway
    path.add(id);
    let d = 0;
    for (const up of federators.get(id) ?? []) d = Math.max(d, visit(up, path) + 1);
    path.delete(id);
    d = Math.min(d, COLLECTORS - SERVERS - 1);
    depth.set(id, d);
    return d;
  };
  for (const n of t.nodes) visit(n.id, new Set());
  return depth;
}

export function rolePartitions(t: Topology): Map<string, number> {
  const depth = federationDepth(t);
  const part = new Map<string, number>();
  const base = (n: TopologyNode): number | null => {
    const role = NODE_VIEWS[n.kind].layout;
    return role === 'servers' ? SERVERS + (depth.get(n.id) ?? 0) : ROWS[role];
  };
  for (const n of t.nodes) {
    const p = base(n);
    if (p !== null) part.set(n.id, p);
  }
  for (const n of t.nodes) {
    if (part.has(n.id)) continue;
    const users = (t.edges ?? []).flatMap((e) => {
      const p = e.to === n.id ? part.get(e.from) : undefined;
      return p === undefined ? [] : [p];
    });
    part.set(n.id, users.length > 0 ? Math.min(...users) : SERVERS);
  }
  return part;
}
