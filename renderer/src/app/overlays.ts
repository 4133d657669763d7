// Which of the app's own overlays is open: the command palette (all, or finding nodes only) or
// the shortcut sheet. Kept apart from the file dialogs, which belong to the file session.
import { create } from 'zustand';

export type Overlay = { kind: 'palette'; mode: 'all' | 'find' } | { kind: 'shortcuts' } | null;

export const useOverlay = create<{ overlay: Overlay; show(o: Overlay): void }>()((set) => ({
  overlay: null,
  show(overlay) {
    set({ overlay });
  },
}));
