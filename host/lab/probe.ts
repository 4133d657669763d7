// What the lab learns over HTTP from its containers, always from the host through a port published
// on 127.0.0.1, always with a timeout, and validated (zod) before use.
import { z } from 'zod';

const PROBE_TIMEOUT_MS = 2_000;

export function localUrl(port: number, path: string): string {
  return `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Whether GET answers 2xx within the timeout. */
export async function httpOk(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

export async function getJson<T>(
  url: string,
  schema: z.ZodType<T>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<T> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success)
    throw new Error(`${url} answered something unexpected: ${parsed.error.message}`);
  return parsed.data;
}

const ActiveTarget = z.object({
  scrapePool: z.string(),
  health: z.string(),
  lastError: z.string().optional(),
  scrapeUrl: z.string().optional(),
});
export type ActiveTarget = z.infer<typeof ActiveTarget>;

const TargetsAnswer = z.object({
  status: z.literal('success'),
  data: z.object({ activeTargets: z.array(ActiveTarget) }),
});

/** A Prometheus server's active targets (GET /api/v1/targets?state=active). */
export async function activeTargets(port: number): Promise<ActiveTarget[]> {
  const answer = await getJson(localUrl(port, '/api/v1/targets?state=active'), TargetsAnswer);
  return answer.data.activeTargets;
}
