// The app's own overlays, over every panel: the command palette and the shortcut sheet.
import { useCanvasKeys } from '../canvas/canvas-keys.ts';
import { ConnectionHint } from '../canvas/ConnectionHint.tsx';
import { CommandPalette } from '../search/CommandPalette.tsx';
import { useOverlay } from './overlays.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';

export function Overlays() {
  const overlay = useOverlay((s) => s.overlay);
  useCanvasKeys();
  return (
    <>
      {overlay?.kind === 'palette' && <CommandPalette key={overlay.mode} mode={overlay.mode} />}
      {overlay?.kind === 'shortcuts' && <ShortcutSheet />}
      <ConnectionHint />
    </>
  );
}
