// A Docker engine in memory for the runner's unit tests: the calls `up` and `down` make, with
// per-instance behaviour (start delay, health delay, a start failure, dying after health) so the
// ordering and the final check can be tested without an engine and without timing luck.
import type { Docker } from './docker.ts';

export interface FakeBehaviour {
  /** Milliseconds `start` takes. */
  startMs?: number;
  /** Milliseconds after start until Docker's health check says healthy. */
  healthyAfterMs?: number;
  /** `start` rejects with this engine answer. */
  startError?: { statusCode: number; message: string };
  /** Exits this long after turning healthy (a container that does not stay up). */
  exitAfterHealthyMs?: number;
}

interface FakeContainer {
  id: string;
  name: string;
  labels: Record<string, string>;
  image: string;
  options: Record<string, unknown>;
  state: 'created' | 'running' | 'exited';
  startedAt?: number;
  exitCode: number;
}

function engineError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${message}`), {
    statusCode,
    json: { message },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FakeDocker {
  containers = new Map<string, FakeContainer>();
  networks = new Map<string, Record<string, string>>();
  volumes = new Map<string, Record<string, string>>();
  images = new Map<string, { Entrypoint: string[] | null; Cmd: string[] | null }>();
  behaviour = new Map<string, FakeBehaviour>();
  /** Every call, in order, for assertions on what happened when. */
  log: string[] = [];
  private seq = 0;

  private behaviourOf(c: FakeContainer): FakeBehaviour {
    return this.behaviour.get(c.labels['io.fedstudio.instance'] ?? '') ?? {};
  }

  private matches(labels: Record<string, string>, filters?: { label?: string[] }): boolean {
    return (filters?.label ?? []).every((f) => {
      const [k, v] = f.split('=');
      return labels[k ?? ''] === v;
    });
  }

  private status(c: FakeContainer): { state: FakeContainer['state']; health: string } {
    const b = this.behaviourOf(c);
    if (c.state !== 'running' || c.startedAt === undefined)
      return { state: c.state, health: 'starting' };
    const up = Date.now() - c.startedAt;
    const healthyAt = b.healthyAfterMs ?? 0;
    if (b.exitAfterHealthyMs !== undefined && up >= healthyAt + b.exitAfterHealthyMs) {
      c.state = 'exited';
      c.exitCode = 2;
      return { state: 'exited', health: 'unhealthy' };
    }
    return { state: 'running', health: up >= healthyAt ? 'healthy' : 'starting' };
  }

  asDocker(): Docker {
    return this as unknown as Docker;
  }

  async ping() {
    return 'OK';
  }

  async listContainers(o: { filters?: { label?: string[] } }) {
    return [...this.containers.values()]
      .filter((c) => this.matches(c.labels, o.filters))
      .map((c) => ({
        Id: c.id,
        Names: [`/${c.name}`],
        Image: c.image,
        State: this.status(c).state,
        Labels: c.labels,
        Ports: [],
      }));
  }

  async listNetworks(o: { filters?: { label?: string[] } }) {
    return [...this.networks]
      .filter(([, l]) => this.matches(l, o.filters))
      .map(([Name]) => ({ Name }));
  }

  async listVolumes(o: { filters?: { label?: string[] } }) {
    return {
      Volumes: [...this.volumes]
        .filter(([, l]) => this.matches(l, o.filters))
        .map(([Name]) => ({ Name })),
    };
  }

  async createNetwork(o: { Name: string; Labels: Record<string, string> }) {
    this.log.push(`network ${o.Name}`);
    this.networks.set(o.Name, o.Labels);
  }

  async createVolume(o: { Name: string; Labels: Record<string, string> }) {
    this.log.push(`volume ${o.Name}`);
    this.volumes.set(o.Name, o.Labels);
  }

  async createContainer(o: { name: string; Image: string; Labels: Record<string, string> }) {
    if ([...this.containers.values()].some((c) => c.name === o.name))
      throw engineError(409, `Conflict. The container name "/${o.name}" is already in use`);
    const id = `c${++this.seq}`;
    this.containers.set(id, {
      id,
      name: o.name,
      labels: o.Labels,
      image: o.Image,
      options: o,
      state: 'created',
      exitCode: 0,
    });
    this.log.push(`create ${o.Labels['io.fedstudio.instance']}`);
    return { id };
  }

  private find(id: string): FakeContainer {
    const c = this.containers.get(id);
    if (!c) throw engineError(404, `No such container: ${id}`);
    return c;
  }

  getContainer(id: string) {
    return {
      id,
      start: async () => {
        const c = this.find(id);
        const b = this.behaviourOf(c);
        await sleep(b.startMs ?? 0);
        if (b.startError) throw engineError(b.startError.statusCode, b.startError.message);
        c.state = 'running';
        c.startedAt = Date.now();
        this.log.push(`start ${c.labels['io.fedstudio.instance']}`);
      },
      inspect: async () => {
        const c = this.find(id);
        const { state, health } = this.status(c);
        return {
          Id: c.id,
          State: {
            Status: state,
            Running: state === 'running',
            ExitCode: c.exitCode,
            Health: { Status: health },
          },
          NetworkSettings: { Ports: {} },
        };
      },
      remove: async () => {
        const c = this.find(id);
        this.containers.delete(id);
        this.log.push(`remove ${c.labels['io.fedstudio.instance']}`);
      },
      logs: async () => Buffer.from('fake log line\n'),
    };
  }

  getImage(name: string) {
    return {
      inspect: async () => {
        const config = this.images.get(name);
        if (!config) throw engineError(404, `No such image: ${name}`);
        return { Config: config };
      },
    };
  }

  pull(image: string, _o: unknown, cb: (err: unknown) => void) {
    cb(engineError(404, `pull access denied for ${image}, repository does not exist`));
  }

  getNetwork(name: string) {
    return {
      remove: async () => {
        if (!this.networks.delete(name)) throw engineError(404, `network ${name} not found`);
      },
    };
  }

  getVolume(name: string) {
    return {
      remove: async () => {
        if (!this.volumes.delete(name)) throw engineError(404, `no such volume ${name}`);
      },
    };
  }

  /** Everything left carrying the lab's label. */
  leftovers(lab: string): string[] {
    const of = (l: Record<string, string>) => l['io.fedstudio.lab'] === lab;
    return [
      ...[...this.containers.values()]
        .filter((c) => of(c.labels))
        .map((c) => `container ${c.name}`),
      ...[...this.networks].filter(([, l]) => of(l)).map(([n]) => `network ${n}`),
      ...[...this.volumes].filter(([, l]) => of(l)).map(([n]) => `volume ${n}`),
    ];
  }
}
