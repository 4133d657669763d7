// The host API over Electron's IPC: the preload's bridge answers envelopes, unwrapped here the
// same way as over HTTP.
import {
  HOST_METHODS,
  type HostApi,
  type HostBridge,
  type HostEvents,
  type HostMethod,
} from '../../../shared/host-api.ts';
import { unwrapEnvelope } from './envelope.ts';

export function createIpcHost(bridge: HostBridge): HostApi & HostEvents {
  const call = async (method: HostMethod, args: unknown): Promise<unknown> => {
    let answer: unknown;
    try {
      answer = await bridge.invoke(method, args ?? {});
    } catch (e) {
      return unwrapEnvelope(method, null, e instanceof Error ? e.message : String(e));
    }
    return unwrapEnvelope(method, answer);
  };
  const api = Object.fromEntries(
    (Object.keys(HOST_METHODS) as HostMethod[]).map((m) => [m, (args: unknown) => call(m, args)]),
  ) as unknown as HostApi;
  return { ...api, onMenu: (listener) => bridge.onMenu(listener) };
}
