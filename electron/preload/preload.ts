// The renderer's only bridge: one `invoke` for the methods of shared/host-api.ts (no other IPC
// channel), plus menu events. Calls answer the envelope as it is: an error thrown across the
// context bridge keeps only its message, and the renderer needs the code and details too (a
// save conflict must be told from a failure).
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

const bridge = {
  // The renderer says what `method` is; its type is only a claim.
  async invoke(method: unknown, args: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !Object.hasOwn(HOST_METHODS, method))
      return { error: { code: 'not-found', message: `no host method "${String(method)}"` } };
    try {
      const answer: unknown = await ipcRenderer.invoke(
        ipcChannel(method as HostMethod),
        args ?? {},
      );
      if (isEnvelope(answer)) return answer;
      return { error: { code: 'internal', message: `${method}: the host answered no envelope` } };
    } catch (e) {
      // No handler, or arguments that cannot be sent: an error like the host's own.
      const message = e instanceof Error ? e.message : String(e);
      return { error: { code: 'internal', message: `${method}: ${message}` } };
    }
  },
  onMenu(listener: (message: MenuMessage) => void): () => void {
    const handler = (_e: unknown, raw: unknown) => {
      const parsed = MenuMessage.safeParse(raw);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('fedstudio', bridge);
