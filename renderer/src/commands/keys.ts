// Keys of the command table against keyboard events, and as hints for titles (⌘⇧Z on Apple
// machines, Ctrl+Shift+Z elsewhere).
import {
  COMMAND_IDS,
  COMMANDS,
  parseKey,
  type CommandId,
  type KeySpec,
  type Modifier,
  type ParsedKey,
} from '../../../shared/commands.ts';

/** What matching needs of a KeyboardEvent (tests pass plain objects). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Binding {
  id: CommandId;
  spec: KeySpec;
  parsed: ParsedKey;
}

const BINDINGS: Binding[] = COMMAND_IDS.flatMap((id) =>
  COMMANDS[id].keys.map((spec) => ({ id, spec, parsed: parseKey(spec) })),
);

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;

function sameKey(key: string, e: KeyLike): boolean {
  if (/^[A-Z]$/.test(key)) {
    if (e.key.toUpperCase() === key) return true;
    // Another alphabet (Cyrillic, Greek...): the key's place on the keyboard decides.
    return !PRINTABLE_ASCII.test(e.key) && e.code === `Key${key}`;
  }
  // Shift turns 1 into ! (or & into 1): the key's place decides.
  if (/^[0-9]$/.test(key)) return e.code === `Digit${key}` || e.key === key;
  return e.key === key;
}

/** The binding a key press is, if any. Ctrl and ⌘ both count as Mod, on every platform. */
export function matchKey(e: KeyLike): Binding | null {
  const held: Record<Modifier, boolean> = {
    Mod: e.ctrlKey || e.metaKey,
    Alt: e.altKey,
    Shift: e.shiftKey,
  };
  const mods: Modifier[] = ['Mod', 'Alt', 'Shift'];
  for (const b of BINDINGS) {
    if (mods.every((m) => held[m] === b.parsed.mods.includes(m)) && sameKey(b.parsed.key, e)) {
      return b;
    }
  }
  return null;
}

export function isApple(): boolean {
  const nav = (globalThis as { navigator?: { platform?: string; userAgent?: string } }).navigator;
  return /Mac|iPhone|iPad/.test(nav?.platform || nav?.userAgent || '');
}

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
};

/** A key as people read it: `Ctrl+Shift+Z`, or `⇧⌘Z` on Apple machines. */
export function keyText(spec: KeySpec, apple = isApple()): string {
  const parsed = parseKey(spec);
  // A sign typed with Shift (`?`) reads as the sign alone: Shift is how it is typed anyway.
  const shiftSign = !/^[A-Za-z0-9]/.test(parsed.key) && parsed.mods.join() === 'Shift';
  const p = shiftSign ? { ...parsed, mods: [] } : parsed;
  const key = KEY_NAMES[p.key] ?? p.key;
  if (!apple) return [...p.mods.map((m) => (m === 'Mod' ? 'Ctrl' : m)), key].join('+');
  const sign: Record<Modifier, string> = { Alt: '⌥', Shift: '⇧', Mod: '⌘' };
  return (['Alt', 'Shift', 'Mod'] as const)
    .filter((m) => p.mods.includes(m))
    .map((m) => sign[m])
    .concat(key)
    .join('');
}

/** A command's keys for its title: `Shift+1 / F`; empty when it has none. */
export function keyHint(id: CommandId, apple = isApple()): string {
  return COMMANDS[id].keys.map((k) => keyText(k, apple)).join(' / ');
}

/** A command's title: its label and keys, `Save As… (Ctrl+Shift+S)`. */
export function commandTitle(id: CommandId, label: string = COMMANDS[id].label): string {
  const hint = keyHint(id);
  return hint ? `${label} (${hint})` : label;
}
