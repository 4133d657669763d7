// What the toolbar, the palette and the group boxes ask of the canvas. The canvas registers its
// React Flow instance here when it mounts; without one, the view commands do nothing.
import {
  addGroup,
  addNode,
  groupAt,
  nextFreePosition,
  placeItems,
  regroupNodes,
  type Box,
  type XY,
} from '../../../shared/design/edit.ts';
import type { NodeKind, Topology } from '../../../shared/model/schema.ts';
import { designStore } from '../store/design-store.ts';
import { getCanvas, nodeSize } from './canvas-registry.ts';
import { DEFAULT_GROUP_SIZE } from './derive.ts';
import { BIG_DESIGN, GRID, NODE_SIZE } from './kinds.ts';
import { setGesture } from '../store/gesture.ts';
import { layoutTopology, type LayoutResult } from './layout.ts';
import { anchorLayout, selectionPart } from './layout-selection.ts';
import { freeSpotNear } from './free-spot.ts';

export function fitView(): void {
  // React Flow keeps a fit asked for on an empty canvas and runs it when the first node appears,
  // which would pull the user's first drop away from the cursor: an empty design is not fitted.
  if (designStore.getState().topology.nodes.length === 0) return;
  void getCanvas()?.rf.fitView({ padding: 0.12, duration: 200, maxZoom: 1 });
}

const snap = (v: number) => Math.round(v / GRID) * GRID;

/** Adds a node of a kind (or a group) centred on a point of the flow. */
export function addKindAt(kind: NodeKind | 'group', centre: XY): boolean {
  const store = designStore.getState();
  if (kind === 'group') {
    const { width, height } = DEFAULT_GROUP_SIZE;
    const rect = { x: snap(centre.x - width / 2), y: snap(centre.y - height / 2), width, height };
    return store.apply({ label: 'Add group', undoable: true, run: (t) => addGroup(t, rect) });
  }
  const pos = { x: snap(centre.x - NODE_SIZE.width / 2), y: snap(centre.y - NODE_SIZE.height / 2) };
  return store.apply({
    label: `Add ${kind}`,
    undoable: true,
    run: (t) => addNode(t, kind, pos, groupAt(t, centre)),
  });
}

/** Adds a node at a free spot near the middle of the view (the palette's click and Enter). */
export function addKindAtFreeSpot(kind: NodeKind | 'group'): boolean {
  const t = designStore.getState().topology;
  let centre: XY;
  const c = getCanvas();
  if (c) {
    const r = c.el.getBoundingClientRect();
    centre = c.rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  } else {
    const p = nextFreePosition(t);
    centre = { x: p.x + NODE_SIZE.width / 2, y: p.y + NODE_SIZE.height / 2 };
  }
  const size = kind === 'group' ? DEFAULT_GROUP_SIZE : NODE_SIZE;
  // Nodes and group boxes alike: a click-to-add never lands on a node or silently in a group.
  const taken: Box[] = [
    ...t.nodes.flatMap((n) => (n.position ? [{ ...n.position, ...nodeSize(n.id) }] : [])),
    ...(t.groups ?? []).flatMap((g) =>
      g.position ? [{ ...g.position, ...(g.size ?? DEFAULT_GROUP_SIZE) }] : [],
    ),
  ];
  centre = freeSpotNear(centre, size, taken);
  return addKindAt(kind, centre);
}

let layingOut = false;

/**
 * Lays the whole design out with ELK. As a command it is one undo step; on load it is part of
 * loading: no undo step, and a design that was clean stays clean.
 */
export async function autoLayout(mode: 'command' | 'load' = 'command'): Promise<void> {
  const t = designStore.getState().topology;
  if (t.nodes.length === 0) return;
  await runLayout(t, mode, () => layoutTopology(t, nodeSize));
}

/** Lays out the selected nodes and groups among themselves; the rest stays where it is. */
export async function autoLayoutSelection(): Promise<void> {
  const s = designStore.getState();
  const part = selectionPart(s.topology, new Set(s.selection.ids));
  if (part.nodes.length === 0) return;
  await runLayout(s.topology, 'command', async () =>
    anchorLayout(part, await layoutTopology(part, nodeSize)),
  );
}

async function runLayout(
  t: Topology,
  mode: 'command' | 'load',
  layout: () => Promise<LayoutResult>,
): Promise<void> {
  if (layingOut) return;
  layingOut = true;
  // ELK runs in a worker: the canvas stays live, and says what it is busy with meanwhile.
  if (t.nodes.length > BIG_DESIGN)
    designStore.getState().notify(`Laying out ${t.nodes.length} nodes…`, 'info');
  const pane = getCanvas()?.el;
  pane?.setAttribute('aria-busy', 'true');
  try {
    const r = await layout();
    const s = designStore.getState();
    if (s.topology !== t) {
      if (mode === 'command')
        s.notify('Auto-layout: the design changed meanwhile; try again', 'error');
      return;
    }
    const run = () => placeItems(t, r.nodes, r.groups);
    if (mode === 'command') s.apply({ label: 'Auto-layout', undoable: true, run });
    else {
      const clean = s.revision === s.savedRevision;
      s.apply({ label: 'Layout on open', undoable: false, run });
      s.checkpoint(); // the laid-out design is where the first undo returns to
      if (clean) designStore.setState({ savedRevision: designStore.getState().revision });
    }
    requestAnimationFrame(() => fitView());
  } catch (e) {
    designStore.getState().notify(`Auto-layout failed: ${(e as Error).message}`, 'error');
  } finally {
    layingOut = false;
    pane?.removeAttribute('aria-busy');
  }
}

export { exportPng, exportSvg } from './diagram-export.ts';

// Group resizing: one undo step per resize; the members inside the new box belong to it after.
export function onGroupResizeStart(): void {
  setGesture(true);
  designStore.getState().checkpoint();
}

export function onGroupResize(id: string, box: Box, undoable: boolean): void {
  designStore.getState().apply({
    label: 'Resize group',
    undoable,
    run: (t) => placeItems(t, new Map(), new Map([[id, box]])),
  });
}

export function onGroupResizeEnd(id: string, box: Box): void {
  setGesture(false);
  designStore.getState().apply({
    label: 'Resize group',
    undoable: true,
    run: (t) => {
      const placed = placeItems(t, new Map(), new Map([[id, box]]));
      const ids = placed.nodes
        .filter((n) => n.group === id || (n.position && inside(n.position, nodeSize(n.id), box)))
        .map((n) => n.id);
      return regroupNodes(placed, ids, nodeSize);
    },
  });
}

function inside(p: XY, s: { width: number; height: number }, b: Box): boolean {
  const cx = p.x + s.width / 2;
  const cy = p.y + s.height / 2;
  return cx >= b.x && cy >= b.y && cx <= b.x + b.width && cy <= b.y + b.height;
}
