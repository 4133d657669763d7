import { describe, expect, it } from 'vitest';
import type { LabStatusResult } from '../../../shared/host-api.ts';
import { initialLabState, type LabState } from './lab-store.ts';
import { edgeLabState, labSummary, nodeLabState } from './lab-view.ts';

type Instance = LabStatusResult['instances'][number];
const inst = (
  node: string,
  name: string,
  state: Instance['state'],
  health: Instance['health'],
) => ({
  node,
  name,
  state,
  health,
  url: null,
});

const lab = (over: Partial<LabState>): LabState => ({ ...initialLabState, name: 'x', ...over });

describe('lab view', () => {
  const status: LabStatusResult = {
    name: 'x',
    instances: [
      inst('prom', 'prom-0', 'running', 'healthy'),
      inst('prom', 'prom-1', 'running', 'healthy'),
      inst('nodes', 'nodes-0', 'running', 'healthy'),
      inst('nodes', 'nodes-1', 'exited', 'unhealthy'),
      inst('am', 'am-0', 'running', 'unhealthy'),
    ],
    edges: [
      { id: 'up', up: 2, down: 0, lastError: null },
      { id: 'down', up: 1, down: 1, lastError: 'connection refused' },
      { id: 'new', up: 0, down: 0, lastError: null },
      { id: 'unscraped', up: 0, down: 2, lastError: 'not scraped yet' },
    ],
  };

  it('gives a node green when all its instances are healthy, red when one is down', () => {
    const s = lab({ status });
    expect(nodeLabState(s, 'prom')).toBe('healthy');
    expect(nodeLabState(s, 'nodes')).toBe('down');
    expect(nodeLabState(s, 'am')).toBe('down');
    expect(nodeLabState(s, 'elsewhere')).toBeNull();
  });

  it('counts not-ready instances and planned nodes as starting while a launch runs', () => {
    const s = lab({ status, starting: true, planned: ['am', 'grafana'] });
    expect(nodeLabState(s, 'am')).toBe('starting');
    expect(nodeLabState(s, 'grafana')).toBe('starting');
    expect(nodeLabState(s, 'elsewhere')).toBeNull();
  });

  it('colours edges up, down, or pending before their first scrape', () => {
    const s = lab({ status });
    expect(edgeLabState(s, 'up')).toBe('up');
    expect(edgeLabState(s, 'down')).toBe('down');
    expect(edgeLabState(s, 'new')).toBe('pending');
    expect(edgeLabState(s, 'unscraped')).toBe('pending');
    expect(edgeLabState(s, 'alerting')).toBeNull();
    expect(labSummary(status, false)).toEqual({ instances: 5, healthy: 3, edges: 4, edgesUp: 1 });
  });

  it('shows edges to external targets as external, and leaves them out of the summary', () => {
    const withExternal: LabStatusResult = {
      ...status,
      edges: [
        ...status.edges,
        { id: 'far', external: true, up: 0, down: 2, lastError: 'dial tcp: no route to host' },
      ],
    };
    const s = lab({ status: withExternal });
    expect(edgeLabState(s, 'far')).toBe('external');
    expect(labSummary(withExternal, false)).toEqual({
      instances: 5,
      healthy: 3,
      edges: 4,
      edgesUp: 1,
    });
  });
});
