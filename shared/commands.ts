// The designer's commands as data: what each is called, where the native menus show it, its keys,
// and when it may run. The renderer adds what each does (renderer/src/commands), Electron's main
// builds its menus and accelerators from the same table, so a key or a label is written once.

/** Keys in one platform-neutral notation: modifiers then the key, `+`-joined (`Mod+Shift+Z`).
 * `Mod` is Ctrl, or ⌘ on Apple machines; a key is a letter, a digit or a KeyboardEvent.key name. */
export type KeySpec = string;

export type CommandSection = 'File' | 'Edit' | 'View' | 'Lab';

/**
 * What a command does while the user types in a text field:
 * - `run`: runs anyway (save: what was typed is in the store already);
 * - `text`: belongs to the text (undo, copy...): the field's own command runs instead;
 * - `skip`: the key is the field's (a typed `f` is a letter, not "zoom to fit").
 */
export type WhileTyping = 'run' | 'text' | 'skip';

export interface CommandSpec {
  /** The full name: menus, titles, the command palette. */
  label: string;
  /** A shorter name for a toolbar button, when it has one. */
  short?: string;
  section: CommandSection;
  /** The first is the one menus show; the others work too. */
  keys: readonly KeySpec[];
  /** Enters the undo history (one step). */
  undoable: boolean;
  /** May run while a dialog is open (only what does not touch the document). */
  inDialog: boolean;
  whileTyping: WhileTyping;
}

const spec = (
  section: CommandSection,
  label: string,
  keys: readonly KeySpec[],
  more: Partial<Omit<CommandSpec, 'section' | 'label' | 'keys'>> = {},
): CommandSpec => ({
  section,
  label,
  keys,
  undoable: false,
  inDialog: false,
  whileTyping: 'skip',
  ...more,
});

// File commands work from a text field too, as in any desktop app: their keys mean nothing to
// the text, and a browser would otherwise take them (save page, open file).
const fileKey = { whileTyping: 'run' } as const;
const textKey = { whileTyping: 'text' } as const;
const move = { undoable: true } as const;
const arrange = { undoable: true } as const;

export const COMMANDS = {
  new: spec('File', 'New from Template…', ['Mod+N'], { short: 'New', ...fileKey }),
  open: spec('File', 'Open…', ['Mod+O'], { short: 'Open', ...fileKey }),
  save: spec('File', 'Save', ['Mod+S'], fileKey),
  'save-as': spec('File', 'Save As…', ['Mod+Shift+S'], { short: 'Save as', ...fileKey }),
  export: spec('File', 'Export Configs…', ['Mod+E'], { short: 'Export', ...fileKey }),
  'export-png': spec('File', 'Export Diagram as PNG', [], { short: 'PNG' }),
  'export-svg': spec('File', 'Export Diagram as SVG', [], { short: 'SVG' }),
  undo: spec('Edit', 'Undo', ['Mod+Z'], textKey),
  redo: spec('Edit', 'Redo', ['Mod+Shift+Z', 'Mod+Y'], textKey),
  cut: spec('Edit', 'Cut', ['Mod+X'], { undoable: true, ...textKey }),
  copy: spec('Edit', 'Copy', ['Mod+C'], textKey),
  paste: spec('Edit', 'Paste', ['Mod+V'], { undoable: true, ...textKey }),
  duplicate: spec('Edit', 'Duplicate', ['Mod+D'], { undoable: true }),
  delete: spec('Edit', 'Delete', ['Delete', 'Backspace'], { undoable: true }),
  'select-all': spec('Edit', 'Select All', ['Mod+A'], textKey),
  'select-none': spec('Edit', 'Select None', ['Escape']),
  find: spec('Edit', 'Find Node…', ['Mod+F'], { short: 'Find' }),
  'move-left': spec('Edit', 'Move Selection Left', ['ArrowLeft', 'Shift+ArrowLeft'], move),
  'move-right': spec('Edit', 'Move Selection Right', ['ArrowRight', 'Shift+ArrowRight'], move),
  'move-up': spec('Edit', 'Move Selection Up', ['ArrowUp', 'Shift+ArrowUp'], move),
  'move-down': spec('Edit', 'Move Selection Down', ['ArrowDown', 'Shift+ArrowDown'], move),
  'align-left': spec('Edit', 'Align Left Edges', [], arrange),
  'align-centre': spec('Edit', 'Align Centres Vertically', [], arrange),
  'align-right': spec('Edit', 'Align Right Edges', [], arrange),
  'align-top': spec('Edit', 'Align Top Edges', [], arrange),
  'align-middle': spec('Edit', 'Align Middles Horizontally', [], arrange),
  'align-bottom': spec('Edit', 'Align Bottom Edges', [], arrange),
  'distribute-horizontal': spec('Edit', 'Distribute Horizontally', [], arrange),
  'distribute-vertical': spec('Edit', 'Distribute Vertically', [], arrange),
  'command-palette': spec('View', 'Command Palette…', ['Mod+K'], { short: 'Commands' }),
  shortcuts: spec('View', 'Keyboard Shortcuts', ['F1', 'Shift+?']),
  fit: spec('View', 'Zoom to Fit', ['Shift+1', 'F'], { short: 'Fit' }),
  layout: spec('View', 'Auto Layout', ['Mod+L'], { short: 'Layout', undoable: true }),
  'layout-selection': spec('View', 'Lay Out Selection', ['Mod+Shift+L'], { undoable: true }),
  theme: spec('View', 'Toggle Theme', [], { inDialog: true }),
  'lab-up': spec('Lab', 'Launch Lab', [], { short: 'Launch' }),
  'lab-down': spec('Lab', 'Stop Lab…', [], { short: 'Stop' }),
  'lab-status': spec('Lab', 'Lab Status', []),
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as [CommandId, ...CommandId[]];

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

export type Modifier = 'Mod' | 'Alt' | 'Shift';

/** A key split into its modifiers and its key: `{ mods: ['Mod', 'Shift'], key: 'Z' }`. */
export interface ParsedKey {
  mods: Modifier[];
  /** A letter or digit in upper case, or a KeyboardEvent.key name (`Delete`, `Escape`). */
  key: string;
}

const MODIFIER_NAMES: Record<string, Modifier> = {
  mod: 'Mod',
  ctrl: 'Mod',
  control: 'Mod',
  cmd: 'Mod',
  command: 'Mod',
  meta: 'Mod',
  cmdorctrl: 'Mod',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
};

const MOD_ORDER: Modifier[] = ['Mod', 'Alt', 'Shift'];

/** Parses a key; Ctrl, Cmd and Meta all mean Mod (one binding on every platform). */
export function parseKey(k: KeySpec): ParsedKey {
  const parts = k.split('+');
  const last = parts.pop();
  if (!last) throw new Error(`key "${k}": no key after the modifiers`);
  const mods = new Set<Modifier>();
  for (const p of parts) {
    const m = MODIFIER_NAMES[p.toLowerCase()];
    if (!m) throw new Error(`key "${k}": unknown modifier "${p}"`);
    mods.add(m);
  }
  const key = last.length === 1 ? last.toUpperCase() : last;
  if (key.length > 1 && !/^[A-Z][A-Za-z0-9]*$/.test(key)) {
    throw new Error(`key "${k}": "${last}" is not a key name`);
  }
  return { mods: MOD_ORDER.filter((m) => mods.has(m)), key };
}

/** One spelling per key, to compare bindings: `Ctrl+shift+z` and `Mod+Shift+Z` are the same. */
export function normalKey(k: KeySpec): string {
  const p = parseKey(k);
  return [...p.mods, p.key].join('+');
}
