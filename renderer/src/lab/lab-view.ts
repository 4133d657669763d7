// What the canvas and the panel show of a lab, computed from the lab store: a state per node (all
// its instances healthy, some down, still starting) and per scrape or federate edge.
import type { LabStatusResult } from '../../../shared/host-api.ts';
import type { LabState } from './lab-store.ts';
import { counted } from '../../../shared/plural.ts';

export type NodeLabState = 'healthy' | 'starting' | 'down';
export type EdgeLabState = 'up' | 'pending' | 'down' | 'external';
type Instance = LabStatusResult['instances'][number];
type EdgeStatus = LabStatusResult['edges'][number];

const STOPPED = new Set(['exited', 'dead', 'missing', 'paused']);

/** One instance: healthy, starting, or down. While a launch runs, not-yet-ready counts as starting. */
export function instanceLabState(i: Instance, starting: boolean): NodeLabState {
  if (STOPPED.has(i.state)) return 'down';
  if (i.state === 'running' && (i.health === 'healthy' || i.health === 'unknown')) return 'healthy';
  if (i.health === 'unhealthy' && i.state === 'running' && !starting) return 'down';
  return 'starting';
}

/** A node's lab state, or null when the node runs nothing in the lab shown. */
export function nodeLabState(s: LabState, nodeId: string): NodeLabState | null {
  const mine = s.status?.instances.filter((i) => i.node === nodeId) ?? [];
  if (mine.length === 0) return s.starting && s.planned.includes(nodeId) ? 'starting' : null;
  const states = mine.map((i) => instanceLabState(i, s.starting));
  if (states.includes('down')) return 'down';
  if (states.every((x) => x === 'healthy')) return 'healthy';
  return 'starting';
}

/** "2/3 healthy" for a node's tooltip; null when it runs nothing. */
export function nodeLabSummary(s: LabState, nodeId: string): string | null {
  const mine = s.status?.instances.filter((i) => i.node === nodeId) ?? [];
  if (mine.length === 0) return s.starting && s.planned.includes(nodeId) ? 'starting' : null;
  const healthy = mine.filter((i) => instanceLabState(i, s.starting) === 'healthy').length;
  return `${healthy}/${counted(mine.length, 'instance')} healthy`;
}

export function edgeState(e: EdgeStatus, starting: boolean): EdgeLabState {
  if (e.up > 0 && e.down === 0) return 'up';
  // Nothing in the lab stands for these targets: not a fault of the lab, and never waited for.
  if (e.external === true) return 'external';
  // No targets known yet, or not scraped yet, just after a start: neither up nor failing.
  if (e.up === 0 && e.down === 0) return 'pending';
  if (e.up === 0 && (starting || e.lastError === 'not scraped yet')) return 'pending';
  return 'down';
}

/** A scrape or federate edge's lab state, or null when the lab does not check it. */
export function edgeLabState(s: LabState, edgeId: string): EdgeLabState | null {
  const e = s.status?.edges.find((x) => x.id === edgeId);
  return e ? edgeState(e, s.starting) : null;
}

export interface LabSummary {
  instances: number;
  healthy: number;
  edges: number;
  edgesUp: number;
}

export function labSummary(status: LabStatusResult | null, starting: boolean): LabSummary {
  const instances = status?.instances ?? [];
  const edges = (status?.edges ?? []).filter((e) => e.external !== true);
  return {
    instances: instances.length,
    healthy: instances.filter((i) => instanceLabState(i, starting) === 'healthy').length,
    edges: edges.length,
    edgesUp: edges.filter((e) => edgeState(e, starting) === 'up').length,
  };
}

/** The theme colour of a lab state. */
export const LAB_COLOURS: Record<NodeLabState | EdgeLabState, string> = {
  healthy: 'var(--ok)',
  up: 'var(--ok)',
  starting: 'var(--warning)',
  pending: 'var(--warning)',
  down: 'var(--error)',
  external: 'var(--muted)',
};
