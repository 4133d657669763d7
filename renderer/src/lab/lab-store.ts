// The lab's state in the window: separate from the design store, since a lab is not part
// of the document (no undo, no save). The lab actions write it; the panel and the canvas read it
// through selectors.
import { create } from 'zustand';
import type { LabEventEntry, LabStatusResult } from '../../../shared/host-api.ts';

export type LabTab = 'instances' | 'edges' | 'progress' | 'logs';

export interface LabLogs {
  instance: string;
  text: string;
  loading: boolean;
  error: string | null;
}

export interface LabState {
  /** The lab shown: the design's name at the last launch or status check. */
  name: string | null;
  /** A launch runs in the host (polled through labProgress). */
  starting: boolean;
  stopping: boolean;
  /** Nodes of the launching design that run containers (amber until their containers exist). */
  planned: string[];
  events: LabEventEntry[];
  lastSeq: number;
  /** How the last launch failed. */
  error: { code: string; message: string } | null;
  /** The lab's live status; null when no lab runs. */
  status: LabStatusResult | null;
  /** Why the last status check failed (Docker not running...). */
  statusError: string | null;
  tab: LabTab;
  logs: LabLogs | null;
  /** The Stop dialog (with its "remove volumes" option) is open. */
  stopDialog: boolean;
}

export const initialLabState: LabState = {
  name: null,
  starting: false,
  stopping: false,
  planned: [],
  events: [],
  lastSeq: 0,
  error: null,
  status: null,
  statusError: null,
  tab: 'instances',
  logs: null,
  stopDialog: false,
};

export const useLab = create<LabState>()(() => ({ ...initialLabState }));

/** Events kept for the progress view. */
const MAX_EVENTS = 500;

export function addEvents(events: LabEventEntry[]): void {
  if (events.length === 0) return;
  useLab.setState((s) => {
    const fresh = events.filter((e) => e.seq > s.lastSeq);
    if (fresh.length === 0) return s;
    return {
      events: [...s.events, ...fresh].slice(-MAX_EVENTS),
      lastSeq: Math.max(s.lastSeq, ...fresh.map((e) => e.seq)),
    };
  });
}
