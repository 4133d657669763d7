import type { HostApi, HostBridge } from '../../../shared/host-api.ts';
import { createHttpHost, takeToken } from './http-host.ts';
import { createIpcHost } from './ipc-host.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge: envelopes, unwrapped here. */
    fedstudio?: HostBridge;
  }
}

/** The host this renderer runs in: Electron's preload bridge, else the web host over HTTP. */
export function connectHost(): HostApi | null {
  if (window.fedstudio) return createIpcHost(window.fedstudio);
  const token = takeToken();
  return token ? createHttpHost(token) : null;
}
