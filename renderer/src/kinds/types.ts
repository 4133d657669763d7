// What the canvas and the inspector need of a kind beyond its facts (shared/kinds/): its icon,
// its form fields and where the automatic layout puts it.
import type { EdgeKind, NodeKind } from '../../../shared/model/schema.ts';
import type { FieldSpec } from './field-spec.ts';

/**
 * Rows of the top-down layout: Grafana on top, query layers, the servers (federators above the
 * servers they federate), the collectors, then storage. `beside-users` sits with whoever uses it.
 */
export type LayoutRole = 'top' | 'query' | 'servers' | 'collectors' | 'storage' | 'beside-users';

export interface NodeKindView<K extends NodeKind> {
  kind: K;
  /** assets/icons/<kind>.svg as text, drawn with currentColor. */
  icon: string;
  /** The inspector's form fields between the name and the notes (may be empty). */
  fields: readonly FieldSpec[];
  /** Keys of the kind's fields only the YAML tab edits, named in the form's footnote. */
  yamlOnly?: readonly string[];
  layout: LayoutRole;
}

export interface EdgeKindView<K extends EdgeKind> {
  kind: K;
  /** The word on the canvas. */
  label: string;
  colour: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
  width: number;
  /** The inspector's form fields before the notes (may be empty). */
  fields: readonly FieldSpec[];
  /** Keys of the kind's fields only the YAML tab edits. */
  yamlOnly?: readonly string[];
}
