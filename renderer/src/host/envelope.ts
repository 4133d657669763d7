// One way to read a host's answer, whatever carried it (HTTP, Electron's IPC): an error becomes a
// HostCallError with the host's code, message and details; a result is checked against the
// contract, since the host's answer is outside input too.
import {
  HOST_METHODS,
  HostErrorBody,
  type HostApi,
  type HostBridge,
  type HostEvents,
  type HostMethod,
} from '../../../shared/host-api.ts';

export class HostCallError extends Error {
  constructor(readonly body: HostErrorBody) {
    super(body.message);
  }
}

/** The result of an answer `{result}` / `{error}`, or the HostCallError it stands for. */
export function unwrapEnvelope(method: HostMethod, body: unknown, fallback: string): unknown {
  if (body && typeof body === 'object' && 'error' in body) {
    const err = HostErrorBody.safeParse((body as { error: unknown }).error);
    throw new HostCallError(err.success ? err.data : { code: 'internal', message: fallback });
  }
  if (!body || typeof body !== 'object' || !('result' in body))
    throw new HostCallError({ code: 'internal', message: fallback });
  const checked = HOST_METHODS[method].result.safeParse((body as { result: unknown }).result);
  if (!checked.success)
    throw new HostCallError({
      code: 'internal',
      message: `${method}: unexpected answer from the host`,
    });
  return checked.data;
}

/** The host API over a bridge that answers envelopes (Electron's preload), with its menus. */
export function hostFromBridge(bridge: HostBridge): HostApi & HostEvents {
  const methods = Object.fromEntries(
    (Object.keys(HOST_METHODS) as HostMethod[]).map((m) => [
      m,
      async (args: unknown) =>
        unwrapEnvelope(m, await bridge.invoke(m, args ?? {}), `${m}: no answer from the host`),
    ]),
  ) as unknown as HostApi;
  return { ...methods, onMenu: (listener) => bridge.onMenu(listener) };
}
