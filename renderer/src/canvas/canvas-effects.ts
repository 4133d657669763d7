// The canvas's reactions to the store: lay out or fit a loaded design; centre on a focus.
import { useEffect, type RefObject } from 'react';
import { designStore, useDesign } from '../store/design-store.ts';
import { autoLayout, fitView } from './canvas-commands.ts';
import { nodeSize, type CanvasInstance } from './canvas-registry.ts';

/** A load replaces the history with a fresh empty one; undo, redo and edits never do. */
export function useLoadWatcher(): void {
  useEffect(
    () =>
      designStore.subscribe((s, prev) => {
        const loaded =
          s.past !== prev.past &&
          s.past.length === 0 &&
          s.future.length === 0 &&
          s.topology !== prev.topology;
        if (!loaded) return;
        if (s.topology.nodes.some((n) => !n.position)) void autoLayout('load');
        else requestAnimationFrame(() => requestAnimationFrame(() => fitView()));
      }),
    [],
  );
}

/** Centres the view on the store's focus (a node, a group, or an edge's midpoint). */
export function useFocus(rf: RefObject<CanvasInstance | null>): void {
  const focus = useDesign((s) => s.focus);
  useEffect(() => {
    const inst = rf.current;
    if (!focus || !inst) return;
    const t = designStore.getState().topology;
    const centreOf = (id: string): { x: number; y: number } | null => {
      const n = t.nodes.find((x) => x.id === id);
      if (n?.position) {
        const s = nodeSize(id);
        return { x: n.position.x + s.width / 2, y: n.position.y + s.height / 2 };
      }
      const g = t.groups?.find((x) => x.id === id);
      if (g?.position) {
        return {
          x: g.position.x + (g.size?.width ?? 0) / 2,
          y: g.position.y + (g.size?.height ?? 0) / 2,
        };
      }
      return null;
    };
    let at = centreOf(focus.id);
    const e = at ? undefined : t.edges?.find((x) => x.id === focus.id);
    if (e) {
      const a = centreOf(e.from);
      const b = centreOf(e.to);
      if (a && b) at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
    if (at) void inst.setCenter(at.x, at.y, { zoom: Math.max(inst.getZoom(), 1), duration: 300 });
  }, [focus, rf]);
}
