// The preload against a fake ipcRenderer and a fake contextBridge that, like the real one, passes
// plain data through and keeps only the message of a thrown error.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ipcChannel,
  MENU_CHANNEL,
  type HostBridge,
  type HostMethod,
  type MenuMessage,
} from '../../shared/host-api.ts';
import { HostCallError } from '../../renderer/src/host/envelope.ts';
import { createIpcHost } from '../../renderer/src/host/ipc-host.ts';

const fake = vi.hoisted(() => {
  const answers = new Map<string, (args: unknown) => unknown>();
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const world: Record<string, unknown> = {};
  /** What crosses the bridge: a structured clone; a rejection arrives as a bare Error. */
  const across = (v: unknown): unknown => {
    if (typeof v === 'function') {
      return (...args: unknown[]) => {
        const out = (v as (...a: unknown[]) => unknown)(...args.map((a) => across(a)));
        if (out instanceof Promise) {
          return out.then(
            (r) => structuredClone(r),
            (e: unknown) => {
              throw new Error(e instanceof Error ? e.message : String(e));
            },
          );
        }
        return typeof out === 'function' ? across(out) : structuredClone(out);
      };
    }
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, across(x)]));
    }
    return structuredClone(v);
  };
  return {
    answers,
    listeners,
    world,
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => {
        const answer = answers.get(channel);
        if (!answer) throw new Error(`Error invoking remote method '${channel}': no handler`);
        return answer(args);
      },
      on: (channel: string, l: (...a: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(l);
      },
      removeListener: (channel: string, l: (...a: unknown[]) => void) =>
        listeners.get(channel)?.delete(l),
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        world[key] = across(api);
      },
    },
  };
});

vi.mock('electron', () => ({ ipcRenderer: fake.ipcRenderer, contextBridge: fake.contextBridge }));
await import('./preload.ts');

const bridge = () => fake.world.fedstudio as HostBridge;
const DESIGN_ERROR = {
  code: 'design-invalid',
  message: 'The design does not fit the format',
  details: ['dc.topology.yaml:4:7: nodes[0].kind: unknown kind "promethus"'],
} as const;

describe('the preload', () => {
  beforeEach(() => fake.answers.clear());

  it('answers envelopes as plain data', async () => {
    fake.answers.set(ipcChannel('recentFiles'), () => ({ result: [] }));
    fake.answers.set(ipcChannel('exportConfigs'), () => ({
      error: { code: 'refused', message: 'out is not empty' },
    }));
    expect(await bridge().invoke('recentFiles', {})).toEqual({ result: [] });
    expect(await bridge().invoke('exportConfigs', { text: 'x', outDir: '/out' })).toEqual({
      error: { code: 'refused', message: 'out is not empty' },
    });
  });

  it('sends the arguments to the method’s channel', async () => {
    const seen: unknown[] = [];
    fake.answers.set(ipcChannel('readTemplate'), (args) => {
      seen.push(args);
      return { result: { text: 'kind: Topology' } };
    });
    await bridge().invoke('readTemplate', { id: 'dc-federation' });
    expect(seen).toEqual([{ id: 'dc-federation' }]);
  });

  it('turns a failed invoke into an internal error envelope', async () => {
    expect(await bridge().invoke('listTemplates', {})).toEqual({
      error: {
        code: 'internal',
        message:
          "listTemplates: Error invoking remote method 'fedstudio:listTemplates': no handler",
      },
    });
    fake.answers.set(ipcChannel('listTemplates'), () => 'surprise');
    expect(await bridge().invoke('listTemplates', {})).toMatchObject({
      error: { code: 'internal' },
    });
  });

  it('refuses what is not a host method, without reaching IPC', async () => {
    // What a renderer could send: any name at all.
    const invoke = (m: string, a: unknown) => bridge().invoke(m as HostMethod, a);
    expect(await invoke('__proto__', {})).toMatchObject({ error: { code: 'not-found' } });
    expect(await invoke('shell.openExternal', {})).toMatchObject({ error: { code: 'not-found' } });
  });

  it('forwards menu commands that fit the contract, until unsubscribed', () => {
    const got: MenuMessage[] = [];
    const stop = bridge().onMenu((m) => got.push(m));
    const emit = (m: unknown) => fake.listeners.get(MENU_CHANNEL)?.forEach((l) => l({}, m));
    emit({ command: 'layout', viaKey: true });
    emit({ command: 'format-disk' });
    emit({ command: 'open', path: '/d/a.topology.yaml' });
    stop();
    emit({ command: 'save' });
    expect(got).toEqual([
      { command: 'layout', viaKey: true },
      { command: 'open', path: '/d/a.topology.yaml' },
    ]);
  });
});

describe('the renderer over the preload', () => {
  const host = () => createIpcHost(bridge());

  async function failure(p: Promise<unknown>): Promise<HostCallError> {
    const e = await p.then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(HostCallError);
    return e as HostCallError;
  }

  it('gets the host’s code for a refusal (the hint to tick replace)', async () => {
    fake.answers.set(ipcChannel('exportConfigs'), () => ({
      error: { code: 'refused', message: '/out is not empty and was not written by us' },
    }));
    const e = await failure(host().exportConfigs({ text: 'x', outDir: '/out' }));
    expect({ code: e.code, message: e.message, details: e.details }).toEqual({
      code: 'refused',
      message: '/out is not empty and was not written by us',
      details: [],
    });
  });

  it('gets a design error with its lines', async () => {
    fake.answers.set(ipcChannel('hostInfo'), () => ({ error: DESIGN_ERROR }));
    const e = await failure(host().hostInfo({}));
    expect(e.code).toBe('design-invalid');
    expect(e.message).toBe(DESIGN_ERROR.message);
    expect(e.details).toEqual(DESIGN_ERROR.details);
  });

  it('checks results against the contract', async () => {
    fake.answers.set(ipcChannel('recentFiles'), () => ({
      result: [{ path: '/d/a.topology.yaml', openedAt: '2026-01-01T00:00:00Z' }],
    }));
    expect(await host().recentFiles({})).toEqual([
      { path: '/d/a.topology.yaml', openedAt: '2026-01-01T00:00:00Z' },
    ]);
    fake.answers.set(ipcChannel('recentFiles'), () => ({ result: [{ path: 3 }] }));
    const e = await failure(host().recentFiles({}));
    expect(e).toMatchObject({
      code: 'internal',
      message: 'recentFiles: unexpected answer from the host',
    });
  });

  it('passes the menu events through', () => {
    const got: MenuMessage[] = [];
    const stop = host().onMenu((m) => got.push(m));
    fake.listeners.get(MENU_CHANNEL)?.forEach((l) => l({}, { command: 'fit' }));
    stop();
    expect(got).toEqual([{ command: 'fit' }]);
  });
});
