// The export of the design, computed only while the preview is on screen and at most once per
// pause in editing (~300 ms), so typing on a big design stays smooth.
import { useEffect, useState, type RefObject } from 'react';
import type { ExportResult } from '../../../shared/generate/index.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { exportOf } from '../store/derived.ts';
import { useDesign } from '../store/design-store.ts';

const DEBOUNCE_MS = 300;

function useOnScreen(ref: RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e) setVisible(e.isIntersecting);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return visible;
}

export interface LazyExport {
  result: ExportResult | { error: string } | null;
  /** The design has changed since the shown export was made. */
  stale: boolean;
}

export function useLazyExport(ref: RefObject<HTMLElement | null>): LazyExport {
  const topology = useDesign((s) => s.topology);
  const visible = useOnScreen(ref);
  const [shown, setShown] = useState<Topology | null>(null);

  useEffect(() => {
    if (!visible || shown === topology) return;
    // The first export (or the one after the panel comes back) without waiting.
    const wait = shown === null ? 0 : DEBOUNCE_MS;
    const timer = setTimeout(() => setShown(topology), wait);
    return () => clearTimeout(timer);
  }, [topology, visible, shown]);

  return { result: shown ? exportOf(shown) : null, stale: shown !== topology };
}
