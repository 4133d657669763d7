// ServiceSpec[] -> docker-compose.yml. Written for the Compose spec as Debian's docker-compose
// 1.29 reads it: no top-level `name:` (the project name is COMPOSE_PROJECT_NAME in .env) and no
// `version:`.
import type { HealthCheck } from '../kinds/index.ts';
import type { GenerateContext } from './context.ts';
import type { ServiceSpec } from './types.ts';
import { dumpYaml } from './yaml-dump.ts';

/** The one network every service of the stack joins (compose prefixes it with the project). */
export const COMPOSE_NETWORK = 'monitoring';

/** A path of the machine running the stack, mounted read-only (cAdvisor, Promtail). */

export interface HostPort {
  service: string;
  /** The ServiceSpec port name (`main`, ...). */
  name: string;
  container: number;
  /** Published on 127.0.0.1. */
  host: number;
}

const MAX_PORT = 65535;
const FIRST_UNPRIVILEGED_PORT = 1024;

/**
 * Host ports, deterministically: services in the order given, each port starting at its
 * container port and counting up past ports already taken, so two Prometheus servers get 9090
 * and 9091. Pure; the compose file, the README and the lab all use it.
 */
export function allocateHostPorts(
  services: readonly Pick<ServiceSpec, 'name' | 'ports'>[],
): HostPort[] {
  const taken = new Set<number>();
  // Where the search for each container port resumes, so a thousand exporters on one port stay linear.
  const resume = new Map<number, number>();
  const out: HostPort[] = [];
  for (const s of services) {
    for (const p of s.ports) {
      let host = resume.get(p.container) ?? p.container;
      let tried = 0;
      while (taken.has(host) || host > MAX_PORT) {
        // Past the last port the search wraps to the first unprivileged one: a node listening
        // near 65535 with replicas still gets ports. Only a stack larger than the validator's
        // container bound could run out.
        host = host > MAX_PORT ? FIRST_UNPRIVILEGED_PORT : host + 1;
        if (++tried > MAX_PORT) throw new Error(`no free host port for ${s.name} (${p.name})`);
      }
      resume.set(p.container, host + 1);
      taken.add(host);
      out.push({ service: s.name, name: p.name, container: p.container, host });
    }
  }
  return out;
}

/** allocateHostPorts, grouped by service name. */
export function hostPortsByService(
  services: readonly Pick<ServiceSpec, 'name' | 'ports'>[],
): Map<string, HostPort[]> {
  const out = new Map<string, HostPort[]>();
  for (const p of allocateHostPorts(services)) {
    const list = out.get(p.service);
    if (list) list.push(p);
    else out.set(p.service, [p]);
  }
  return out;
}

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INTENDED_REF = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}/;

/**
 * Compose interpolates `$` in every value: double each one except intended `${VAR}` references,
 * so `a$b ${VAR} $$` reaches the container as `a$b <value of VAR> $$`.
 */
export function escapeComposeValue(s: string): string {
  if (!s.includes('$')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const ref = INTENDED_REF.exec(s.slice(i));
    if (ref) {
      out += ref[0];
      i += ref[0].length - 1;
    } else out += '$$';
  }
  return out;
}

/** Docker healthcheck test for a catalog health check, or null when there is none. */
export function healthTest(h: HealthCheck): string[] | null {
  switch (h.type) {
    case 'http':
      // 127.0.0.1, not localhost: busybox wget may try ::1 first, and several services bind IPv4 only.
      return ['CMD', 'wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${h.port}${h.path}`];
    case 'command':
      return ['CMD', ...h.command];
    case 'none':
      return null;
  }
}

export function renderCompose(ctx: GenerateContext, services: ServiceSpec[]): string {
  const byName = new Map<string, ServiceSpec>();
  for (const s of services) {
    if (byName.has(s.name)) throw new Error(`two services are called "${s.name}"`);
    byName.set(s.name, s);
  }
  const ports = hostPortsByService(services);
  const volumes = new Set<string>();
  const secrets = new Set<string>();
  const out: Record<string, unknown> = {};

  for (const s of services) {
    const svc: Record<string, unknown> = { image: s.image, hostname: s.name };
    if (s.entrypoint) svc.entrypoint = s.entrypoint;
    if (s.command) svc.command = s.command;
    if (s.user !== undefined) svc.user = s.user;
    if (s.environment && Object.keys(s.environment).length > 0) svc.environment = s.environment;
    const mounts = [
      ...s.mounts.map((m) => `./${m.source}:${m.target}:ro`),
      ...(s.hostMounts ?? []).map((m) => `${m.source}:${m.target}:ro`),
      ...s.volumes.map((v) => {
        volumes.add(v.name);
        return `${v.name}:${v.target}`;
      }),
    ];
    if (mounts.length > 0) svc.volumes = mounts;
    if (s.secrets && s.secrets.length > 0) {
      for (const v of s.secrets) {
        // The name becomes a path (./secrets/<NAME>): only variable names are allowed.
        if (!VAR_NAME.test(v)) throw new Error(`secret "${v}" of ${s.name} is not a variable name`);
        secrets.add(v);
      }
      svc.secrets = s.secrets;
    }
    const published = ports.get(s.name) ?? [];
    if (published.length > 0)
      svc.ports = published.map((p) => `127.0.0.1:${p.host}:${p.container}`);
    svc.networks = [COMPOSE_NETWORK];
    const test = healthTest(s.health);
    if (test) {
      svc.healthcheck = {
        test,
        interval: '10s',
        timeout: '5s',
        retries: 12,
        start_period: '10s',
      };
    }
    // A dependency the stack does not run (e.g. a node that exists only as addresses) cannot be waited for.
    const deps = [...new Set(s.dependsOn)].filter((d) => d !== s.name && byName.has(d));
    if (deps.length > 0) {
      svc.depends_on = Object.fromEntries(
        deps.map((d) => [
          d,
          {
            condition:
              healthTest(byName.get(d)?.health ?? { type: 'none' }) !== null
                ? 'service_healthy'
                : 'service_started',
          },
        ]),
      );
    }
    svc.restart = 'unless-stopped';
    svc.labels = {
      'io.fedstudio.project': ctx.topology.metadata.name,
      'io.fedstudio.node': s.nodeId,
      'io.fedstudio.instance': s.name,
    };
    out[s.name] = svc;
  }

  const doc: Record<string, unknown> = {
    services: out,
    networks: { [COMPOSE_NETWORK]: {} },
  };
  if (volumes.size > 0) doc.volumes = Object.fromEntries([...volumes].sort().map((v) => [v, {}]));
  if (secrets.size > 0) {
    doc.secrets = Object.fromEntries(
      [...secrets].sort().map((v) => [v, { file: `./secrets/${v}` }]),
    );
  }
  return (
    '# Generated by Federation Studio from topology.yaml: regenerate it rather than editing it.\n' +
    '# Ports are published on 127.0.0.1 only; see README.md for the URLs.\n' +
    // Escaped as written: no copy of a ten-thousand-service document.
    dumpYaml(doc, { quotingType: '"' }, escapeComposeValue)
  );
}
