// The host API over IPC: one handler per method, each checking that the call comes from our own
// window, validating its arguments against the contract, and answering with an envelope.
import {
  HOST_METHODS,
  ipcChannel,
  type Envelope,
  type HostApi,
  type HostMethod,
} from '../../shared/host-api.ts';
import { errorBody } from '../../host/services/host-errors.ts';

/** The parts of an IPC event the checks need (Electron's IpcMainInvokeEvent has them). */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

/** What registerHostHandlers needs of ipcMain, so tests can pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The renderer is served from app://fedstudio/; calls from any other frame are refused. */
export const APP_ORIGIN = 'app://fedstudio';

export function isTrustedSender(
  event: InvokeEvent,
  windowContentsId: () => number | undefined,
): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  let origin: string;
  try {
    const u = new URL(url);
    origin = `${u.protocol}//${u.host}`;
  } catch {
    return false;
  }
  return origin === APP_ORIGIN && event.sender.id === windowContentsId();
}

export function createHostHandler(
  method: HostMethod,
  services: HostApi,
  trusted: (event: InvokeEvent) => boolean,
): (event: InvokeEvent, raw: unknown) => Promise<Envelope<unknown>> {
  return async (event, raw) => {
    if (!trusted(event)) {
      return {
        error: { code: 'forbidden', message: `${method}: refused a call from a foreign frame` },
      };
    }
    const args = HOST_METHODS[method].args.safeParse(raw ?? {});
    if (!args.success) {
      const why = args.error.issues
        .map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`)
        .join('; ');
      return { error: { code: 'invalid-args', message: `${method}: ${why}` } };
    }
    try {
      const call = services[method] as (a: unknown) => Promise<unknown>;
      return { result: await call(args.data) };
    } catch (e) {
      return { error: errorBody(e) };
    }
  };
}

export function registerHostHandlers(
  ipc: IpcMainLike,
  services: HostApi,
  trusted: (event: InvokeEvent) => boolean,
): () => void {
  const methods = Object.keys(HOST_METHODS) as HostMethod[];
  for (const m of methods) {
    const handler = createHostHandler(m, services, trusted);
    ipc.handle(ipcChannel(m), (event, raw) => handler(event, raw));
  }
  return () => methods.forEach((m) => ipc.removeHandler(ipcChannel(m)));
}
