// The Docker connection and the few answers the lab reads, validated at the boundary (zod).
import Docker from 'dockerode';
import { z } from 'zod';
import { LAB_LABEL } from '../../shared/lab/types.ts';
import { explainDockerError } from './docker-errors.ts';
import { LabError, errorText } from './errors.ts';

export type { default as Docker } from 'dockerode';

const PING_TIMEOUT_MS = 5_000;

/** Where dockerode connects: DOCKER_HOST when set, else the local socket. */
function engineAddress(): string {
  return process.env.DOCKER_HOST ?? '/var/run/docker.sock';
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000}s`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error every interrupted wait ends with: the caller cleans up and says so. */
export const CANCELLED = 'cancelled';

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error(CANCELLED);
}

/** `p`, or a rejection as soon as `signal` aborts (the work itself may go on in the engine). */
export async function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  throwIfAborted(signal);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error(CANCELLED));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([p, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** A connected engine, or a LabError saying Docker is not running or not reachable. */
export async function connectDocker(docker: Docker = new Docker()): Promise<Docker> {
  try {
    await withTimeout(docker.ping(), PING_TIMEOUT_MS, 'the Docker engine');
    return docker;
  } catch (e) {
    const explained = explainDockerError(e, { action: 'connect' });
    if (explained.code === 'docker-unreachable' && /permission denied/.test(explained.message))
      throw explained;
    throw new LabError(
      'docker-unreachable',
      `Docker is not running or not reachable at ${engineAddress()} (${errorText(e)}). ` +
        'Start Docker (e.g. `sudo systemctl start docker`, or `dockerd &`) and make sure you may ' +
        'use its socket, then try again.',
    );
  }
}

export const ContainerSummary = z.object({
  Id: z.string(),
  Names: z.array(z.string()),
  Image: z.string(),
  State: z.string(),
  Labels: z.record(z.string(), z.string()).nullish(),
  Ports: z
    .array(
      z.object({
        PrivatePort: z.number(),
        PublicPort: z.number().optional(),
        IP: z.string().optional(),
        Type: z.string(),
      }),
    )
    .nullish(),
});
export type ContainerSummary = z.infer<typeof ContainerSummary>;

export const ContainerInspect = z.object({
  Id: z.string(),
  State: z.object({
    Status: z.string(),
    Running: z.boolean(),
    ExitCode: z.number(),
    Health: z.object({ Status: z.string() }).nullish(),
  }),
  NetworkSettings: z.object({
    Ports: z
      .record(
        z.string(),
        z.array(z.object({ HostIp: z.string(), HostPort: z.string() })).nullable(),
      )
      .nullish(),
  }),
});
export type ContainerInspect = z.infer<typeof ContainerInspect>;

const Named = z.object({ Name: z.string() });

export function labFilter(lab: string): { label: string[] } {
  return { label: [`${LAB_LABEL}=${lab}`] };
}

export async function labContainers(docker: Docker, lab: string): Promise<ContainerSummary[]> {
  const list = await docker.listContainers({ all: true, filters: labFilter(lab) });
  return z.array(ContainerSummary).parse(list);
}

export async function labNetworks(docker: Docker, lab: string): Promise<string[]> {
  const list = await docker.listNetworks({ filters: labFilter(lab) });
  return z
    .array(Named)
    .parse(list)
    .map((n) => n.Name);
}

export async function labVolumes(docker: Docker, lab: string): Promise<string[]> {
  const answer = z
    .object({ Volumes: z.array(Named).nullable() })
    .parse(await docker.listVolumes({ filters: labFilter(lab) }));
  return (answer.Volumes ?? []).map((v) => v.Name);
}

export async function inspectContainer(docker: Docker, id: string): Promise<ContainerInspect> {
  return ContainerInspect.parse(await docker.getContainer(id).inspect());
}

/** The host port (on 127.0.0.1) a container port is published on, from an inspect answer. */
export function publishedPort(info: ContainerInspect, containerPort: number): number | undefined {
  const bindings = info.NetworkSettings.Ports?.[`${containerPort}/tcp`] ?? [];
  const port = Number(bindings[0]?.HostPort);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

/** The last lines a container wrote, for the message when it exits at start. */
export async function lastLogLines(docker: Docker, id: string, lines = 20): Promise<string> {
  try {
    const raw = await docker
      .getContainer(id)
      .logs({ stdout: true, stderr: true, tail: lines, follow: false });
    return demuxLogs(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))).trimEnd();
  } catch (e) {
    return `(its logs could not be read: ${errorText(e)})`;
  }
}

/** Docker multiplexes stdout and stderr of a non-TTY container in 8-byte-headed frames. */
export function demuxLogs(buf: Buffer): string {
  let out = '';
  let i = 0;
  while (i + 8 <= buf.length && (buf[i] === 1 || buf[i] === 2) && buf[i + 1] === 0) {
    const size = buf.readUInt32BE(i + 4);
    out += buf.subarray(i + 8, i + 8 + size).toString('utf8');
    i += 8 + size;
  }
  return i === 0 ? buf.toString('utf8') : out;
}
