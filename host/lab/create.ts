// One planned container -> Docker's create options, and the images the lab needs, pulled when
// missing (with progress) or explained when they cannot be had.
import path from 'node:path';
import type { ContainerCreateOptions } from 'dockerode';
import { imageEnvVar } from '../../shared/catalog/images.ts';
import type { LabContainer, LabEvent, LabHealth } from '../../shared/lab/types.ts';
import { type Docker, withTimeout } from './docker.ts';
import { LabError, dockerStatus, errorText } from './errors.ts';
import { interpolate, type WrittenLab } from './folder.ts';

/** Labels status reads back: how to probe the container, and where its UI is. */
export const HEALTH_LABEL = 'io.fedstudio.health';
export const UI_LABEL = 'io.fedstudio.ui';

const PULL_TIMEOUT_MS = 10 * 60_000;
const SECOND_NS = 1_000_000_000;

function dockerHealthcheck(h: LabHealth): ContainerCreateOptions['Healthcheck'] | undefined {
  if (h.type !== 'docker') return undefined;
  return {
    Test: h.test,
    Interval: 2 * SECOND_NS,
    Timeout: 5 * SECOND_NS,
    Retries: 30,
    StartPeriod: 5 * SECOND_NS,
  };
}

export function createOptions(
  c: LabContainer,
  network: string,
  lab: WrittenLab,
  hostPorts: Map<number, number>,
): ContainerCreateOptions {
  const tcp = (p: number) => `${p}/tcp`;
  const binds = [
    ...c.binds.map((b) => `${path.join(lab.configDir, b.source)}:${b.target}:ro`),
    ...c.hostBinds.map((b) => `${b.source}:${b.target}:ro`),
    ...c.volumes.map((v) => `${v.name}:${v.target}`),
    ...c.secrets.map((s) => `${path.join(lab.dir, 'secrets', s)}:/run/secrets/${s}:ro`),
  ];
  const healthcheck = dockerHealthcheck(c.health);
  return {
    name: c.containerName,
    Image: c.image,
    Hostname: c.instance,
    ...(c.entrypoint ? { Entrypoint: c.entrypoint } : {}),
    ...(c.command ? { Cmd: c.command } : {}),
    Env: Object.entries(c.environment).map(([k, v]) => `${k}=${interpolate(v, lab.values)}`),
    ...(c.user !== undefined ? { User: c.user } : {}),
    Labels: {
      ...c.labels,
      [HEALTH_LABEL]: JSON.stringify(c.health),
      ...(c.ui ? { [UI_LABEL]: JSON.stringify(c.ui) } : {}),
    },
    ExposedPorts: Object.fromEntries(c.ports.map((p) => [tcp(p.container), {}])),
    ...(healthcheck ? { Healthcheck: healthcheck } : {}),
    HostConfig: {
      Binds: binds,
      // 127.0.0.1 only: a lab is for the person at this machine, not for the network.
      PortBindings: Object.fromEntries(
        c.ports.map((p) => [
          tcp(p.container),
          [{ HostIp: '127.0.0.1', HostPort: String(hostPorts.get(p.container)) }],
        ]),
      ),
      NetworkMode: network,
      // No restarts: a container that exits at start must be reported, not retried forever.
      RestartPolicy: { Name: 'no' },
    },
    NetworkingConfig: { EndpointsConfig: { [network]: { Aliases: [c.instance] } } },
  };
}

async function imagePresent(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (e) {
    if (dockerStatus(e) === 404) return false;
    throw e;
  }
}

function pull(docker: Docker, image: string, emit: (e: LabEvent) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.pull(image, {}, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no answer'));
      let last = '';
      docker.modem.followProgress(
        stream,
        (done) => (done ? reject(done) : resolve()),
        (ev: { status?: string; progress?: string; error?: string }) => {
          const line = [ev.status, ev.progress].filter(Boolean).join(' ');
          if (line && line !== last) emit({ type: 'pull', message: `${image}: ${line}` });
          last = line;
        },
      );
    });
  });
}

function overrideHint(c: LabContainer): string {
  const was =
    c.imageSource === 'env'
      ? ` (it comes from ${imageEnvVar(c.imageKey)})`
      : c.imageSource === 'design'
        ? ` (it comes from the design's images.${c.imageKey})`
        : '';
  return (
    `${was}. Pull or build it, or use another image: set ${imageEnvVar(c.imageKey)}=<image> ` +
    `in the environment, or images.${c.imageKey} in the design.`
  );
}

/** Makes sure every image is on the engine, pulling what is missing; explains what cannot be had. */
export async function ensureImages(
  docker: Docker,
  containers: LabContainer[],
  emit: (e: LabEvent) => void,
): Promise<void> {
  const byImage = new Map<string, LabContainer[]>();
  for (const c of containers) byImage.set(c.image, [...(byImage.get(c.image) ?? []), c]);
  for (const [image, users] of byImage) {
    if (await imagePresent(docker, image)) continue;
    emit({ type: 'pull', message: `pulling ${image}` });
    try {
      await withTimeout(pull(docker, image, emit), PULL_TIMEOUT_MS, `pulling ${image}`);
      if (!(await imagePresent(docker, image))) throw new Error('the pull ended without the image');
    } catch (e) {
      const first = users[0] as LabContainer;
      throw new LabError(
        'image-missing',
        `image ${image} (for ${users.map((u) => u.instance).join(', ')}) is not on this machine and ` +
          `could not be pulled: ${errorText(e).trim()}${overrideHint(first)}`,
        first.instance,
      );
    }
  }
}
