// One planned container -> Docker's create options, and the images the lab needs, pulled when
// missing (with progress) or explained when they cannot be had, and the program each one runs.
import path from 'node:path';
import type { ContainerCreateOptions } from 'dockerode';
import type { LabEvent } from '../../shared/lab/reports.ts';
import type { LabContainer, LabHealth } from '../../shared/lab/types.ts';
import { explainDockerError } from './docker-errors.ts';
import { type Docker, throwIfAborted, untilAborted, withTimeout } from './docker.ts';
import { dockerStatus } from './errors.ts';
import { interpolate, type WrittenLab } from './folder.ts';
import { containerLaunch, type ImageLaunch, imageLaunch } from './launch.ts';

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
  image: ImageLaunch,
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
    ...containerLaunch(c, image),
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

/** The image's launch when it is on the engine, null when it is not. */
async function presentImage(docker: Docker, image: string): Promise<ImageLaunch | null> {
  try {
    return imageLaunch(await docker.getImage(image).inspect());
  } catch (e) {
    if (dockerStatus(e) === 404) return null;
    throw e;
  }
}

function pull(docker: Docker, image: string, emit: (e: LabEvent) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.pull(image, {}, (err, stream) => {
      if (err || !stream) {
        reject(err instanceof Error ? err : new Error(err ? String(err) : 'no answer'));
        return;
      }
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

/**
 * Makes sure every image is on the engine, pulling what is missing, and reads each one's launch
 * (ENTRYPOINT, CMD); explains what cannot be had.
 */
export async function ensureImages(
  docker: Docker,
  containers: LabContainer[],
  emit: (e: LabEvent) => void,
  signal?: AbortSignal,
): Promise<Map<string, ImageLaunch>> {
  const byImage = new Map<string, LabContainer[]>();
  for (const c of containers) byImage.set(c.image, [...(byImage.get(c.image) ?? []), c]);
  const launches = new Map<string, ImageLaunch>();
  for (const [image, users] of byImage) {
    const first = users[0] as LabContainer;
    throwIfAborted(signal);
    let launch: ImageLaunch | null;
    try {
      launch = await presentImage(docker, image);
    } catch (e) {
      throw explainDockerError(e, { action: 'inspect-image', container: first });
    }
    if (!launch) {
      emit({ type: 'pull', message: `pulling ${image}` });
      try {
        await untilAborted(
          withTimeout(pull(docker, image, emit), PULL_TIMEOUT_MS, `pulling ${image}`),
          signal,
        );
        launch = await presentImage(docker, image);
        if (!launch) throw new Error('the pull ended without the image');
      } catch (e) {
        if (signal?.aborted) throw e;
        throw explainDockerError(e, { action: 'pull', container: first });
      }
    }
    launches.set(image, launch);
  }
  return launches;
}
