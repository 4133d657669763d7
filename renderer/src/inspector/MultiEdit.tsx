// The inspector for several selected nodes: the fields their kinds share, each showing the common
// value (or "mixed"), and a change sets it on all of them as one undo step.
import type { TopologyNode } from '../../../shared/model/schema.ts';
import { designStore } from '../store/design-store.ts';
import { nodeFields } from './fields.ts';
import { Field, FieldInput } from './ItemForm.tsx';
import { commonFields, setFieldOnNodes, sharedValue } from './multi-edit.ts';

export function MultiEdit({ nodes }: { nodes: readonly TopologyNode[] }) {
  const specs = commonFields(
    nodes.map((n) => n.kind),
    nodeFields,
  );
  const ids = nodes.map((n) => n.id);
  if (specs.length === 0) {
    return <div className="muted small">These kinds share no field to edit together.</div>;
  }
  return (
    <div className="item-form" data-testid="multi-edit">
      {specs.map((spec) => {
        const shared = sharedValue(nodes, spec.key);
        return (
          // Keyed by the value, so a field shows the new common value after an edit or undo.
          <Field key={`${spec.key}:${JSON.stringify(shared)}`} spec={spec}>
            <FieldInput
              spec={spec}
              value={shared.mixed ? undefined : shared.value}
              placeholder={shared.mixed ? 'mixed: type to set on all' : undefined}
              commit={(v) => {
                const s = designStore.getState();
                const trial = setFieldOnNodes(s.topology, ids, spec.key, v);
                if (!trial.ok) return trial.message;
                s.apply({
                  label: `Edit ${spec.label.toLowerCase()} of ${ids.length} nodes`,
                  undoable: true,
                  run: (t) => setFieldOnNodes(t, ids, spec.key, v),
                });
                return null;
              }}
            />
          </Field>
        );
      })}
    </div>
  );
}
