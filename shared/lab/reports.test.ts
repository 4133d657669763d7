import { describe, expect, it } from 'vitest';
import { HOST_METHODS, LabEventEntry } from '../host-api.ts';
import { isEdgeUp, LabEvent, LabStatus } from './reports.ts';

const STATUS: LabStatus = {
  name: 'demo',
  instances: [
    { node: 'p', name: 'prom', state: 'running', health: 'healthy', url: 'http://127.0.0.1:9090' },
    { node: 'n', name: 'node-0', state: 'missing', health: 'unknown', url: null },
  ],
  edges: [{ id: 'e1', up: 2, down: 0, lastError: null }],
};

describe('lab reports', () => {
  it('are what the host API carries: status as is, events with a sequence number', () => {
    expect(HOST_METHODS.labStatus.result.parse(STATUS)).toEqual(STATUS);
    const event: LabEvent = { type: 'start', instance: 'prom', message: 'started prom' };
    expect(LabEventEntry.parse({ ...event, seq: 1 })).toEqual({ ...event, seq: 1 });
    expect(LabEventEntry.safeParse(event).success).toBe(false);
  });

  it('refuse shapes the runner never reports', () => {
    expect(LabEvent.safeParse({ type: 'launch', message: 'x' }).success).toBe(false);
    const badState = { ...STATUS, instances: [{ ...STATUS.instances[0], state: 'zombie' }] };
    expect(LabStatus.safeParse(badState).success).toBe(false);
    const noCounts = { ...STATUS, edges: [{ id: 'e1', lastError: null }] };
    expect(LabStatus.safeParse(noCounts).success).toBe(false);
  });

  it('call an edge up when some target answers and none fails', () => {
    expect(isEdgeUp({ id: 'e', up: 1, down: 0, lastError: null })).toBe(true);
    expect(isEdgeUp({ id: 'e', up: 1, down: 1, lastError: 'timeout' })).toBe(false);
    expect(isEdgeUp({ id: 'e', up: 0, down: 0, lastError: null })).toBe(false);
  });
});
