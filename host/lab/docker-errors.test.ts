// Docker's refusals, as the engine words them (recorded from dockerd 20.10 and Docker Desktop),
// become messages naming the instance, the image and its override variable, with the engine's
// text kept as detail and never the whole message.
import { describe, expect, it } from 'vitest';
import type { LabContainer } from '../../shared/lab/types.ts';
import { explainDockerError, fromDocker } from './docker-errors.ts';
import { LabError } from './errors.ts';

function engine(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message}`), {
    statusCode,
    json: { message },
  });
}

const am: Pick<LabContainer, 'instance' | 'image' | 'imageKey' | 'imageSource'> = {
  instance: 'alertmanager-0',
  image: 'example.org/am:1',
  imageKey: 'alertmanager',
  imageSource: 'env',
};
const exporter: typeof am = {
  instance: 'node-0',
  image: 'prom/node-exporter:v1.9.1',
  imageKey: 'node-exporter',
  imageSource: 'default',
};

const RECORDED: {
  what: string;
  error: unknown;
  ctx: Parameters<typeof explainDockerError>[1];
  code: LabError['code'];
  says: RegExp;
}[] = [
  {
    what: 'a program for another CPU',
    error: engine(
      400,
      'OCI runtime create failed: container_linux.go:380: starting container process caused: exec format error: unknown',
    ),
    ctx: { action: 'start', container: am },
    code: 'image-unusable',
    says: /built for another CPU architecture/,
  },
  {
    what: 'an entrypoint the image does not have',
    error: engine(
      400,
      'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/bin/alertmanager": stat /bin/alertmanager: no such file or directory: unknown',
    ),
    ctx: { action: 'start', container: am },
    code: 'image-unusable',
    says: /the program it should run \(\/bin\/alertmanager\) is not in the image/,
  },
  {
    what: 'a program not on $PATH (runc 1.1 wording)',
    error: engine(
      400,
      'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "alertmanager": executable file not found in $PATH: unknown',
    ),
    ctx: { action: 'start', container: am },
    code: 'image-unusable',
    says: /\(alertmanager\) is not in the image/,
  },
  {
    what: 'a port already taken',
    error: engine(
      500,
      'driver failed programming external connectivity on endpoint fedstudio_x_node-0 (3f2a): Bind for 127.0.0.1:9100 failed: port is already allocated',
    ),
    ctx: { action: 'start', container: exporter },
    code: 'port-taken',
    says: /a host port it publishes on 127\.0\.0\.1 was taken/,
  },
  {
    what: 'an image that is not there',
    error: engine(404, 'No such image: example.org/am:1'),
    ctx: { action: 'create', container: am },
    code: 'image-missing',
    says: /not on this machine and could not be pulled/,
  },
  {
    what: 'a pull that is refused',
    error: engine(
      404,
      "pull access denied for example.org/am, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ),
    ctx: { action: 'pull', container: am },
    code: 'image-missing',
    says: /could not get its image/,
  },
  {
    what: 'a name left over from another run',
    error: engine(
      409,
      'Conflict. The container name "/fedstudio_x_node-0" is already in use by container "9c1e". You have to remove (or rename) that container to be able to reuse that name.',
    ),
    ctx: { action: 'create', container: exporter },
    code: 'docker-error',
    says: /already on the engine.*`lab down`/,
  },
  {
    what: 'a non-executable program',
    error: engine(
      400,
      'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/bin/alertmanager": permission denied: unknown',
    ),
    ctx: { action: 'start', container: am },
    code: 'image-unusable',
    says: /may not be executed/,
  },
];

describe('explainDockerError', () => {
  for (const r of RECORDED) {
    it(`explains ${r.what}`, () => {
      const e = explainDockerError(r.error, r.ctx);
      const c = r.ctx.container;
      if (!c) throw new Error('no container');
      expect(e.code).toBe(r.code);
      expect(e.instance).toBe(c.instance);
      expect(e.message).toMatch(r.says);
      expect(e.message).toContain(`${c.instance} (image ${c.image})`);
      const variable =
        c.imageKey === 'alertmanager'
          ? 'FEDSTUDIO_IMAGE_ALERTMANAGER'
          : 'FEDSTUDIO_IMAGE_NODE_EXPORTER';
      expect(e.message).toContain(`set ${variable}=<image>`);
      expect(e.message).toContain(`images.${c.imageKey}`);
      expect(e.message).not.toMatch(/OCI runtime|container_linux|HTTP code/);
      expect(e.detail).toBe((r.error as { json: { message: string } }).json.message);
    });
  }

  it('says where an image came from when it was overridden', () => {
    const e = explainDockerError(engine(404, 'No such image: example.org/am:1'), {
      action: 'create',
      container: am,
    });
    expect(e.message).toContain('(now from FEDSTUDIO_IMAGE_ALERTMANAGER)');
  });

  it('explains a socket the user may not use, and a network Docker cannot address', () => {
    const denied = Object.assign(new Error('connect EACCES /var/run/docker.sock'), {
      code: 'EACCES',
      syscall: 'connect',
    });
    expect(fromDocker(denied)).toBe(true);
    const e = explainDockerError(denied, { action: 'connect' });
    expect(e.code).toBe('docker-unreachable');
    expect(e.message).toMatch(/may not use Docker's socket.*docker group/);

    const pool = explainDockerError(
      engine(
        404,
        'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
      ),
      { action: 'network', object: 'fedstudio_x' },
    );
    expect(pool.message).toMatch(
      /^the lab's network fedstudio_x could not get its network: Docker has no free address range/,
    );
    expect(pool.message).toContain('docker network prune');
  });

  it('passes a LabError through and leaves errors of its own code alone', () => {
    const own = new LabError('health-timeout', 'x did not become healthy');
    expect(explainDockerError(own, { action: 'start' })).toBe(own);
    expect(fromDocker(new Error('a bug'))).toBe(false);
    expect(fromDocker(engine(500, 'boom'))).toBe(true);
  });
});
