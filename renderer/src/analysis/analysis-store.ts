// The design's validation report and export, computed in workers as the design changes and
// indexed once per answer: findings and capacity by node or edge id. Validation follows every
// edit (at most one run at a time, the newest edit next); the export only while a view wants it,
// after a pause in editing. A canvas gesture (a drag, a resize) asks for nothing until it ends.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ValidationReport } from '../../../shared/validate/engine.ts';
import type { CapacityEstimate } from '../../../shared/validate/capacity.ts';
import type { Finding } from '../../../shared/validate/types.ts';
import { useCanvasGesture } from '../store/gesture.ts';
import { designStore, type DesignStore } from '../store/design-store.ts';
import { AnalysisLane, type WorkerPort } from './lane.ts';
import type { ExportOutcome } from './protocol.ts';

export interface AnalysisState {
  /** The design revision `report` is of; -1 until the first report. */
  reportRevision: number;
  report: ValidationReport;
  findingsById: ReadonlyMap<string, readonly Finding[]>;
  capacityById: ReadonlyMap<string, CapacityEstimate>;
  /** The design revision `exported` is of; -1 until the first export. */
  exportRevision: number;
  exported: ExportOutcome | null;
}

/** Pause in editing before the export is made again. */
export const EXPORT_DEBOUNCE_MS = 300;

export function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const id of [...f.nodes, ...f.edges]) {
      const list = out.get(id);
      if (list) list.push(f);
      else out.set(id, [f]);
    }
  }
  return out;
}

export interface Analysis {
  state: StoreApi<AnalysisState>;
  /** A view that shows the export says so while it does; returns its goodbye. */
  wantExport(): () => void;
  dispose(): void;
}

interface Source {
  design: Pick<StoreApi<DesignStore>, 'getState' | 'subscribe'>;
  gesture: { active(): boolean; subscribe(fn: () => void): () => void };
  spawn: () => WorkerPort | null;
}

export function createAnalysis({ design, gesture, spawn }: Source): Analysis {
  const state = createStore<AnalysisState>()(() => ({
    reportRevision: -1,
    report: { findings: [], capacity: [] },
    findingsById: new Map(),
    capacityById: new Map(),
    exportRevision: -1,
    exported: null,
  }));
  const validation = new AnalysisLane({
    job: 'validate',
    cancelRunning: false, // quick: finishing beats restarting a worker
    spawn,
    done: (revision, report) =>
      state.setState({
        reportRevision: revision,
        report,
        findingsById: indexFindings(report.findings),
        capacityById: new Map(report.capacity.map((c) => [c.nodeId, c])),
      }),
  });
  const exporter = new AnalysisLane({
    job: 'export',
    cancelRunning: true,
    spawn,
    done: (revision, exported) => state.setState({ exportRevision: revision, exported }),
  });

  let viewers = 0;
  let exportTimer: ReturnType<typeof setTimeout> | null = null;
  let validated = -1;
  let exportAsked = -1;
  const exportNow = () => {
    exportTimer = null;
    const s = design.getState();
    if (viewers === 0 || gesture.active() || exportAsked === s.revision) return;
    exportAsked = s.revision;
    exporter.request(s.revision, s.topology);
  };
  const follow = () => {
    if (gesture.active()) return;
    const s = design.getState();
    if (validated !== s.revision) {
      validated = s.revision;
      validation.request(s.revision, s.topology);
    }
    if (viewers === 0 || exportAsked === s.revision) return;
    if (exportTimer) clearTimeout(exportTimer);
    // The first export without waiting; later ones once editing pauses.
    exportTimer = setTimeout(exportNow, state.getState().exported ? EXPORT_DEBOUNCE_MS : 0);
  };
  const stops = [
    design.subscribe((s, prev) => {
      if (s.revision !== prev.revision) follow();
    }),
    gesture.subscribe(follow),
  ];
  follow();

  return {
    state,
    wantExport() {
      viewers++;
      follow();
      return () => {
        viewers--;
      };
    },
    dispose() {
      stops.forEach((stop) => stop());
      if (exportTimer) clearTimeout(exportTimer);
      validation.dispose();
      exporter.dispose();
    },
  };
}

function spawnWorker(): WorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    }) as unknown as WorkerPort;
  } catch {
    return null;
  }
}

/** The app's analysis of the app's design; tests make their own with createAnalysis. */
export const analysis = createAnalysis({
  design: designStore,
  gesture: {
    active: () => useCanvasGesture.getState().active,
    subscribe: (fn) => useCanvasGesture.subscribe(fn),
  },
  spawn: spawnWorker,
});

export function useAnalysis<T>(selector: (s: AnalysisState) => T): T {
  return useStore(analysis.state, selector);
}

const NO_FINDINGS: readonly Finding[] = [];

/** The findings that name a node, edge or group. */
export const useFindingsOf = (id: string): readonly Finding[] =>
  useAnalysis((s) => s.findingsById.get(id) ?? NO_FINDINGS);
