// Docker's refusals in the user's words: which instance, which image, why in plain terms, and what
// to do, with the override variable of its image. The engine's text is kept as the error's detail.
import { imageEnvVar } from '../../shared/kinds/index.ts';
import type { LabContainer } from '../../shared/lab/types.ts';
import { dockerStatus, dockerText, LabError, type LabErrorCode } from './errors.ts';

export type DockerAction =
  | 'connect'
  | 'pull'
  | 'inspect-image'
  | 'create'
  | 'start'
  | 'remove'
  | 'network'
  | 'volume'
  | 'read';

export interface DockerErrorContext {
  action: DockerAction;
  container?: Pick<LabContainer, 'instance' | 'image' | 'imageKey' | 'imageSource'>;
  /** The network or volume the action was about. */
  object?: string;
}

interface Reason {
  code: LabErrorCode;
  reason: string;
  todo: string;
}

const USE_ANOTHER_IMAGE = 'use an image that has it';

/** The program the engine could not run, when its message names it. */
function missingProgram(text: string): string | undefined {
  return (
    /exec: "([^"]+)"/.exec(text)?.[1] ??
    /exec ([^:\s]+): no such file/.exec(text)?.[1] ??
    /"([^"]+)": (?:stat [^:]+: )?no such file or directory/.exec(text)?.[1]
  );
}

function classify(text: string, ctx: DockerErrorContext, raw: unknown): Reason {
  const errno = raw !== null && typeof raw === 'object' && 'code' in raw ? String(raw.code) : '';
  const process = /exec|starting container process|entrypoint|executable/i.test(text);
  if (/port is already allocated|address already in use/i.test(text))
    return {
      code: 'port-taken',
      reason: 'a host port it publishes on 127.0.0.1 was taken by another program',
      todo: 'free the port or run `lab up` again (it picks other free ports)',
    };
  if (/exec format error/i.test(text))
    return {
      code: 'image-unusable',
      reason: "the image's program is built for another CPU architecture than this machine's",
      todo: `${USE_ANOTHER_IMAGE} for this machine`,
    };
  if (
    process &&
    /no such file or directory|executable file not found|not found in \$PATH/i.test(text)
  ) {
    const program = missingProgram(text);
    return {
      code: 'image-unusable',
      reason: `the program it should run${program ? ` (${program})` : ''} is not in the image`,
      todo: `${USE_ANOTHER_IMAGE}, or one whose ENTRYPOINT is the program`,
    };
  }
  if (process && /permission denied/i.test(text))
    return {
      code: 'image-unusable',
      reason: "the image's program may not be executed (permission denied)",
      todo: USE_ANOTHER_IMAGE,
    };
  if (
    ctx.action === 'pull' ||
    /no such image|pull access denied|manifest unknown|manifest for .* not found|repository does not exist/i.test(
      text,
    )
  )
    return {
      code: 'image-missing',
      reason: 'the image is not on this machine and could not be pulled',
      todo: 'pull or build it, or use another image',
    };
  if (
    errno === 'EACCES' ||
    /permission denied.*docker\.sock|docker\.sock.*permission denied/i.test(text)
  )
    return {
      code: 'docker-unreachable',
      reason: "you may not use Docker's socket (permission denied)",
      todo: 'add yourself to the docker group and log in again, or run as a user who may use Docker',
    };
  if (errno === 'ECONNREFUSED' || errno === 'ENOENT' || /connect (ECONNREFUSED|ENOENT)/.test(text))
    return {
      code: 'docker-unreachable',
      reason: 'Docker is not running or not reachable',
      todo: 'start Docker (e.g. `sudo systemctl start docker`, or `dockerd &`) and try again',
    };
  if (/is already in use by container|already exists/i.test(text))
    return {
      code: 'docker-error',
      reason: 'something of the same name is already on the engine (another run, or left over)',
      todo: 'run `lab down` for this design, then `lab up` again',
    };
  if (/non-overlapping|address pool|pool overlaps/i.test(text))
    return {
      code: 'docker-error',
      reason: 'Docker has no free address range left for a new network',
      todo: 'remove networks you no longer use (`docker network prune`) and try again',
    };
  if (/no space left on device/i.test(text))
    return {
      code: 'docker-error',
      reason: 'the disk Docker writes to is full',
      todo: 'free some space (`docker system prune`) and try again',
    };
  if (/mount|bind source path|not a directory/i.test(text))
    return {
      code: 'docker-error',
      reason: 'one of its mounts from the lab folder could not be made',
      todo: 'run `lab down --volumes` for this design and `lab up` again',
    };
  return {
    code: 'docker-error',
    reason: 'Docker refused',
    todo: 'see what Docker said below; `lab down` removes what is left',
  };
}

const ACTIONS: Record<DockerAction, string> = {
  connect: 'reach Docker',
  pull: 'get its image',
  'inspect-image': 'read its image',
  create: 'be created',
  start: 'start',
  remove: 'be removed',
  network: 'get its network',
  volume: 'get its volume',
  read: 'be read from Docker',
};

function subject(ctx: DockerErrorContext): string {
  if (ctx.container) return ctx.container.instance;
  if (ctx.action === 'network') return `the lab's network${ctx.object ? ` ${ctx.object}` : ''}`;
  if (ctx.action === 'volume') return `the lab's volume${ctx.object ? ` ${ctx.object}` : ''}`;
  return 'the lab';
}

/** How to run the instance on another image: the override variable and the design's key. */
export function imageOverride(c: NonNullable<DockerErrorContext['container']>): string {
  const from =
    c.imageSource === 'env'
      ? ` (now from ${imageEnvVar(c.imageKey)})`
      : c.imageSource === 'design'
        ? ` (now from the design's images.${c.imageKey})`
        : '';
  return `another image for it${from}: set ${imageEnvVar(c.imageKey)}=<image> in the environment, or images.${c.imageKey} in the design`;
}

/** Any error of a Docker call as a LabError in plain words; a LabError passes through. */
export function explainDockerError(e: unknown, ctx: DockerErrorContext): LabError {
  if (e instanceof LabError) return e;
  const raw = dockerText(e);
  const { code, reason, todo } = classify(raw, ctx, e);
  const c = ctx.container;
  const what = c ? `${c.instance} (image ${c.image})` : subject(ctx);
  const message =
    `${what} could not ${ACTIONS[ctx.action]}: ${reason}. To fix: ${todo}.` +
    (c ? ` To use ${imageOverride(c)}.` : '');
  return new LabError(code, message, c?.instance, raw);
}

/** Whether an error is an answer of the engine (or the failure to reach it), not one of ours. */
export function fromDocker(e: unknown): boolean {
  if (e instanceof LabError) return false;
  if (dockerStatus(e) !== undefined) return true;
  return e !== null && typeof e === 'object' && 'syscall' in e && e.syscall === 'connect';
}
