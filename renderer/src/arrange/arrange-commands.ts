// The arrange commands on the app's store: each is one undo step.
import type { KeySpec } from '../../../shared/commands.ts';
import { parseKey } from '../../../shared/commands.ts';
import type { EditResult, XY } from '../../../shared/design/edit.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { nodeSize } from '../canvas/canvas-registry.ts';
import { GRID } from '../canvas/kinds.ts';
import { designStore } from '../store/design-store.ts';
import { alignItems, distributeItems, nudgeItems, type Align, type Axis } from './arrange.ts';

/** Shift with an arrow moves this many grid steps. */
const BIG_STEP = 4;

function applyToSelection(
  label: string,
  edit: (t: Topology, ids: string[]) => EditResult,
): boolean {
  const s = designStore.getState();
  const ids = s.selection.ids;
  return s.apply({ label, undoable: true, run: (t) => edit(t, ids) });
}

export function align(how: Align): boolean {
  return applyToSelection('Align', (t, ids) => alignItems(t, ids, how, nodeSize));
}

export function distribute(axis: Axis): boolean {
  return applyToSelection('Distribute', (t, ids) => distributeItems(t, ids, axis, nodeSize));
}

/**
 * Whether arrow keys are the canvas's now: focus on the canvas or nowhere in particular. Elsewhere
 * (a radio group, a list, a scrolled panel) they keep their own meaning.
 */
function arrowsForCanvas(): boolean {
  if (typeof document === 'undefined') return true;
  const a = document.activeElement;
  return !a || a === document.body || a.closest('.canvas') !== null;
}

/** Moves the selection one grid step that way; with Shift, four. From a key, only on the canvas. */
export function nudge(direction: XY, key?: KeySpec): boolean {
  if (key !== undefined && !arrowsForCanvas()) return false;
  const step = GRID * (key && parseKey(key).mods.includes('Shift') ? BIG_STEP : 1);
  const by = { x: direction.x * step, y: direction.y * step };
  return applyToSelection('Move', (t, ids) => nudgeItems(t, ids, by, nodeSize));
}

/** Whether anything placed on the canvas is selected (what moving and arranging need). */
export function placedSelection(min: number): boolean {
  const s = designStore.getState();
  const ids = new Set(s.selection.ids);
  let n = 0;
  for (const x of s.topology.nodes) if (ids.has(x.id) && x.position) n++;
  for (const g of s.topology.groups ?? []) if (ids.has(g.id) && g.position) n++;
  return n >= min;
}
