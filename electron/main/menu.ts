// The native menus, built from the command table: labels and keys come from there, and every
// command item sends its id to the renderer, which runs it as the toolbar and the keys do.
import type { KeyboardEvent, MenuItemConstructorOptions } from 'electron';
import {
  COMMANDS,
  parseKey,
  type CommandId,
  type CommandSection,
  type KeySpec,
} from '../../shared/commands.ts';
import type { MenuMessage } from '../../shared/host-api.ts';

export interface MenuActions {
  send(message: MenuMessage): void;
  quit(): void;
  toggleDevTools(): void;
}

/** Items the main process handles itself, and separators. */
type Slot = CommandId | '-' | 'recent' | 'quit' | 'devtools';

/** Where each command sits; a command sits in the menu of its table section. */
export const MENU_LAYOUT: Record<CommandSection, readonly Slot[]> = {
  File: [
    'new',
    'open',
    'recent',
    '-',
    'save',
    'save-as',
    '-',
    'export',
    'export-png',
    'export-svg',
    '-',
    'quit',
  ],
  Edit: [
    'undo',
    'redo',
    '-',
    'cut',
    'copy',
    'paste',
    'duplicate',
    'delete',
    '-',
    'select-all',
    'select-none',
    '-',
    'find',
    '-',
    'move-left',
    'move-right',
    'move-up',
    'move-down',
    '-',
    'align-left',
    'align-centre',
    'align-right',
    'align-top',
    'align-middle',
    'align-bottom',
    'distribute-horizontal',
    'distribute-vertical',
  ],
  View: [
    'command-palette',
    '-',
    'fit',
    'layout',
    'layout-selection',
    '-',
    'theme',
    'shortcuts',
    'devtools',
  ],
  Lab: ['lab-up', 'lab-down', '-', 'lab-status'],
};

// Electron names the arrow keys without "Arrow".
const ELECTRON_KEYS: Record<string, string> = {
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
};

/** Electron's spelling of a key of the table: `Mod+Shift+Z` is `CmdOrCtrl+Shift+Z`. */
export function accelerator(k: KeySpec): string {
  const p = parseKey(k);
  const key = ELECTRON_KEYS[p.key] ?? p.key;
  return [...p.mods.map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m)), key].join('+');
}

/**
 * Only keys with Mod are registered with the system. They reach the menu when the page left them
 * alone (in a text field, whose own undo and copy the renderer then runs; on macOS that is how a
 * field gets its clipboard keys at all). A plain key like F or Delete is only shown: the page
 * alone knows whether it was typed into a field or meant for the canvas.
 */
const registered = (k: KeySpec) => parseKey(k).mods.includes('Mod');

export function menuTemplate(
  a: MenuActions,
  recent: string[],
  dev: boolean,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const command = (id: CommandId): MenuItemConstructorOptions => {
    const c = COMMANDS[id];
    const key = c.keys[0];
    return {
      id,
      label: c.label,
      ...(key ? { accelerator: accelerator(key), registerAccelerator: registered(key) } : {}),
      // No event when the item is clicked from code (MenuItem.click()), whatever the type says.
      click: (_item, _window, event: KeyboardEvent | undefined) =>
        a.send(event?.triggeredByAccelerator ? { command: id, viaKey: true } : { command: id }),
    };
  };
  const slot = (s: Slot): MenuItemConstructorOptions[] => {
    // Every slot but these four is a command, and all commands look alike.
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- see above
    switch (s) {
      case '-':
        return [{ type: 'separator' }];
      case 'recent':
        return [
          {
            label: 'Open Recent',
            submenu:
              recent.length > 0
                ? recent.map((f) => ({
                    label: f,
                    click: () => a.send({ command: 'open', path: f }),
                  }))
                : [{ label: 'No recent files', enabled: false }],
          },
        ];
      case 'quit':
        return [{ label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => a.quit() }];
      case 'devtools':
        return dev
          ? [
              { type: 'separator' },
              { label: 'Developer Tools', accelerator: 'F12', click: () => a.toggleDevTools() },
            ]
          : [];
      default:
        return [command(s)];
    }
  };
  const sections = Object.entries(MENU_LAYOUT) as [CommandSection, readonly Slot[]][];
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    ...sections.map(([label, slots]) => ({ label, submenu: slots.flatMap(slot) })),
  ];
}
