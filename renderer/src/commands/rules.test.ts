import { describe, expect, it } from 'vitest';
import { keyOutcome, menuOutcome, type Situation } from './rules.ts';

const canvas: Situation = { typing: false, dialog: false };
const field: Situation = { typing: true, dialog: false };
const dialog: Situation = { typing: false, dialog: true };
const dialogField: Situation = { typing: true, dialog: true };

describe('keys', () => {
  it('run on the canvas', () => {
    expect(keyOutcome('undo', 'Mod+Z', canvas, true)).toBe('run');
    expect(keyOutcome('fit', 'F', canvas, true)).toBe('run');
    expect(keyOutcome('layout', 'Mod+L', canvas, true)).toBe('run');
  });

  it('leave a text field its own undo, copy and letters, but save from it', () => {
    expect(keyOutcome('undo', 'Mod+Z', field, true)).toBe('pass');
    expect(keyOutcome('copy', 'Mod+C', field, true)).toBe('pass');
    expect(keyOutcome('select-all', 'Mod+A', field, true)).toBe('pass');
    expect(keyOutcome('fit', 'F', field, true)).toBe('pass');
    expect(keyOutcome('delete', 'Backspace', field, true)).toBe('pass');
    expect(keyOutcome('save', 'Mod+S', field, true)).toBe('run');
    expect(keyOutcome('open', 'Mod+O', field, true)).toBe('run');
  });

  it('stand aside in a dialog, keeping save page from the browser', () => {
    expect(keyOutcome('delete', 'Delete', dialog, true)).toBe('pass');
    expect(keyOutcome('select-none', 'Escape', dialog, true)).toBe('pass');
    expect(keyOutcome('save', 'Mod+S', dialog, true)).toBe('swallow');
    expect(keyOutcome('save', 'Mod+S', dialogField, true)).toBe('swallow');
    expect(keyOutcome('undo', 'Mod+Z', dialogField, true)).toBe('pass');
  });

  it('with nothing to do, keep the page’s copy and Escape but not its bookmark', () => {
    expect(keyOutcome('copy', 'Mod+C', canvas, false)).toBe('pass');
    expect(keyOutcome('select-none', 'Escape', canvas, false)).toBe('pass');
    expect(keyOutcome('delete', 'Delete', canvas, false)).toBe('pass');
    expect(keyOutcome('duplicate', 'Mod+D', canvas, false)).toBe('swallow');
    expect(keyOutcome('open', 'Mod+O', canvas, false)).toBe('swallow');
  });
});

describe('native menu items', () => {
  it('run on a click wherever the focus is, but not under a dialog', () => {
    expect(menuOutcome('layout', canvas, true, false)).toBe('run');
    expect(menuOutcome('layout', field, true, false)).toBe('run');
    expect(menuOutcome('layout', dialog, true, false)).toBe('ignore');
    expect(menuOutcome('theme', dialog, true, false)).toBe('run');
    expect(menuOutcome('lab-down', canvas, false, false)).toBe('ignore');
  });

  it('edit the focused text with the text commands', () => {
    expect(menuOutcome('undo', field, true, true)).toBe('native');
    expect(menuOutcome('paste', field, true, false)).toBe('native');
    expect(menuOutcome('undo', dialogField, true, true)).toBe('native');
    expect(menuOutcome('copy', canvas, false, false)).toBe('native'); // the page's selected text
    expect(menuOutcome('copy', canvas, true, false)).toBe('run');
  });

  it('leave a key the page let through to a field alone', () => {
    expect(menuOutcome('duplicate', field, true, true)).toBe('ignore');
    expect(menuOutcome('save', field, true, true)).toBe('run');
  });
});
