// The renderer's only bridge: exactly the host API of shared/host-api.ts, one invoke per method,
// plus menu events. Envelopes are unwrapped here so errors arrive with their messages.
import { contextBridge, ipcRenderer } from 'electron';
import {
  HOST_METHODS,
  ipcChannel,
  MENU_CHANNEL,
  MenuMessage,
  type Envelope,
  type HostMethod,
} from '../../shared/host-api.ts';

class HostCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const api: Record<string, unknown> = {};
for (const method of Object.keys(HOST_METHODS) as HostMethod[]) {
  api[method] = async (args: unknown) => {
    const env = (await ipcRenderer.invoke(ipcChannel(method), args ?? {})) as Envelope<unknown>;
    if ('error' in env) throw new HostCallError(env.error.code, env.error.message);
    return env.result;
  };
}
api.onMenu = (listener: (message: MenuMessage) => void) => {
  const handler = (_e: unknown, raw: unknown) => {
    const parsed = MenuMessage.safeParse(raw);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(MENU_CHANNEL, handler);
  return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('fedstudio', api);
