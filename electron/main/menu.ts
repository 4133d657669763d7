import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuMessage } from '../../shared/host-api.ts';

export interface MenuActions {
  send(message: MenuMessage): void;
  quit(): void;
  toggleDevTools(): void;
}

/** The native menus: every item either sends a command to the renderer or acts in main. */
export function menuTemplate(
  a: MenuActions,
  recent: string[],
  dev: boolean,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const cmd = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => a.send({ command }),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        cmd('New from Template…', 'new', 'CmdOrCtrl+N'),
        cmd('Open…', 'open', 'CmdOrCtrl+O'),
        {
          label: 'Open Recent',
          submenu:
            recent.length > 0
              ? recent.map((f) => ({ label: f, click: () => a.send({ command: 'open', path: f }) }))
              : [{ label: 'No recent files', enabled: false }],
        },
        { type: 'separator' },
        cmd('Save', 'save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        cmd('Export Configs…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => a.quit() },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        cmd('Undo', 'undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        cmd('Cut', 'cut', 'CmdOrCtrl+X'),
        cmd('Copy', 'copy', 'CmdOrCtrl+C'),
        cmd('Paste', 'paste', 'CmdOrCtrl+V'),
        cmd('Select All', 'select-all', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: 'View',
      submenu: [
        cmd('Zoom to Fit', 'fit', 'Shift+1'),
        cmd('Auto Layout', 'layout', 'CmdOrCtrl+L'),
        cmd('Toggle Theme', 'theme'),
        ...(dev
          ? [
              { type: 'separator' as const },
              { label: 'Developer Tools', accelerator: 'F12', click: () => a.toggleDevTools() },
            ]
          : []),
      ],
    },
    {
      label: 'Lab',
      submenu: [
        cmd('Launch Lab', 'lab-up'),
        cmd('Stop Lab…', 'lab-down'),
        { type: 'separator' },
        cmd('Lab Status', 'lab-status'),
      ],
    },
  ];
}
