// The canvas's context menus: a right-click on a node, a group, an edge or the empty canvas
// offers the registry's commands for it (context-menu.ts), with their keys. A right-click on an
// item outside the selection selects it first, as in any editor.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { COMMANDS } from '../../../shared/commands.ts';
import { useOverlay } from '../store/overlays.ts';
import { runCommand } from '../commands/dispatch.ts';
import { keyHint } from '../commands/keys.ts';
import { isEnabled } from '../commands/registry.ts';
import { designStore } from '../store/design-store.ts';
import { menuFor, targetOf, type MenuEntry } from '../canvas/context-menu.ts';
import './context-menu.css';

const close = () => useOverlay.getState().show(null);

/** Opens the menu on a right-click inside the canvas. */
export function useCanvasContextMenu(): void {
  useEffect(() => {
    const onMenu = (e: MouseEvent) => {
      const target = targetOf(e.target instanceof Element ? e.target : null);
      if (!target) return;
      e.preventDefault();
      const s = designStore.getState();
      if (target.kind !== 'canvas' && !s.selection.ids.includes(target.id)) s.select([target.id]);
      const selected = designStore.getState().selection.ids.length;
      const entries = menuFor(target, selected);
      useOverlay.getState().show({ kind: 'menu', entries, x: e.clientX, y: e.clientY });
    };
    document.addEventListener('contextmenu', onMenu);
    return () => document.removeEventListener('contextmenu', onMenu);
  }, []);
}

export function ContextMenu({ entries, x, y }: { entries: MenuEntry[]; x: number; y: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ x, y });

  // Kept inside the window, and the first command focused for the keyboard.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    setAt({
      x: Math.max(4, Math.min(x, window.innerWidth - r.width - 4)),
      y: Math.max(4, Math.min(y, window.innerHeight - r.height - 4)),
    });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
  }, [x, y]);

  useEffect(() => {
    const away = (e: Event) => {
      if (!(e.target instanceof Node) || !box.current?.contains(e.target)) close();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('wheel', close, { passive: true });
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('wheel', close);
      window.removeEventListener('blur', close);
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [
      ...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []),
    ];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step !== undefined) {
      items[(i + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      close();
    } else {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={box}
      className="context-menu"
      role="menu"
      data-testid="context-menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {entries.map((entry, i) =>
        entry === '-' ? (
          <div key={`sep-${i}`} role="separator" className="context-menu-sep" />
        ) : (
          <button
            key={entry}
            type="button"
            role="menuitem"
            data-testid={`menu-${entry}`}
            disabled={!isEnabled(entry)}
            onClick={() => {
              close();
              runCommand(entry);
            }}
          >
            <span>{COMMANDS[entry].label}</span>
            <kbd>{keyHint(entry)}</kbd>
          </button>
        ),
      )}
    </div>
  );
}
