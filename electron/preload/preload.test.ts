// The preload with a fake Electron: only host methods reach IPC, and envelopes pass unchanged,
// so the renderer sees a host error's code and details (a conflict is not a failure).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, MENU_CHANNEL, type HostBridge } from '../../shared/host-api.ts';

const exposed = new Map<string, unknown>();
const invoked: [string, unknown][] = [];
const listeners = new Map<string, (e: unknown, raw: unknown) => void>();
const CONFLICT = {
  error: { code: 'conflict', message: 'a changed on disk since you opened it', details: ['x'] },
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      invoked.push([channel, args]);
      return CONFLICT;
    },
    on: (channel: string, fn: (e: unknown, raw: unknown) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

let bridge: HostBridge;
beforeAll(async () => {
  await import('./preload.ts');
  bridge = exposed.get('fedstudio') as HostBridge;
});

describe('the preload bridge', () => {
  it('passes a host error envelope through whole', async () => {
    expect(await bridge.invoke('saveDesign', { path: '/a', text: '' })).toEqual(CONFLICT);
    expect(invoked).toEqual([[ipcChannel('saveDesign'), { path: '/a', text: '' }]]);
  });

  it('refuses a name that is not a host method, without touching IPC', async () => {
    invoked.length = 0;
    for (const m of ['constructor', '__proto__', 'fedstudio:menu', 'toString']) {
      const env = await bridge.invoke(m as never, {});
      expect(env).toMatchObject({ error: { code: 'not-found' } });
    }
    expect(invoked).toEqual([]);
  });

  it('delivers well-formed menu messages only, and unsubscribes', () => {
    const got: unknown[] = [];
    const off = bridge.onMenu((m) => got.push(m));
    const fire = listeners.get(MENU_CHANNEL)!;
    fire(null, { command: 'save' });
    fire(null, { command: 'rm -rf' });
    expect(got).toEqual([{ command: 'save' }]);
    off();
    expect(listeners.has(MENU_CHANNEL)).toBe(false);
  });
});
