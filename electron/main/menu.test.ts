import type { KeyboardEvent, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, type CommandId } from '../../shared/commands.ts';
import { MenuMessage } from '../../shared/host-api.ts';
import { accelerator, menuTemplate } from './menu.ts';

function build(opts: { recent?: string[]; dev?: boolean; isMac?: boolean } = {}) {
  const sent: MenuMessage[] = [];
  const acted: string[] = [];
  const template = menuTemplate(
    {
      send: (m) => void sent.push(m),
      quit: () => void acted.push('quit'),
      toggleDevTools: () => void acted.push('devtools'),
    },
    opts.recent ?? [],
    opts.dev ?? false,
    opts.isMac ?? false,
  );
  return { template, sent, acted };
}

/** Every item under a top-level menu, with the label of that menu. */
function items(template: MenuItemConstructorOptions[]) {
  const out: { menu: string; item: MenuItemConstructorOptions }[] = [];
  const walk = (menu: string, list: MenuItemConstructorOptions[]) => {
    for (const item of list) {
      out.push({ menu, item });
      if (Array.isArray(item.submenu)) walk(menu, item.submenu);
    }
  };
  for (const top of template) if (Array.isArray(top.submenu)) walk(top.label!, top.submenu);
  return out;
}

const click = (item: MenuItemConstructorOptions, event: Partial<KeyboardEvent> = {}) =>
  (item.click as (i: unknown, w: unknown, e: KeyboardEvent) => void)(null, undefined, event);

// Electron's accelerator grammar, as far as the table uses it.
const ELECTRON_ACCELERATOR =
  /^((CmdOrCtrl|Shift|Alt)\+)*([A-Z0-9?]|F\d{1,2}|Delete|Backspace|Escape|Enter|Tab|Space|Left|Right|Up|Down)$/;

describe('the native menus', () => {
  it('hold every command of the table once, in the menu of its section, under its label', () => {
    const { template } = build();
    const commands = items(template).filter(({ item }) => item.id !== undefined);
    expect(commands.map(({ item }) => item.id).sort()).toEqual([...COMMAND_IDS].sort());
    for (const { menu, item } of commands) {
      const spec = COMMANDS[item.id as CommandId];
      expect(spec, `menu item ${item.id} is not a command`).toBeDefined();
      expect(menu, item.id).toBe(spec.section);
      expect(item.label).toBe(spec.label);
    }
  });

  it('gives each item the accelerator of its first key, registered only when it has Mod', () => {
    const { template } = build();
    const byId = new Map(items(template).map(({ item }) => [item.id, item]));
    expect(byId.get('redo')).toMatchObject({
      accelerator: 'CmdOrCtrl+Shift+Z',
      registerAccelerator: true,
    });
    expect(byId.get('layout')).toMatchObject({ accelerator: 'CmdOrCtrl+L' });
    expect(byId.get('duplicate')).toMatchObject({ accelerator: 'CmdOrCtrl+D' });
    expect(byId.get('fit')).toMatchObject({ accelerator: 'Shift+1', registerAccelerator: false });
    expect(byId.get('delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    expect(byId.get('theme')!.accelerator).toBeUndefined();
    expect(byId.get('move-left')).toMatchObject({
      accelerator: 'Left',
      registerAccelerator: false,
    });
    expect(byId.get('shortcuts')).toMatchObject({ accelerator: 'F1', registerAccelerator: false });
    for (const id of COMMAND_IDS) {
      const first = COMMANDS[id].keys[0];
      const item = byId.get(id)!;
      expect(item.accelerator).toBe(first === undefined ? undefined : accelerator(first));
      if (item.accelerator) expect(item.accelerator).toMatch(ELECTRON_ACCELERATOR);
    }
  });

  it('sends the id on a click, and says when the key chose it', () => {
    const { template, sent } = build();
    const byId = new Map(items(template).map(({ item }) => [item.id, item]));
    click(byId.get('lab-status')!);
    click(byId.get('undo')!, { triggeredByAccelerator: true });
    expect(sent).toEqual([{ command: 'lab-status' }, { command: 'undo', viaKey: true }]);
    for (const m of sent) expect(MenuMessage.parse(m)).toEqual(m);
  });

  it('opens recent files by path, and handles quit and developer tools in main', () => {
    const { template, sent, acted } = build({ recent: ['/d/a.topology.yaml'], dev: true });
    const all = items(template).map(({ item }) => item);
    click(all.find((i) => i.label === '/d/a.topology.yaml')!);
    click(all.find((i) => i.label === 'Quit')!);
    click(all.find((i) => i.label === 'Developer Tools')!);
    expect(sent).toEqual([{ command: 'open', path: '/d/a.topology.yaml' }]);
    expect(acted).toEqual(['quit', 'devtools']);
    expect(build().template.flatMap((t) => t.label ?? [])).toEqual(['File', 'Edit', 'View', 'Lab']);
    expect(build({ isMac: true }).template[0]).toEqual({ role: 'appMenu' });
    const noRecent = items(build().template).find(({ item }) => item.label === 'No recent files');
    expect(noRecent?.item.enabled).toBe(false);
  });
});
