// Turns a form's new version of an item into an undoable command, after checking it against the
// item's schema and against the design (a name must stay unique; edit.ts says why not).
import type { z } from 'zod';
import {
  replaceEdge,
  replaceGroup,
  replaceNode,
  type EditResult,
} from '../../../shared/design/edit.ts';
import {
  EDGE_SCHEMAS,
  Group,
  NODE_SCHEMAS,
  type Topology,
  type TopologyEdge,
  type TopologyNode,
} from '../../../shared/model/schema.ts';
import { designStore } from '../store/design-store.ts';
import { schemaProblem } from './field-values.ts';

export type ItemRef =
  | { type: 'node'; id: string; item: TopologyNode }
  | { type: 'edge'; id: string; item: TopologyEdge }
  | { type: 'group'; id: string; item: Group };

export function schemaOf(ref: ItemRef): z.ZodType {
  switch (ref.type) {
    case 'node':
      return NODE_SCHEMAS[ref.item.kind] as z.ZodType;
    case 'edge':
      return EDGE_SCHEMAS[ref.item.kind] as z.ZodType;
    case 'group':
      return Group;
  }
}

function replace(t: Topology, ref: ItemRef, next: object): EditResult {
  switch (ref.type) {
    case 'node':
      return replaceNode(t, ref.id, next as TopologyNode);
    case 'edge':
      return replaceEdge(t, ref.id, next as TopologyEdge);
    case 'group':
      return replaceGroup(t, ref.id, next as Group);
  }
}

function nameClash(t: Topology, ref: ItemRef, next: object): string | null {
  if (ref.type !== 'node') return null;
  const name = (next as TopologyNode).name;
  const other = t.nodes.find((n) => n.id !== ref.id && n.name === name);
  return other ? `the name "${name}" is taken by node ${other.id}` : null;
}

/** Applies `next` in place of the item as one undo step; returns why not, or null when applied. */
export function commitItem(ref: ItemRef, next: object, label: string): string | null {
  const problem = schemaProblem(schemaOf(ref), next);
  if (problem) return problem;
  const store = designStore.getState();
  const clash = nameClash(store.topology, ref, next);
  if (clash) return clash;
  const trial = replace(store.topology, ref, next);
  if (!trial.ok) return trial.message;
  store.apply({ label, undoable: true, run: (t) => replace(t, ref, next) });
  return null;
}
