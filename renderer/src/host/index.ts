import type { HostApi, HostBridge } from '../../../shared/host-api.ts';
import { hostFromBridge } from './envelope.ts';
import { createHttpHost, takeToken } from './http-host.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge. */
    fedstudio?: HostBridge;
  }
}

/** The host this renderer runs in: Electron's preload API, else the web host over HTTP. */
export function connectHost(): HostApi | null {
  if (window.fedstudio) return hostFromBridge(window.fedstudio);
  const token = takeToken();
  return token ? createHttpHost(token) : null;
}
