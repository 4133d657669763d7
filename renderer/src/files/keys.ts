/** The modifier key's name on this platform, for titles: ⌘ on Apple machines, Ctrl elsewhere. */
export const MOD = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘' : 'Ctrl';

/** A shortcut for a title: `Ctrl+S` / `⌘S`. */
export function keyLabel(k: string): string {
  return MOD === '⌘' ? `⌘${k.replace(/^Shift\+/, '⇧')}` : `Ctrl+${k}`;
}
