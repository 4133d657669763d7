// What each command of the table does in the renderer, and when it can. Keyed by every id of the
// table, so a command without a handler does not compile.
import type { CommandId, KeySpec } from '../../../shared/commands.ts';
import { removeItems } from '../../../shared/design/edit.ts';
import {
  copySelection,
  cutSelection,
  duplicateSelection,
  hasClipboard,
  paste,
} from '../canvas/clipboard.ts';
import {
  autoLayout,
  autoLayoutSelection,
  exportPng,
  exportSvg,
  fitView,
} from '../canvas/canvas-commands.ts';
import {
  boundHost,
  exportDesign,
  guardUnsaved,
  newDesign,
  openDesign,
  openPath,
  save,
  saveAs,
  showErrors,
} from '../files/file-actions.ts';
import { useOverlay, type Overlay } from '../store/overlays.ts';
import { align, distribute, nudge, placedSelection } from '../arrange/arrange-commands.ts';
import { launchLab, openStopDialog, showLabStatus } from '../lab/lab-actions.ts';
import { useLab, type LabState } from '../lab/lab-store.ts';
import { designStore, type DesignState } from '../store/design-store.ts';
import { useTheme } from '../theme/theme.ts';

/** What `enabled` looks at. */
export interface CommandState {
  design: DesignState;
  lab: LabState;
  /** A host is bound: the file and lab commands need it. */
  host: boolean;
}

export interface CommandInput {
  /** For `open`: the file to open (Open Recent, a second launch). */
  path?: string;
  /** The key that chose the command, when a key did (Shift+arrow moves further). */
  key?: KeySpec;
}

/** A text field's own command (document.execCommand) standing in for a `text` command. */
export type NativeEdit = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';

export interface CommandHandler {
  /** Does it; `false` when there turned out to be nothing to do (the key is then not taken). */
  run(input: CommandInput): unknown;
  enabled?(s: CommandState): boolean;
  native?: NativeEdit;
}

export function commandState(): CommandState {
  return { design: designStore.getState(), lab: useLab.getState(), host: boundHost() !== null };
}

const store = () => designStore.getState();
const withHost = (s: CommandState) => s.host;
const hasSelection = (s: CommandState) => s.design.selection.ids.length > 0;
const hasNodes = (s: CommandState) => s.design.topology.nodes.length > 0;
const canMove = () => placedSelection(1);
const canAlign = () => placedSelection(2);
const canDistribute = () => placedSelection(3);
const showOverlay = (o: Overlay) => useOverlay.getState().show(o);
const labIdle = (s: CommandState) => s.host && !s.lab.starting && !s.lab.stopping;

/** Opens a file the host named, asking first about unsaved work. */
function openNamed(path: string): void {
  guardUnsaved('Open', () => {
    void openPath(path).then((r) => {
      if (!r.ok && r.message) showErrors('Cannot open the design', r.message, r.details);
    });
  });
}

function deleteSelection(): void {
  const ids = new Set(store().selection.ids);
  if (store().apply({ label: 'Delete', undoable: true, run: (t) => removeItems(t, ids) })) {
    store().select([]);
  }
}

export const HANDLERS: Record<CommandId, CommandHandler> = {
  new: { run: newDesign, enabled: withHost },
  open: {
    run: ({ path }) => (path !== undefined ? openNamed(path) : openDesign()),
    enabled: withHost,
  },
  save: { run: () => void save(), enabled: withHost },
  'save-as': { run: () => saveAs(), enabled: withHost },
  export: { run: exportDesign, enabled: withHost },
  'export-png': { run: () => void exportPng(), enabled: hasNodes },
  'export-svg': { run: () => void exportSvg(), enabled: hasNodes },
  undo: { run: () => store().undo(), enabled: (s) => s.design.past.length > 0, native: 'undo' },
  redo: { run: () => store().redo(), enabled: (s) => s.design.future.length > 0, native: 'redo' },
  cut: { run: cutSelection, enabled: hasSelection, native: 'cut' },
  copy: { run: copySelection, enabled: hasSelection, native: 'copy' },
  paste: { run: paste, enabled: () => hasClipboard(), native: 'paste' },
  duplicate: { run: () => void duplicateSelection(), enabled: hasSelection },
  delete: { run: deleteSelection, enabled: hasSelection },
  'select-all': {
    run: () => store().select(store().topology.nodes.map((n) => n.id)),
    enabled: hasNodes,
    native: 'selectAll',
  },
  'select-none': { run: () => store().select([]), enabled: hasSelection },
  find: { run: () => showOverlay({ kind: 'palette', mode: 'find' }), enabled: hasNodes },
  'move-left': { run: ({ key }) => nudge({ x: -1, y: 0 }, key), enabled: canMove },
  'move-right': { run: ({ key }) => nudge({ x: 1, y: 0 }, key), enabled: canMove },
  'move-up': { run: ({ key }) => nudge({ x: 0, y: -1 }, key), enabled: canMove },
  'move-down': { run: ({ key }) => nudge({ x: 0, y: 1 }, key), enabled: canMove },
  'align-left': { run: () => align('left'), enabled: canAlign },
  'align-centre': { run: () => align('centre'), enabled: canAlign },
  'align-right': { run: () => align('right'), enabled: canAlign },
  'align-top': { run: () => align('top'), enabled: canAlign },
  'align-middle': { run: () => align('middle'), enabled: canAlign },
  'align-bottom': { run: () => align('bottom'), enabled: canAlign },
  'distribute-horizontal': { run: () => distribute('horizontal'), enabled: canDistribute },
  'distribute-vertical': { run: () => distribute('vertical'), enabled: canDistribute },
  'command-palette': { run: () => showOverlay({ kind: 'palette', mode: 'all' }) },
  shortcuts: { run: () => showOverlay({ kind: 'shortcuts' }) },
  fit: { run: fitView },
  layout: { run: () => void autoLayout(), enabled: hasNodes },
  'layout-selection': { run: () => void autoLayoutSelection(), enabled: hasSelection },
  theme: { run: () => useTheme.getState().toggle() },
  'lab-up': { run: () => void launchLab(), enabled: labIdle },
  'lab-down': { run: openStopDialog, enabled: (s) => labIdle(s) && s.lab.status !== null },
  'lab-status': { run: () => void showLabStatus(), enabled: withHost },
};

export function isEnabled(id: CommandId, s: CommandState = commandState()): boolean {
  return HANDLERS[id].enabled?.(s) ?? true;
}
