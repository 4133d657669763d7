// Commands from the host's native menus (Electron): the same actions as the toolbar and the keys.
import type { HostApi, HostEvents, MenuMessage } from '../../../shared/host-api.ts';
import { copySelection, cutSelection, paste } from '../app/clipboard.ts';
import { autoLayout, fitView } from '../canvas/canvas-commands.ts';
import { launchLab, openStopDialog, showLabStatus } from '../lab/lab-actions.ts';
import { designStore } from '../store/design-store.ts';
import { useTheme } from '../theme/theme.ts';
import {
  exportDesign,
  guardUnsaved,
  newDesign,
  openDesign,
  openPath,
  save,
  saveAs,
  showErrors,
} from './file-actions.ts';
import { useFileUi } from './file-ui.ts';

/** Opens a file the host named (Open Recent, a second launch), asking first about unsaved work. */
function openNamed(path: string): void {
  guardUnsaved('Open', () => {
    void openPath(path).then((r) => {
      if (!r.ok && r.message) showErrors('Cannot open the design', r.message, r.details);
    });
  });
}

/** Edit commands that belong to a focused text field rather than to the design. */
const TEXT_COMMANDS: Partial<Record<MenuMessage['command'], string>> = {
  undo: 'undo',
  redo: 'redo',
  cut: 'cut',
  copy: 'copy',
  paste: 'paste',
  'select-all': 'selectAll',
};

function editingText(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLElement && el.isContentEditable)
  );
}

export function runMenuCommand({ command: c, path }: MenuMessage): void {
  const store = designStore.getState();
  // The menu's accelerators reach us even while a field has focus: there they edit the text.
  const native = TEXT_COMMANDS[c];
  if (native && editingText()) {
    // execCommand is deprecated but is what Electron's own edit roles do; there is no successor.
    document.execCommand(native);
    return;
  }
  // While a dialog is open only the commands that do not change the document run.
  if (useFileUi.getState().dialog && c !== 'theme') return;
  switch (c) {
    case 'new':
      return newDesign();
    case 'open':
      return path !== undefined ? openNamed(path) : openDesign();
    case 'save':
      return void save();
    case 'save-as':
      return saveAs();
    case 'export':
      return exportDesign();
    case 'undo':
      return store.undo();
    case 'redo':
      return store.redo();
    case 'cut':
      return void cutSelection();
    case 'copy':
      return void copySelection();
    case 'paste':
      return void paste();
    case 'select-all':
      return store.select(store.topology.nodes.map((n) => n.id));
    case 'fit':
      return fitView();
    case 'theme':
      return useTheme.getState().toggle();
    case 'layout':
      return void autoLayout();
    case 'lab-up':
      return void launchLab();
    case 'lab-down':
      return openStopDialog();
    case 'lab-status':
      return void showLabStatus();
  }
}

/** Listens to the host's menus, where it has them; returns the unsubscribe. */
export function listenToMenus(host: HostApi): () => void {
  const events = host as HostApi & Partial<HostEvents>;
  if (typeof events.onMenu !== 'function') return () => undefined;
  return events.onMenu(runMenuCommand);
}
