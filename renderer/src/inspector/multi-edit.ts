// Editing several selected nodes at once: the fields every one of their kinds has, the value
// they share (or none when they differ), and setting one field on all of them as one command.
import { replaceNode, type EditResult } from '../../../shared/design/edit.ts';
import {
  NODE_SCHEMAS,
  type NodeKind,
  type Topology,
  type TopologyNode,
} from '../../../shared/model/schema.ts';
import { schemaProblem, withField } from './field-values.ts';
import type { FieldSpec } from './fields.ts';
import type { FieldType } from '../kinds/field-spec.ts';

// A name is unique per node, accepted findings and rules belong to one node: not shared edits.
const PER_NODE_KEYS = new Set(['name', 'suppress']);
const PER_NODE_TYPES = new Set<FieldType>(['recordingRules', 'alertRules', 'suppress']);

/** The fields all the kinds have, alike (same key, type and choices), in the first kind's order. */
export function commonFields(
  kinds: readonly NodeKind[],
  fieldsOf: (k: NodeKind) => readonly FieldSpec[],
): FieldSpec[] {
  const [first, ...rest] = [...new Set(kinds)];
  if (!first) return [];
  const same = (a: FieldSpec, b: FieldSpec) =>
    a.key === b.key && a.type === b.type && (a.options ?? []).join() === (b.options ?? []).join();
  return fieldsOf(first).filter(
    (f) =>
      !PER_NODE_KEYS.has(f.key) &&
      !PER_NODE_TYPES.has(f.type) &&
      rest.every((k) => fieldsOf(k).some((g) => same(f, g))),
  );
}

/** The value every node has for the key, or `mixed` when they differ. */
export function sharedValue(
  nodes: readonly TopologyNode[],
  key: string,
): { mixed: false; value: unknown } | { mixed: true } {
  const values = nodes.map((n) => (n as unknown as Record<string, unknown>)[key]);
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first)
    ? { mixed: false, value: values[0] }
    : { mixed: true };
}

/** Sets the field on every named node; refused as a whole, naming the node, if one refuses it. */
export function setFieldOnNodes(
  t: Topology,
  ids: readonly string[],
  key: string,
  value: unknown,
): EditResult {
  let out = t;
  for (const id of ids) {
    const n = out.nodes.find((x) => x.id === id);
    if (!n) continue;
    const next = withField(n, key, value);
    const problem = schemaProblem(NODE_SCHEMAS[n.kind], next);
    if (problem) return { ok: false, message: `${n.name}: ${problem}` };
    const r = replaceNode(out, id, next);
    if (!r.ok) return { ok: false, message: `${n.name}: ${r.message}` };
    out = r.topology;
  }
  return { ok: true, topology: out, ids: [...ids] };
}
