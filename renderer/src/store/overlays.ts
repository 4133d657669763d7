// Which of the app's own overlays is open: the command palette (all, or finding nodes only), the
// shortcut sheet or a context menu. Kept apart from the file dialogs of the file session.
import { create } from 'zustand';
import type { CommandId } from '../../../shared/commands.ts';

/** A context menu's line: a command of the table, or a separator. */
export type MenuEntry = CommandId | '-';

export type Overlay =
  | { kind: 'palette'; mode: 'all' | 'find' }
  | { kind: 'shortcuts' }
  /** A context menu at a point of the window. */
  | { kind: 'menu'; entries: MenuEntry[]; x: number; y: number }
  | null;

export const useOverlay = create<{ overlay: Overlay; show(o: Overlay): void }>()((set) => ({
  overlay: null,
  show(overlay) {
    set({ overlay });
  },
}));
