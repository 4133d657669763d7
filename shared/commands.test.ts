import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, normalKey, parseKey } from './commands.ts';

describe('the command table', () => {
  it('binds no key twice, whatever the spelling of the modifier', () => {
    const owner = new Map<string, string>();
    for (const id of COMMAND_IDS) {
      for (const k of COMMANDS[id].keys) {
        const n = normalKey(k);
        expect(owner.get(n), `${k} of ${id} is bound to ${owner.get(n)} already`).toBeUndefined();
        owner.set(n, id);
      }
    }
    expect(owner.size).toBeGreaterThan(15);
  });

  it('writes every key in the one notation', () => {
    for (const id of COMMAND_IDS) {
      for (const k of COMMANDS[id].keys) expect(normalKey(k), `${id}: ${k}`).toBe(k);
    }
  });

  it('lets only the text commands hand over to a focused text field', () => {
    const text = COMMAND_IDS.filter((id) => COMMANDS[id].whileTyping === 'text');
    expect(text.sort()).toEqual(['copy', 'cut', 'paste', 'redo', 'select-all', 'undo']);
  });

  it('runs nothing that changes the document while a dialog is open', () => {
    for (const id of COMMAND_IDS) {
      if (COMMANDS[id].undoable) expect(COMMANDS[id].inDialog, id).toBe(false);
    }
  });
});

describe('key notation', () => {
  it('reads Ctrl, Cmd, Meta and CmdOrCtrl as Mod and orders the modifiers', () => {
    expect(normalKey('shift+ctrl+z')).toBe('Mod+Shift+Z');
    expect(normalKey('Cmd+Shift+Z')).toBe('Mod+Shift+Z');
    expect(normalKey('CmdOrCtrl+y')).toBe('Mod+Y');
    expect(parseKey('Shift+1')).toEqual({ mods: ['Shift'], key: '1' });
    expect(parseKey('Escape')).toEqual({ mods: [], key: 'Escape' });
  });

  it('refuses what is not a key, saying which', () => {
    expect(() => parseKey('Hyper+Z')).toThrow('unknown modifier "Hyper"');
    expect(() => parseKey('Mod+')).toThrow('no key after the modifiers');
    expect(() => parseKey('Mod+page down')).toThrow('"page down" is not a key name');
  });
});
