// The host API over HTTP (web mode): one POST per call, the per-run token as a bearer token.
import { HOST_METHODS, type HostApi, type HostMethod } from '../../../shared/host-api.ts';
import { unwrapEnvelope } from './envelope.ts';

const TOKEN_KEY = 'fedstudio.token';

/** The token comes in the URL once; it is kept for this tab and removed from the address bar. */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createHttpHost(token: string): HostApi {
  const call = async (method: HostMethod, args: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch (e) {
      // The host is gone (stopped, or the network refused): the same error as any other.
      return unwrapEnvelope(method, null, e instanceof Error ? e.message : String(e));
    }
    const body: unknown = await res.json().catch(() => null);
    return unwrapEnvelope(method, body, res.ok ? undefined : `HTTP ${res.status}`);
  };
  return Object.fromEntries(
    (Object.keys(HOST_METHODS) as HostMethod[]).map((m) => [m, (args: unknown) => call(m, args)]),
  ) as unknown as HostApi;
}
