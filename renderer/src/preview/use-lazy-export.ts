// The export of the design while the preview is on screen: made in a worker after each pause in
// editing, so typing on a big design never waits for it.
import { useEffect, useState, type RefObject } from 'react';
import { analysis, useAnalysis } from '../analysis/analysis-store.ts';
import type { ExportOutcome } from '../analysis/protocol.ts';
import { useDesign } from '../store/design-store.ts';

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
  result: ExportOutcome | null;
  /** The design has changed since the shown export was made. */
  stale: boolean;
}

export function useLazyExport(ref: RefObject<HTMLElement | null>): LazyExport {
  const visible = useOnScreen(ref);
  useEffect(() => (visible ? analysis.wantExport() : undefined), [visible]);
  const result = useAnalysis((s) => s.exported);
  const exportRevision = useAnalysis((s) => s.exportRevision);
  const revision = useDesign((s) => s.revision);
  return { result, stale: exportRevision !== revision };
}
