// Waiting for a started container to be healthy: HTTP probes from the host through its published
// port (Docker's own health state only for kinds whose image has the check's tool), bounded, and
// noticing at once when the container exits.
import type { LabContainer } from '../../shared/lab/types.ts';
import { CANCELLED, type Docker, inspectContainer, lastLogLines, publishedPort } from './docker.ts';
import { LabError } from './errors.ts';
import { httpOk, localUrl } from './probe.ts';

const POLL_MS = 200;
/** A container without a check counts as up once it has kept running this long. */
const SETTLE_MS = 1_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

export async function waitHealthy(
  docker: Docker,
  id: string,
  c: LabContainer,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  for (;;) {
    if (signal.aborted) throw new Error(CANCELLED);
    const info = await inspectContainer(docker, id);
    if (!info.State.Running && info.State.Status !== 'created') {
      const logs = await lastLogLines(docker, id);
      throw new LabError(
        'container-exited',
        `${c.instance} exited at start (status ${info.State.Status}, exit code ${info.State.ExitCode}); ` +
          `its last log lines:\n${logs ? indent(logs) : '    (none)'}`,
        c.instance,
      );
    }
    const h = c.health;
    if (h.type === 'http') {
      const port = publishedPort(info, h.containerPort);
      if (port !== undefined && (await httpOk(localUrl(port, h.path), 1_000))) return;
    } else if (h.type === 'docker') {
      if (info.State.Health?.Status === 'healthy') return;
    } else if (info.State.Running && Date.now() - started >= SETTLE_MS) return;
    if (Date.now() >= deadline) {
      const what =
        h.type === 'http'
          ? `GET ${h.path} on port ${h.containerPort}`
          : h.type === 'docker'
            ? `its health check (${h.test.slice(1).join(' ')})`
            : 'running';
      const logs = await lastLogLines(docker, id, 10);
      throw new LabError(
        'health-timeout',
        `${c.instance} did not become healthy within ${Math.round(timeoutMs / 1000)}s (waiting for ${what}); ` +
          `its last log lines:\n${logs ? indent(logs) : '    (none)'}`,
        c.instance,
      );
    }
    await sleep(POLL_MS);
  }
}
