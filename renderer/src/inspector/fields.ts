// What the inspector's form shows for each kind of item: the name, the kind's own fields (its
// module in renderer/src/kinds/), notes and accepted findings; and the fields of a group. Fields a
// kind leaves out (an Alertmanager's route and receivers, a remote-write queue) are edited in the
// YAML tab.
import type { EdgeKind, NodeKind } from '../../../shared/model/schema.ts';
import { EDGE_VIEWS, NODE_VIEWS, type FieldSpec } from '../kinds/index.ts';

export type { FieldSpec } from '../kinds/index.ts';

const name: FieldSpec = { key: 'name', label: 'Name', type: 'text', required: true };
const notes: FieldSpec = { key: 'notes', label: 'Notes', type: 'multiline' };
const suppress: FieldSpec = {
  key: 'suppress',
  label: 'Accepted findings',
  type: 'suppress',
  hint: 'Checked rules are reported as suppressed on this item.',
};

export const GROUP_FIELDS: FieldSpec[] = [
  { key: 'label', label: 'Label', type: 'text' },
  { key: 'externalLabels', label: 'External labels', type: 'labels' },
  notes,
];

export const nodeFields = (kind: NodeKind): FieldSpec[] => [
  name,
  ...NODE_VIEWS[kind].fields,
  notes,
  suppress,
];
export const edgeFields = (kind: EdgeKind): FieldSpec[] => [
  ...EDGE_VIEWS[kind].fields,
  notes,
  suppress,
];

/** Fields of a kind only the YAML tab edits, named for the form's footnote. */
export function yamlOnlyFields(kind: NodeKind | EdgeKind): string | undefined {
  const keys =
    kind in NODE_VIEWS
      ? NODE_VIEWS[kind as NodeKind].yamlOnly
      : EDGE_VIEWS[kind as EdgeKind].yamlOnly;
  return keys?.join(' and ');
}
