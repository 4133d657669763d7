// The form of one item, generated from its field descriptors (fields.ts).
import type { ReactNode } from 'react';
import type { Topology } from '../../../shared/model/schema.ts';
import { useFindingsOf } from '../analysis/analysis-store.ts';
import { designStore } from '../store/design-store.ts';
import { BoolField, EnumField, SuppressField } from './ChoiceFields.tsx';
import { commitItem, type ItemRef } from './commit.ts';
import { withField } from './field-values.ts';
import type { FieldSpec } from './fields.ts';
import { LabelsField } from './LabelsField.tsx';
import { RulesField } from './RulesField.tsx';
import { TextField, type FieldProps } from './TextField.tsx';

/** The item as the design holds it now (a commit must build on the latest version). */
function currentItem(t: Topology, ref: ItemRef): object | undefined {
  switch (ref.type) {
    case 'node':
      return t.nodes.find((n) => n.id === ref.id);
    case 'edge':
      return (t.edges ?? []).find((e) => e.id === ref.id);
    case 'group':
      return (t.groups ?? []).find((g) => g.id === ref.id);
  }
}

function commitField(ref: ItemRef, spec: FieldSpec, value: unknown): string | null {
  const item = currentItem(designStore.getState().topology, ref) ?? ref.item;
  return commitItem(ref, withField(item, spec.key, value), `Edit ${spec.label.toLowerCase()}`);
}

export function Field({ spec, children }: { spec: FieldSpec; children: ReactNode }) {
  return (
    <div className={`field field-${spec.type}`}>
      <label className="field-label" htmlFor={`field-${spec.key}`}>
        {spec.label}
      </label>
      {children}
      {spec.hint && <div className="field-hint">{spec.hint}</div>}
    </div>
  );
}

export function FieldInput(props: FieldProps & { firing?: readonly string[] }) {
  switch (props.spec.type) {
    case 'bool':
      return <BoolField {...props} />;
    case 'enum':
      return <EnumField {...props} />;
    case 'labels':
      return <LabelsField {...props} />;
    case 'recordingRules':
    case 'alertRules':
      return <RulesField {...props} />;
    case 'suppress':
      return <SuppressField {...props} firing={props.firing ?? []} />;
    case 'text':
    case 'multiline':
    case 'int':
    case 'duration':
    case 'secret':
    case 'path':
    case 'strings':
    case 'selectors':
      return <TextField {...props} />;
  }
}

export function ItemForm({
  target,
  specs,
  placeholders = {},
}: {
  target: ItemRef;
  specs: readonly FieldSpec[];
  placeholders?: Record<string, string | undefined>;
}) {
  const findings = useFindingsOf(target.id);
  const firing = [...new Set(findings.map((f) => f.rule))];
  const item = target.item as unknown as Record<string, unknown>;
  return (
    <div className="item-form">
      {specs.map((spec) => (
        <Field key={spec.key} spec={spec}>
          <FieldInput
            spec={spec}
            value={item[spec.key]}
            placeholder={placeholders[spec.key]}
            firing={firing}
            commit={(v) => commitField(target, spec, v)}
          />
        </Field>
      ))}
    </div>
  );
}
