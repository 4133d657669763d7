import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../../shared/commands.ts';
import { menuFor } from './context-menu.ts';

describe('the canvas’s context menus', () => {
  it('offer the view and clipboard commands on the empty canvas', () => {
    expect(menuFor({ kind: 'canvas' }, 0)).toEqual([
      'paste',
      'select-all',
      '-',
      'layout',
      'fit',
      '-',
      'command-palette',
      'shortcuts',
    ]);
  });

  it('offer editing on a node or group, and arranging once there is something to arrange', () => {
    const one = menuFor({ kind: 'node', id: 'a' }, 1);
    expect(one).toEqual(['cut', 'copy', 'duplicate', 'delete', '-', 'layout-selection']);
    const two = menuFor({ kind: 'group', id: 'g' }, 2);
    expect(two).toContain('align-left');
    expect(two).not.toContain('distribute-horizontal');
    expect(menuFor({ kind: 'node', id: 'a' }, 3)).toContain('distribute-vertical');
  });

  it('offer delete on an edge', () => {
    expect(menuFor({ kind: 'edge', id: 'e' }, 1)).toEqual(['delete']);
  });

  it('name only commands of the registry', () => {
    const all = (['canvas', 'node', 'group', 'edge'] as const).flatMap((kind) =>
      menuFor(kind === 'canvas' ? { kind } : { kind, id: 'x' }, 3),
    );
    for (const e of all) if (e !== '-') expect(COMMAND_IDS).toContain(e);
  });
});
