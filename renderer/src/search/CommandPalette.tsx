// The command palette (Ctrl+K) and node search (Ctrl+F): type to find a node or group by name,
// kind or label, and go to it; or any command of the registry, shown with its keys, and run it.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { NODE_LOOKS } from '../canvas/kinds.ts';
import { runCommand } from '../commands/dispatch.ts';
import { keyHint } from '../commands/keys.ts';
import { isEnabled } from '../commands/registry.ts';
import { designStore, useDesign } from '../store/design-store.ts';
import { useOverlay } from '../store/overlays.ts';
import { findCommands, findItems, type Hit } from './search.ts';
import './command-palette.css';

/** Enough to choose from; typing narrows the rest. */
const MAX_ITEMS = 60;

const kindLabel = (k: string) =>
  k in NODE_LOOKS ? NODE_LOOKS[k as keyof typeof NODE_LOOKS].label : k;

export function CommandPalette({ mode }: { mode: 'all' | 'find' }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const topology = useDesign((s) => s.topology);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const close = () => useOverlay.getState().show(null);

  const hits: Hit[] = useMemo(() => {
    const items = findItems(topology, query, kindLabel).slice(0, MAX_ITEMS);
    return mode === 'find' ? items : [...items, ...findCommands(query)];
  }, [topology, query, mode]);
  const at = Math.min(active, Math.max(0, hits.length - 1));

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  // Focus goes back where it was, unless the choice moved it (a dialog a command opened).
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (document.activeElement === document.body) before?.focus();
    };
  }, []);

  const choose = (h: Hit | undefined) => {
    if (!h) return;
    if (h.type === 'command' && !isEnabled(h.id)) return;
    close();
    if (h.type === 'item') designStore.getState().focusOn(h.id);
    // After the palette is gone, so a command that opens a dialog finds none open.
    else queueMicrotask(() => runCommand(h.id));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      setActive(Math.min(Math.max(0, at + move), hits.length - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[at]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  const firstCommand = hits.findIndex((h) => h.type === 'command');
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
    >
      <div
        className="cmdk"
        role="dialog"
        aria-modal="true"
        aria-label={mode === 'find' ? 'Find a node' : 'Command palette'}
        data-testid="command-palette"
      >
        <input
          className="cmdk-input"
          data-testid="command-search"
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={hits[at] ? `${listId}-${at}` : undefined}
          placeholder={
            mode === 'find'
              ? 'Find a node by name, kind or label (env=prod)…'
              : 'Find a node, or type a command…'
          }
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="cmdk-list" id={listId} role="listbox" ref={list}>
          {hits.length === 0 && <li className="cmdk-empty">Nothing matches “{query}”.</li>}
          {hits.map((h, i) => {
            const disabled = h.type === 'command' && !isEnabled(h.id);
            const keys = h.type === 'command' ? keyHint(h.id) : '';
            return (
              <li
                key={`${h.type}-${h.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === at}
                aria-disabled={disabled || undefined}
                className={`cmdk-hit${i === firstCommand && i > 0 ? ' cmdk-first-command' : ''}`}
                data-testid={`hit-${h.type}-${h.id}`}
                onMouseMove={() => i !== at && setActive(i)}
                onClick={() => choose(h)}
              >
                <span className="cmdk-title">{h.title}</span>
                <span className="cmdk-detail">{h.detail}</span>
                {keys && <kbd className="cmdk-keys">{keys}</kbd>}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
