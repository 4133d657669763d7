// When a command runs, from the table's flags and where the user is: typing in a field, or in a
// dialog. Pure, so the rules are tested apart from the DOM.
import { COMMANDS, parseKey, type CommandId, type KeySpec } from '../../../shared/commands.ts';

export interface Situation {
  /** Keys go to text the user is typing (a field, an editor). */
  typing: boolean;
  /** A dialog is open. */
  dialog: boolean;
}

/**
 * A key press: `run` the command (and keep the key from the browser), `swallow` the key (the
 * browser's own meaning, like "save page", would surprise), or `pass` it on untouched.
 */
export type KeyOutcome = 'run' | 'swallow' | 'pass';

export function keyOutcome(
  id: CommandId,
  key: KeySpec,
  at: Situation,
  enabled: boolean,
): KeyOutcome {
  const c = COMMANDS[id];
  // In a field the text's own undo and copy, and typed letters, stay the field's.
  if (at.typing && c.whileTyping !== 'run') return 'pass';
  if (at.dialog && !c.inDialog) return c.whileTyping === 'run' ? 'swallow' : 'pass';
  if (enabled) return 'run';
  // With nothing to do, copy and select all keep their page meaning (a text selection); other
  // Ctrl keys are kept from the browser (bookmark, open file, save page).
  return c.whileTyping === 'text' || !parseKey(key).mods.includes('Mod') ? 'pass' : 'swallow';
}

/**
 * A native menu item (Electron): `run` it, run the focused text's own command (`native`), or
 * `ignore` it. `viaKey`: its key chose it, which Electron does only when the page let the key be.
 */
export type MenuOutcome = 'run' | 'native' | 'ignore';

export function menuOutcome(
  id: CommandId,
  at: Situation,
  enabled: boolean,
  viaKey: boolean,
): MenuOutcome {
  const c = COMMANDS[id];
  // Edit > Copy in a field copies its text; with nothing of ours to copy, the page's text.
  if (c.whileTyping === 'text' && (at.typing || !enabled)) return 'native';
  if (viaKey && at.typing && c.whileTyping === 'skip') return 'ignore';
  if (at.dialog && !c.inDialog) return 'ignore';
  return enabled ? 'run' : 'ignore';
}
