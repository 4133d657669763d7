// Views computed from the document, once per document version (the Topology object's identity).
import { generateExport, type ExportResult } from '../../../shared/generate/index.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { validate, type ValidationReport } from '../../../shared/validate/engine.ts';
import type { Finding } from '../../../shared/validate/types.ts';
import { useDesign } from './design-store.ts';

function memo<T>(fn: (t: Topology) => T): (t: Topology) => T {
  const cache = new WeakMap<Topology, T>();
  return (t) => {
    let v = cache.get(t);
    if (v === undefined) cache.set(t, (v = fn(t)));
    return v;
  };
}

export const reportOf = memo<ValidationReport>((t) => validate(t));

/** Findings per node or edge id, for badges. */
export const findingsById = memo<Map<string, Finding[]>>((t) => {
  const out = new Map<string, Finding[]>();
  for (const f of reportOf(t).findings) {
    for (const id of [...f.nodes, ...f.edges]) {
      const list = out.get(id);
      if (list) list.push(f);
      else out.set(id, [f]);
    }
  }
  return out;
});

export const exportOf = memo<ExportResult | { error: string }>((t) => {
  try {
    return generateExport(t);
  } catch (e) {
    return { error: (e as Error).message };
  }
});

export const useReport = () => useDesign((s) => reportOf(s.topology));
