// The designer's keyboard shortcuts. They stand aside while the user types in a field or an editor
// (which keep their own undo and clipboard), and while a dialog is open; Ctrl+S saves from anywhere.
import { useEffect } from 'react';
import { removeItems } from '../../../shared/model/edit.ts';
import { fitView } from '../canvas/canvas-commands.ts';
import {
  boundHost,
  exportDesign,
  newDesign,
  openDesign,
  save,
  saveAs,
} from '../files/file-actions.ts';
import { designStore } from '../store/design-store.ts';
import { copySelection, cutSelection, duplicateSelection, paste } from './clipboard.ts';
import { modalOpen } from './Dialog.tsx';

/** Whether keys now go to text the user is typing. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
      target.type,
    );
  }
  return false;
}

function deleteSelection(): void {
  const s = designStore.getState();
  if (s.selection.ids.length === 0) return;
  const ids = new Set(s.selection.ids);
  if (s.apply({ label: 'Delete', undoable: true, run: (t) => removeItems(t, ids) })) s.select([]);
}

/** Handles a key; true when it was one of ours (its default action is then prevented). */
export function handleShortcut(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const fileHost = boundHost() !== null;

  // Save works even while typing: what was typed so far is in the store already.
  if (mod && !e.altKey && key === 's') {
    if (modalOpen() || !fileHost) return true; // never the browser's "save page"
    if (e.shiftKey) saveAs();
    else void save();
    return true;
  }
  if (e.defaultPrevented || typing(e.target) || modalOpen()) return false;

  const store = designStore.getState();
  if (mod && !e.altKey) {
    switch (key) {
      case 'z':
        if (e.shiftKey) store.redo();
        else store.undo();
        return true;
      case 'y':
        store.redo();
        return true;
      case 'o':
        if (fileHost) openDesign();
        return true;
      case 'n':
        if (fileHost) newDesign();
        return true;
      case 'e':
        if (fileHost) exportDesign();
        return true;
      case 'a':
        store.select(store.topology.nodes.map((n) => n.id));
        return true;
      case 'c':
        // Let a text selection elsewhere on the page copy as usual.
        return copySelection();
      case 'x':
        return cutSelection();
      case 'v':
        return paste();
      case 'd':
        duplicateSelection();
        return true;
      default:
        return false;
    }
  }
  if (e.altKey || mod) return false;
  if (key === 'Delete' || key === 'Backspace') {
    deleteSelection();
    return true;
  }
  if (key === 'Escape') {
    if (store.selection.ids.length === 0) return false;
    store.select([]);
    return true;
  }
  if ((e.shiftKey && e.code === 'Digit1') || (!e.shiftKey && key === 'f')) {
    fitView();
    return true;
  }
  return false;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleShortcut(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
