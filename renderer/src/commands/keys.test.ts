import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS } from '../../../shared/commands.ts';
import { commandTitle, keyHint, keyText, matchKey, type KeyLike } from './keys.ts';

const press = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : undefined,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...over,
});
const ctrl = (key: string, over: Partial<KeyLike> = {}) => press(key, { ctrlKey: true, ...over });
const id = (e: KeyLike) => matchKey(e)?.id ?? null;

describe('key presses to commands', () => {
  it('finds the designer’s keys', () => {
    expect(id(ctrl('s'))).toBe('save');
    expect(id(ctrl('S', { shiftKey: true }))).toBe('save-as');
    expect(id(ctrl('z'))).toBe('undo');
    expect(id(ctrl('Z', { shiftKey: true }))).toBe('redo');
    expect(id(ctrl('y'))).toBe('redo');
    expect(id(ctrl('a'))).toBe('select-all');
    expect(id(ctrl('d'))).toBe('duplicate');
    expect(id(ctrl('l'))).toBe('layout');
    expect(id(press('Delete'))).toBe('delete');
    expect(id(press('Backspace'))).toBe('delete');
    expect(id(press('Escape'))).toBe('select-none');
    expect(id(press('f'))).toBe('fit');
    expect(id(press('!', { code: 'Digit1', shiftKey: true }))).toBe('fit');
    expect(id(ctrl('k'))).toBe('command-palette');
    expect(id(ctrl('f'))).toBe('find');
    expect(id(press('?', { shiftKey: true }))).toBe('shortcuts');
    expect(id(press('F1'))).toBe('shortcuts');
    expect(id(press('ArrowLeft'))).toBe('move-left');
    expect(matchKey(press('ArrowDown', { shiftKey: true }))).toMatchObject({
      id: 'move-down',
      spec: 'Shift+ArrowDown',
    });
  });

  it('takes ⌘ for Ctrl, on every platform', () => {
    expect(id(press('c', { metaKey: true }))).toBe('copy');
    expect(id(press('z', { metaKey: true, shiftKey: true }))).toBe('redo');
  });

  it('wants exactly the modifiers of the binding', () => {
    expect(id(press('F', { shiftKey: true }))).toBeNull(); // a capital F typed, not fit
    expect(id(press('1', { code: 'Digit1' }))).toBeNull();
    expect(id(ctrl('s', { altKey: true }))).toBeNull(); // AltGr is Ctrl+Alt on Windows
    expect(id(press('s'))).toBeNull();
    expect(id(ctrl('Delete'))).toBeNull();
  });

  it('matches letters by the key’s place when the layout writes another alphabet', () => {
    expect(id(ctrl('я', { code: 'KeyZ' }))).toBe('undo');
    expect(id(ctrl('z', { code: 'KeyW' }))).toBe('undo'); // AZERTY: the letter decides
    expect(id(ctrl('w', { code: 'KeyZ' }))).toBeNull();
  });

  it('matches every key of the table to its own command', () => {
    for (const cid of COMMAND_IDS) {
      for (const k of COMMANDS[cid].keys) {
        const parts = k.split('+');
        const key = parts.pop()!;
        const e = press(key.length === 1 ? key.toLowerCase() : key, {
          code: /^\d$/.test(key) ? `Digit${key}` : undefined,
          ctrlKey: parts.includes('Mod'),
          shiftKey: parts.includes('Shift'),
          altKey: parts.includes('Alt'),
        });
        expect(matchKey(e), k).toMatchObject({ id: cid, spec: k });
      }
    }
  });
});

describe('key hints', () => {
  it('reads Ctrl elsewhere and ⌘ signs on Apple machines', () => {
    expect(keyText('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(keyText('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(keyText('Escape', false)).toBe('Esc');
    expect(keyHint('fit', false)).toBe('Shift+1 / F');
    expect(keyHint('redo', true)).toBe('⇧⌘Z / ⌘Y');
    expect(keyHint('theme', false)).toBe('');
    // A sign typed with Shift reads as the sign; arrows read as arrows.
    expect(keyHint('shortcuts', false)).toBe('F1 / ?');
    expect(keyHint('move-up', false)).toBe('↑ / Shift+↑');
    expect(keyHint('move-up', true)).toBe('↑ / ⇧↑');
  });

  it('titles a command with its label and keys', () => {
    expect(commandTitle('save-as')).toBe(`Save As… (${keyHint('save-as')})`);
    expect(commandTitle('lab-status')).toBe('Lab Status');
  });
});
