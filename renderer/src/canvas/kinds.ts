// One look per node kind and per edge kind: the canvas and the palette read only these records,
// made from the kinds' modules (shared/kinds/, renderer/src/kinds/).
import { NODE_KINDS, nodeKinds, type Category } from '../../../shared/kinds/index.ts';
import type { EdgeKind, NodeKind } from '../../../shared/model/schema.ts';
import { EDGE_VIEWS } from '../kinds/index.ts';

export type { Category };

export interface CategoryLook {
  label: string;
  colour: string;
}

/** Categories in palette order, each with the colour of its nodes' left border and icon. */
export const CATEGORIES: Record<Category, CategoryLook> = {
  prometheus: { label: 'Prometheus', colour: '#e6522c' },
  alerting: { label: 'Alerting', colour: '#e5484d' },
  visualisation: { label: 'Visualisation', colour: '#f2a73b' },
  targets: { label: 'Targets', colour: '#3fb67f' },
  'data-store': { label: 'Data stores', colour: '#4e9af1' },
  'logs-traces': { label: 'Logs & traces', colour: '#a77bf0' },
  'long-term': { label: 'Long-term storage', colour: '#26a9b6' },
};

export interface NodeKindLook {
  kind: NodeKind;
  label: string;
  category: Category;
  colour: string;
  /** A short word under the name, e.g. "Prometheus". */
  short: string;
}

export const NODE_LOOKS: Record<NodeKind, NodeKindLook> = Object.fromEntries(
  nodeKinds().map((kind) => {
    const spec = NODE_KINDS[kind];
    const look: NodeKindLook = {
      kind,
      label: spec.label,
      category: spec.category,
      colour: CATEGORIES[spec.category].colour,
      short: spec.label,
    };
    return [kind, look];
  }),
) as Record<NodeKind, NodeKindLook>;

export interface EdgeKindLook {
  label: string;
  colour: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash?: string;
  width: number;
}

export const EDGE_LOOKS: Record<EdgeKind, EdgeKindLook> = Object.fromEntries(
  Object.values(EDGE_VIEWS).map((v) => {
    const look: EdgeKindLook = { label: v.label, colour: v.colour, width: v.width };
    if (v.dash !== undefined) look.dash = v.dash;
    return [v.kind, look];
  }),
) as Record<EdgeKind, EdgeKindLook>;

export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Default size of a node card before it is measured (layout and drop use it). */
export const NODE_SIZE = { width: 180, height: 64 } as const;
export const GRID = 15;

/** From this many nodes on, the canvas renders only what is in view. */
export const BIG_DESIGN = 300;
