import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  HOST_METHODS,
  ipcChannel,
  type Envelope,
  type HostApi,
  type HostEvents,
  type HostMethod,
  type HostResult,
} from '../../shared/host-api.ts';
import { AppState } from '../../host/services/app-state.ts';
import { createHostServices, grantedFoldersPolicy } from '../../host/services/host-services.ts';
import {
  APP_ORIGIN,
  isTrustedSender,
  registerHostHandlers,
  type InvokeEvent,
  type IpcMainLike,
} from './ipc-host.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-ipc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const chosen = path.join(dir, 'chosen');
const outside = path.join(dir, 'outside');

const DESIGN = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ipc }
nodes:
  - { id: p, kind: prometheus, name: prom }
`;

/** A fake ipcMain that records handlers and lets a test invoke them as a renderer would. */
function fakeIpc() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = async (channel: string, event: InvokeEvent, args: unknown) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return (await h(event, args)) as Envelope<unknown>;
  };
  return { ipc, handlers, invoke };
}

const OWN: InvokeEvent = { sender: { id: 7 }, senderFrame: { url: `${APP_ORIGIN}/index.html` } };

function setup() {
  writeFileSync(path.join(dir, 'x'), '');
  const services = createHostServices({
    kind: 'electron',
    workspace: chosen,
    paths: grantedFoldersPolicy([chosen]),
    state: new AppState(path.join(dir, 'state')),
  });
  const f = fakeIpc();
  const unregister = registerHostHandlers(f.ipc, services, (e) => isTrustedSender(e, () => 7));
  return { ...f, unregister };
}

describe('IPC host handlers', () => {
  it('registers one channel per host method, and removes them', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      (Object.keys(HOST_METHODS) as HostMethod[]).map(ipcChannel).sort(),
    );
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('answers its own window with a result envelope', async () => {
    const { invoke } = setup();
    const env = await invoke(ipcChannel('listTemplates'), OWN, {});
    expect('result' in env && Array.isArray(env.result)).toBe(true);
  });

  it('refuses a foreign sender: another frame origin, or another window', async () => {
    const { invoke } = setup();
    for (const event of [
      { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } },
      { sender: { id: 7 }, senderFrame: { url: 'file:///etc/passwd' } },
      { sender: { id: 8 }, senderFrame: { url: `${APP_ORIGIN}/index.html` } },
      { sender: { id: 7 }, senderFrame: null },
    ]) {
      const env = await invoke(ipcChannel('hostInfo'), event, {});
      expect(env).toEqual({
        error: { code: 'forbidden', message: expect.stringContaining('foreign') },
      });
    }
  });

  it('gives bad arguments a clear error naming the field', async () => {
    const { invoke } = setup();
    const env = await invoke(ipcChannel('saveDesign'), OWN, { path: 42, text: 'x' });
    expect(env).toMatchObject({
      error: { code: 'invalid-args', message: expect.stringContaining('path') },
    });
    const env2 = await invoke(ipcChannel('readTemplate'), OWN, { id: '../../etc' });
    expect(env2).toMatchObject({
      error: { code: 'invalid-args', message: expect.stringContaining('id') },
    });
  });

  it('refuses a path outside the chosen folder, and accepts one inside', async () => {
    const { invoke } = setup();
    const refused = await invoke(ipcChannel('saveDesign'), OWN, {
      path: path.join(outside, 'a.topology.yaml'),
      text: DESIGN,
    });
    expect(refused).toMatchObject({ error: { code: 'forbidden' } });
    const escape = await invoke(ipcChannel('exportConfigs'), OWN, {
      text: DESIGN,
      outDir: path.join(chosen, '..', 'outside'),
    });
    expect(escape).toMatchObject({ error: { code: 'forbidden' } });
    const saved = await invoke(ipcChannel('saveDesign'), OWN, {
      path: path.join(chosen, 'a.topology.yaml'),
      text: DESIGN,
    });
    expect(saved).toEqual({
      result: {
        path: path.join(chosen, 'a.topology.yaml'),
        revision: expect.stringMatching(/^sha256:/),
      },
    });
  });

  it('carries a save conflict with its code, message and both revisions', async () => {
    const { invoke } = setup();
    const file = path.join(chosen, 'conflict.topology.yaml');
    mkdirSync(chosen, { recursive: true });
    writeFileSync(file, DESIGN);
    const opened = (await invoke(ipcChannel('openDesign'), OWN, { path: file })) as {
      result: { revision: string };
    };
    writeFileSync(file, DESIGN.replace('name: ipc', 'name: theirs'));
    const env = await invoke(ipcChannel('saveDesign'), OWN, {
      path: file,
      text: DESIGN,
      expectedRevision: opened.result.revision,
    });
    expect(env).toEqual({
      error: {
        code: 'conflict',
        message: `${file} changed on disk since you opened it`,
        details: [`opened: ${opened.result.revision}`, expect.stringMatching(/^on disk: sha256:/)],
      },
    });
    const forced = await invoke(ipcChannel('saveDesign'), OWN, {
      path: file,
      text: DESIGN,
      overwrite: true,
    });
    expect(forced).toMatchObject({ result: { path: file } });
  });

  it('answers a path with a NUL byte or a dangling link with invalid-args, in one line', async () => {
    const { invoke } = setup();
    const nul = await invoke(ipcChannel('openDesign'), OWN, {
      path: `${chosen}/a\0.topology.yaml`,
    });
    expect(nul).toEqual({
      error: {
        code: 'invalid-args',
        message: 'openDesign: path: a path cannot contain a NUL byte',
      },
    });
    const link = path.join(chosen, 'dangling.topology.yaml');
    mkdirSync(chosen, { recursive: true });
    symlinkSync(path.join(chosen, 'gone.topology.yaml'), link);
    const env = await invoke(ipcChannel('openDesign'), OWN, { path: link });
    expect(env).toEqual({
      error: {
        code: 'invalid-args',
        message: `${link} is a symbolic link to ${path.join(chosen, 'gone.topology.yaml')}, which does not exist`,
      },
    });
  });

  it('carries service errors with their code and message', async () => {
    const { invoke } = setup();
    const env = await invoke(ipcChannel('saveDesign'), OWN, {
      path: path.join(chosen, 'b.topology.yaml'),
      text: 'nodes: [',
    });
    expect(env).toMatchObject({
      error: { code: 'design-invalid', details: [expect.stringMatching(/:\d+:\d+/)] },
    });
  });
});

describe('the IPC contract (types)', () => {
  it('pins what the renderer can call', () => {
    expectTypeOf<HostApi['openDesign']>()
      .parameter(0)
      .toEqualTypeOf<{ path?: string | undefined }>();
    expectTypeOf<HostApi['saveDesign']>().returns.resolves.toEqualTypeOf<{
      path: string;
      revision: string;
    } | null>();
    expectTypeOf<HostResult<'exportConfigs'>>().toEqualTypeOf<{
      outDir: string;
      written: number;
      kept: string[];
      replaced: string[];
      removed: string[];
      notes: string[];
      vars: string[];
    } | null>();
    expectTypeOf<HostEvents['onMenu']>().returns.toEqualTypeOf<() => void>();
    expectTypeOf<keyof HostApi>().toEqualTypeOf<keyof typeof HOST_METHODS>();
  });
});
