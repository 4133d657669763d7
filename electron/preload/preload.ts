// The renderer's only bridge: exactly the host API of shared/host-api.ts, one invoke per method,
// plus menu events. Each call answers its envelope as plain data: the context bridge would keep
// only the message of a thrown error, not its code and details, so the renderer unwraps it
// (renderer/src/host/envelope.ts), as it does for HTTP.
import { contextBridge, ipcRenderer } from 'electron';
import {
  HOST_METHODS,
  ipcChannel,
  MENU_CHANNEL,
  MenuMessage,
  type Envelope,
  type HostMethod,
} from '../../shared/host-api.ts';

const isEnvelope = (v: unknown): v is Envelope<unknown> =>
  typeof v === 'object' && v !== null && ('result' in v || 'error' in v);

async function call(method: HostMethod, args: unknown): Promise<Envelope<unknown>> {
  try {
    const answer: unknown = await ipcRenderer.invoke(ipcChannel(method), args ?? {});
    if (isEnvelope(answer)) return answer;
    return { error: { code: 'internal', message: `${method}: the host answered no envelope` } };
  } catch (e) {
    // No handler, or arguments that cannot be sent: an error like the host's own.
    const message = e instanceof Error ? e.message : String(e);
    return { error: { code: 'internal', message: `${method}: ${message}` } };
  }
}

const api: Record<string, unknown> = {};
for (const method of Object.keys(HOST_METHODS) as HostMethod[]) {
  api[method] = (args: unknown) => call(method, args);
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
