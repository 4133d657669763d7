// Runs commands from the keyboard, the native menus and the toolbar, by the same rules (rules.ts)
// and the same handlers (registry.ts).
import type { CommandId } from '../../../shared/commands.ts';
import type { HostApi, HostEvents, MenuMessage } from '../../../shared/host-api.ts';
import { modalOpen } from '../ui/Dialog.tsx';
import { useFileUi } from '../files/file-ui.ts';
import { matchKey } from './keys.ts';
import { HANDLERS, isEnabled, type CommandInput } from './registry.ts';
import { keyOutcome, menuOutcome, type Situation } from './rules.ts';

const NOT_TEXT = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'];

/** Whether keys sent to this element go to text the user is typing. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('.cm-editor')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.includes(target.type);
}

function situation(focus: EventTarget | null): Situation {
  return {
    typing: isTextTarget(focus),
    dialog: modalOpen() || useFileUi.getState().dialog !== null,
  };
}

/** Handles a key press; true when it was taken (its default action is then prevented). */
export function handleKey(e: KeyboardEvent): boolean {
  const binding = matchKey(e);
  if (!binding) return false;
  const at = situation(e.target);
  // A key someone else already handled (a dialog's Escape) counts as theirs, like typing.
  if (e.defaultPrevented) at.typing = true;
  const outcome = keyOutcome(binding.id, binding.spec, at, isEnabled(binding.id));
  if (outcome === 'run') return HANDLERS[binding.id].run({ key: binding.spec }) !== false;
  return outcome === 'swallow';
}

export function runMenuCommand({ command, path, viaKey }: MenuMessage): void {
  const at = situation(document.activeElement);
  const outcome = menuOutcome(command, at, isEnabled(command), viaKey === true);
  const h = HANDLERS[command];
  if (outcome === 'native' && h.native) {
    // execCommand is deprecated but is what Electron's own edit roles do; there is no successor.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    document.execCommand(h.native);
  } else if (outcome === 'run') {
    h.run(path !== undefined ? { path } : {});
  }
}

/** A toolbar button (disabled while the command is). */
export function runCommand(id: CommandId, input: CommandInput = {}): void {
  if (isEnabled(id)) HANDLERS[id].run(input);
}

/** Listens to the host's menus, where it has them; returns the unsubscribe. */
export function listenToMenus(host: HostApi): () => void {
  const events = host as HostApi & Partial<HostEvents>;
  if (typeof events.onMenu !== 'function') return () => undefined;
  return events.onMenu(runMenuCommand);
}
