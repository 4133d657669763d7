// The app's own overlays, over every panel: the command palette, the shortcut sheet, the canvas's
// context menus and the hint of a refused edge.
import { useCanvasKeys } from './canvas-keys.ts';
import { ConnectionHint } from './ConnectionHint.tsx';
import { ContextMenu, useCanvasContextMenu } from './ContextMenu.tsx';
import { CommandPalette } from '../search/CommandPalette.tsx';
import { useOverlay } from '../store/overlays.ts';
import { ShortcutSheet } from './ShortcutSheet.tsx';

export function Overlays() {
  const overlay = useOverlay((s) => s.overlay);
  useCanvasKeys();
  useCanvasContextMenu();
  return (
    <>
      {overlay?.kind === 'palette' && <CommandPalette key={overlay.mode} mode={overlay.mode} />}
      {overlay?.kind === 'shortcuts' && <ShortcutSheet />}
      {overlay?.kind === 'menu' && (
        <ContextMenu
          key={`${overlay.x},${overlay.y}`}
          entries={overlay.entries}
          x={overlay.x}
          y={overlay.y}
        />
      )}
      <ConnectionHint />
    </>
  );
}
