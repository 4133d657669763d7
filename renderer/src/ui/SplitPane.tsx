// Panes side by side (or stacked) with separators between them: drag a separator, or focus it
// and use the arrow keys, to resize; double-click it, press Enter on it or use its button to
// collapse the pane it sizes. Sizes are remembered per group (split-layout.ts). Tests find a pane
// by `pane-<id>` and the separator that sizes it by `separator-<id>`.
import {
  Fragment,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import {
  at,
  drawnSizes,
  loadStates,
  maxSize,
  resizeBy,
  saveStates,
  separatorKey,
  sizedPane,
  toggleCollapsed,
  type PaneSpec,
  type PaneState,
} from './split-layout.ts';
import './split-pane.css';

export interface Pane extends PaneSpec {
  content: ReactNode;
}

export function SplitPane({
  id,
  direction,
  panes,
  className,
}: {
  /** Names the remembered sizes; one per group in the app. */
  id: string;
  direction: 'horizontal' | 'vertical';
  panes: readonly Pane[];
  className?: string;
}) {
  const horizontal = direction === 'horizontal';
  const box = useRef<HTMLDivElement>(null);
  const [states, setStates] = useState<PaneState[]>(() => loadStates(id, panes));
  const [total, setTotal] = useState(0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setTotal(horizontal ? el.clientWidth : el.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [horizontal]);

  useEffect(() => saveStates(id, panes, states), [id, panes, states]);

  const sizes = total > 0 ? drawnSizes(panes, states, total) : null;
  const drag = useRef<{ separator: number; from: number; start: PaneState[] } | null>(null);

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>, separator: number) => {
      if (e.button !== 0) return;
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { separator, from: horizontal ? e.clientX : e.clientY, start: states };
    },
    [horizontal, states],
  );
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const delta = (horizontal ? e.clientX : e.clientY) - d.from;
    setStates(resizeBy(panes, d.start, d.separator, delta, total));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    drag.current = null;
  };
  const toggle = (separator: number) => {
    const i = sizedPane(panes, separator);
    if (at(panes, i).collapsible) setStates((s) => toggleCollapsed(s, i));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, separator: number) => {
    const k = separatorKey(e.key, e.shiftKey, horizontal);
    if (!k) return;
    e.preventDefault();
    e.stopPropagation(); // an arrow here resizes; it does not also move the canvas selection
    if ('toggle' in k) toggle(separator);
    else setStates((s) => resizeBy(panes, s, separator, k.delta, total));
  };

  return (
    <div
      ref={box}
      className={`split split-${direction} ${className ?? ''}`}
      data-testid={`split-${id}`}
    >
      {panes.map((p, i) => {
        const collapsed = !p.flex && at(states, i).collapsed;
        const size = sizes?.[i];
        const style = p.flex
          ? { flex: '1 1 0', [horizontal ? 'minWidth' : 'minHeight']: p.min }
          : { flex: `0 0 ${size ?? p.initial}px` };
        return (
          <Fragment key={p.id}>
            {i > 0 && (
              <Separator
                pane={at(panes, sizedPane(panes, i - 1))}
                state={at(states, sizedPane(panes, i - 1))}
                size={sizes?.[sizedPane(panes, i - 1)] ?? 0}
                max={maxSize(panes, states, sizedPane(panes, i - 1), total)}
                horizontal={horizontal}
                onPointerDown={(e) => onPointerDown(e, i - 1)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onKeyDown={(e) => onKeyDown(e, i - 1)}
                onToggle={() => toggle(i - 1)}
              />
            )}
            <div
              id={`pane-${p.id}`}
              className={collapsed ? 'pane pane-collapsed' : 'pane'}
              data-testid={`pane-${p.id}`}
              data-collapsed={collapsed || undefined}
              style={style}
            >
              {collapsed ? (
                <button
                  type="button"
                  className="pane-strip"
                  data-testid={`expand-${p.id}`}
                  title={`Show ${p.label}`}
                  onClick={() => setStates((s) => toggleCollapsed(s, i))}
                >
                  {p.label}
                </button>
              ) : (
                p.content
              )}
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}

function Separator(p: {
  pane: PaneSpec;
  state: PaneState;
  size: number;
  max: number;
  horizontal: boolean;
  onPointerDown: (e: PointerEvent<HTMLDivElement>) => void;
  onPointerMove: (e: PointerEvent<HTMLDivElement>) => void;
  onPointerUp: (e: PointerEvent<HTMLDivElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onToggle: () => void;
}) {
  const { pane, state } = p;
  return (
    <div
      role="separator"
      className="split-separator"
      data-testid={`separator-${pane.id}`}
      // The separator between side-by-side panes is a vertical line.
      aria-orientation={p.horizontal ? 'vertical' : 'horizontal'}
      aria-label={`Resize ${pane.label}`}
      aria-controls={`pane-${pane.id}`}
      aria-valuenow={state.collapsed ? 0 : p.size}
      aria-valuemin={pane.collapsible ? 0 : pane.min}
      aria-valuemax={Math.max(pane.min, Math.round(p.max))}
      tabIndex={0}
      title={`Drag to resize ${pane.label}${pane.collapsible ? '; double-click to hide or show it' : ''}`}
      onPointerDown={p.onPointerDown}
      onPointerMove={p.onPointerMove}
      onPointerUp={p.onPointerUp}
      onPointerCancel={p.onPointerUp}
      onDoubleClick={p.onToggle}
      onKeyDown={p.onKeyDown}
    >
      {pane.collapsible && (
        <button
          type="button"
          className="split-toggle"
          data-testid={`collapse-${pane.id}`}
          aria-label={`${state.collapsed ? 'Show' : 'Hide'} ${pane.label}`}
          title={`${state.collapsed ? 'Show' : 'Hide'} ${pane.label}`}
          tabIndex={-1}
          onPointerDown={(e) => e.stopPropagation()}
          onDoubleClick={(e) => e.stopPropagation()}
          onClick={p.onToggle}
        />
      )}
    </div>
  );
}
