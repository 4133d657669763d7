// Checks the schema cannot express: unique ids and names, references that resolve, edge pairings
// of FORMAT.md's table, and instance names that do not collide once replicas and shards expand.
import { pairingProblem } from '../kinds/index.ts';
import type { PathSegment } from '../model/path.ts';
import type { Topology, TopologyNode } from '../model/schema.ts';
import { instancesOf } from '../model/instances.ts';

export interface ReferenceIssue {
  path: PathSegment[];
  message: string;
}

export function checkReferences(t: Topology): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const ids = new Map<string, PathSegment[]>();
  const claimId = (id: string, path: PathSegment[], what: string) => {
    const prev = ids.get(id);
    if (prev)
      issues.push({
        path: [...path, 'id'],
        message: `duplicate id "${id}": ${what} id already used at ${fmt(prev)}`,
      });
    else ids.set(id, path);
  };
  (t.groups ?? []).forEach((g, i) => claimId(g.id, ['groups', i], 'this group'));
  t.nodes.forEach((n, i) => claimId(n.id, ['nodes', i], 'this node'));

  const groupIds = new Set((t.groups ?? []).map((g) => g.id));
  const names = new Map<string, number>();
  const nodesById = new Map<string, TopologyNode>();
  t.nodes.forEach((n, i) => {
    if (!nodesById.has(n.id)) nodesById.set(n.id, n);
    const prev = names.get(n.name);
    if (prev !== undefined) {
      issues.push({
        path: ['nodes', i, 'name'],
        message: `duplicate name "${n.name}": nodes[${prev}] is already called so`,
      });
    } else names.set(n.name, i);
    if (n.group !== undefined && !groupIds.has(n.group)) {
      issues.push({
        path: ['nodes', i, 'group'],
        message: `unknown group "${n.group}"${known([...groupIds])}`,
      });
    }
  });

  // Expanded instances become container and host names: they must not collide either.
  const instanceOwners = new Map<string, string>();
  t.nodes.forEach((n, i) => {
    for (const inst of instancesOf(n)) {
      const owner = instanceOwners.get(inst.name);
      if (owner !== undefined && owner !== n.id) {
        issues.push({
          path: ['nodes', i, 'name'],
          message: `instance name "${inst.name}" of this node collides with an instance of node "${owner}"; rename one of them`,
        });
        break;
      }
      instanceOwners.set(inst.name, n.id);
    }
  });

  const edgeIds = new Map<string, number>();
  (t.edges ?? []).forEach((e, i) => {
    const prev = edgeIds.get(e.id);
    if (prev !== undefined)
      issues.push({
        path: ['edges', i, 'id'],
        message: `duplicate edge id "${e.id}": edges[${prev}] already has it`,
      });
    else edgeIds.set(e.id, i);
    const from = nodesById.get(e.from);
    const to = nodesById.get(e.to);
    if (!from)
      issues.push({
        path: ['edges', i, 'from'],
        message: `unknown node "${e.from}"${known([...nodesById.keys()])}`,
      });
    if (!to)
      issues.push({
        path: ['edges', i, 'to'],
        message: `unknown node "${e.to}"${known([...nodesById.keys()])}`,
      });
    if (from && to) {
      const problem = pairingProblem(e.kind, from, to);
      if (problem) issues.push({ path: ['edges', i, 'kind'], message: problem });
    }
  });

  t.nodes.forEach((n, i) => {
    if (n.kind === 'alertmanager') {
      const receivers = n.receivers ?? [];
      const rnames = new Set<string>();
      receivers.forEach((r, j) => {
        if (rnames.has(r.name))
          issues.push({
            path: ['nodes', i, 'receivers', j, 'name'],
            message: `duplicate receiver name "${r.name}"`,
          });
        rnames.add(r.name);
      });
      const routeReceivers: [PathSegment[], string | undefined][] = [
        [['nodes', i, 'route', 'receiver'], n.route?.receiver],
        ...(n.route?.routes ?? []).map((r, j): [PathSegment[], string] => [
          ['nodes', i, 'route', 'routes', j, 'receiver'],
          r.receiver,
        ]),
      ];
      for (const [path, name] of routeReceivers) {
        if (name !== undefined && !rnames.has(name))
          issues.push({ path, message: `unknown receiver "${name}"${known([...rnames])}` });
      }
    }
  });
  return issues;
}

function fmt(path: PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function known(ids: string[]): string {
  if (ids.length === 0) return ' (there are none)';
  const shown = ids
    .slice(0, 8)
    .map((s) => `"${s}"`)
    .join(', ');
  return ` (known: ${shown}${ids.length > 8 ? ', ...' : ''})`;
}
