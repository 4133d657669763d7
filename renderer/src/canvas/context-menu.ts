// What a right-click on the canvas offers: commands of the registry, chosen by what was clicked
// (the empty canvas, a node, a group or an edge). Pure, so the choice is tested apart.

export type MenuTarget = { kind: 'canvas' } | { kind: 'node' | 'group' | 'edge'; id: string };
import type { MenuEntry } from '../store/overlays.ts';

export type { MenuEntry };

const ARRANGE: MenuEntry[] = [
  '-',
  'align-left',
  'align-centre',
  'align-right',
  'align-top',
  'align-middle',
  'align-bottom',
];
const ITEM: MenuEntry[] = ['cut', 'copy', 'duplicate', 'delete'];

/** The entries for a target; `selected` is how many items the selection holds after the click. */
export function menuFor(target: MenuTarget, selected: number): MenuEntry[] {
  switch (target.kind) {
    case 'canvas':
      return ['paste', 'select-all', '-', 'layout', 'fit', '-', 'command-palette', 'shortcuts'];
    case 'edge':
      return ['delete'];
    case 'node':
    case 'group': {
      const out: MenuEntry[] = [...ITEM, '-', 'layout-selection'];
      // Arranging means something from two items on; with one the entries would only be noise.
      if (selected >= 2) out.push(...ARRANGE);
      if (selected >= 3) out.push('distribute-horizontal', 'distribute-vertical');
      return out;
    }
  }
}

/** What was right-clicked, from the element under the pointer; null outside the canvas. */
export function targetOf(el: Element | null): MenuTarget | null {
  if (!el?.closest('.canvas')) return null;
  // The canvas's own controls (zoom buttons, minimap) keep the browser's menu.
  if (el.closest('.react-flow__controls, .react-flow__minimap')) return null;
  const node = el.closest<HTMLElement>('.react-flow__node');
  const id = node?.dataset['id'];
  if (node && id)
    return { kind: node.classList.contains('react-flow__node-groupBox') ? 'group' : 'node', id };
  const edge = el.closest<HTMLElement>('.react-flow__edge, [data-edge-id]');
  const edgeId = edge?.dataset['id'] ?? edge?.dataset['edgeId'];
  if (edgeId) return { kind: 'edge', id: edgeId };
  return { kind: 'canvas' };
}
