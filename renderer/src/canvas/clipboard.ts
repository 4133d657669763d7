// Copy, cut, paste and duplicate of the selection. The copy is kept in memory (pasted with
// pasteFragment, shifted 40px further each time) and offered to the system clipboard as design
// YAML when the browser allows, so it can be pasted into a text editor or a design file.
import { removeItems } from '../../../shared/design/edit.ts';
import {
  copyFragment,
  duplicateOffset,
  pasteFragment,
  type Fragment,
} from '../../../shared/design/fragment.ts';
import { API_VERSION } from '../../../shared/model/schema.ts';
import { serializeTopology } from '../../../shared/model/serialize.ts';
import { designStore } from '../store/design-store.ts';

const STEP = 40;

let clip: { fragment: Fragment; pastes: number } | null = null;

function selectedFragment(): Fragment | null {
  const s = designStore.getState();
  if (s.selection.ids.length === 0) return null;
  const f = copyFragment(s.topology, new Set(s.selection.ids));
  return f.nodes.length === 0 && f.groups.length === 0 ? null : f;
}

function fragmentYaml(f: Fragment): string | null {
  try {
    return serializeTopology({
      apiVersion: API_VERSION,
      kind: 'Topology',
      metadata: { name: designStore.getState().topology.metadata.name },
      nodes: f.nodes,
      edges: f.edges,
      ...(f.groups.length ? { groups: f.groups } : {}),
    });
  } catch {
    return null; // a selection the format cannot hold stays in the app's own clipboard
  }
}

/** Copies the selection; false when nothing copyable is selected. */
export function copySelection(): boolean {
  const f = selectedFragment();
  if (!f) return false;
  clip = { fragment: f, pastes: 0 };
  const text = fragmentYaml(f);
  // Absent outside a secure context, whatever lib.dom says.
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (text !== null && clipboard) {
    clipboard.writeText(text).catch(() => undefined); // not allowed: memory only
  }
  return true;
}

export function cutSelection(): boolean {
  if (!copySelection()) return false;
  const ids = new Set(designStore.getState().selection.ids);
  const store = designStore.getState();
  if (store.apply({ label: 'Cut', undoable: true, run: (t) => removeItems(t, ids) })) {
    store.select([]);
  }
  return true;
}

/** Pastes the clipboard 40px further than the last paste; the pasted items become the selection. */
export function paste(): boolean {
  if (!clip) return false;
  const c = clip;
  const d = (c.pastes + 1) * STEP;
  const ok = designStore.getState().apply({
    label: 'Paste',
    undoable: true,
    run: (t) => pasteFragment(t, c.fragment, { x: d, y: d }),
  });
  if (ok) c.pastes += 1;
  return ok;
}

/** Duplicates the selection next to itself; the clipboard stays as it was. */
export function duplicateSelection(): boolean {
  const f = selectedFragment();
  if (!f) return false;
  return designStore.getState().apply({
    label: 'Duplicate',
    undoable: true,
    run: (t) => pasteFragment(t, f, duplicateOffset(f, STEP)),
  });
}

export function hasClipboard(): boolean {
  return clip !== null;
}
