// Every string value of a design with where it is: the rules about secrets and `${VAR}`s look at
// all of them, so a field added later is covered without being named.
import { formatPath, type PathSegment } from '../model/path.ts';
import type { Topology } from '../model/schema.ts';

export interface DesignString {
  value: string;
  /** Path inside its owner, e.g. `receivers[0].url`. */
  path: PathSegment[];
  owner: 'node' | 'edge' | 'group' | 'metadata' | 'images';
  /** The node or edge holding it, when one does. */
  node?: string;
  edge?: string;
  /** How a message names the place, e.g. `alertmanager "am" receivers[0].url`. */
  where: string;
  /** Free text (notes, descriptions, group labels): never configuration. */
  freeText: boolean;
}

const FREE_TEXT = new Set(['notes', 'description', 'label']);

function walk(
  v: unknown,
  path: PathSegment[],
  visit: (value: string, path: PathSegment[]) => void,
) {
  if (typeof v === 'string') visit(v, path.slice());
  else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walk(v[i], path, visit);
      path.pop();
    }
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      path.push(k);
      walk((v as Record<string, unknown>)[k], path, visit);
      path.pop();
    }
  }
}

/** One string; how a message names its place is spelled out only when a message needs it. */
class Found implements DesignString {
  constructor(
    readonly value: string,
    readonly path: PathSegment[],
    readonly owner: DesignString['owner'],
    private readonly name: string,
    readonly freeText: boolean,
    readonly node?: string,
    readonly edge?: string,
  ) {}

  get where(): string {
    return `${this.name} ${formatPath(this.path)}`;
  }
}

/** Per design: two rules read every string of it. */
const cache = new WeakMap<Topology, DesignString[]>();

export function designStrings(t: Topology): DesignString[] {
  const known = cache.get(t);
  if (known) return known;
  const out: DesignString[] = [];
  const collect =
    (owner: DesignString['owner'], name: string, ids: { node?: string; edge?: string } = {}) =>
    (value: string, path: PathSegment[]) => {
      const head = path[0];
      const freeText = path.length === 1 && typeof head === 'string' && FREE_TEXT.has(head);
      out.push(new Found(value, path, owner, name, freeText, ids.node, ids.edge));
    };
  for (const n of t.nodes) walk(n, [], collect('node', `${n.kind} "${n.name}"`, { node: n.id }));
  for (const e of t.edges ?? [])
    walk(e, [], collect('edge', `${e.kind} edge "${e.id}"`, { edge: e.id }));
  for (const g of t.groups ?? []) walk(g, [], collect('group', `group "${g.id}"`));
  walk(t.metadata, [], collect('metadata', 'metadata'));
  walk(t.images ?? {}, [], collect('images', 'images'));
  cache.set(t, out);
  return out;
}
