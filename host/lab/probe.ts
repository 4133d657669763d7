// What the lab learns over HTTP from its containers, always from the host through a port published
// on 127.0.0.1, always with a timeout, and validated (zod) before use.
import { z } from 'zod';

const PROBE_TIMEOUT_MS = 2_000;

export function localUrl(port: number, path: string): string {
  return `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * GET with a deadline that keeps the process alive. AbortSignal.timeout's timer is unref'd: a
 * request whose socket the HTTP client has unref'd would then hold nothing, and the process could
 * end with the probe still pending and the command's promise never settled (exit code 0).
 */
async function boundedGet<T>(
  url: string,
  timeoutMs: number,
  read: (res: Response) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    return await read(await fetch(url, { signal: controller.signal }));
  } finally {
    clearTimeout(timer);
  }
}

/** Whether GET answers 2xx within the timeout. */
export async function httpOk(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    return await boundedGet(url, timeoutMs, async (res) => {
      await res.arrayBuffer();
      return res.ok;
    });
  } catch {
    return false;
  }
}

export async function getJson<T>(
  url: string,
  schema: z.ZodType<T>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<T> {
  const body = await boundedGet(url, timeoutMs, async (res) => {
    if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
    return await res.json();
  });
  const parsed = schema.safeParse(body);
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
