// Exporters of `targets` nodes. Production scrapes the hosts a node's discovery finds, so the
// export runs no exporter for them; the lab runs a few real exporters standing in for those hosts
// (labCount, default min(count, 3)) so every scrape has something to answer it. Probe nodes
// (blackbox) are different: their exporter is part of the stack (blackbox.ts).
import { EXPORTER_SPECS } from '../kinds/index.ts';
import { labStandsIn } from '../model/discovery.ts';
import type { Exporter, NodeOf } from '../model/schema.ts';
import { generateBlackbox } from './blackbox.ts';
import type { HostMount } from './types.ts';
import type { GenerateContext } from './context.ts';
import { imageOf } from './extended-common.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

/** What a targets node scrapes when it names no exporter (the catalog's default port is 9100). */
export const DEFAULT_EXPORTER: Exporter = 'node-exporter';

/** Host paths cAdvisor reads to see the engine's containers (its documented docker run). */
const CADVISOR_HOST_MOUNTS: HostMount[] = [
  { source: '/', target: '/rootfs' },
  { source: '/var/run', target: '/var/run' },
  { source: '/sys', target: '/sys' },
  { source: '/var/lib/docker/', target: '/var/lib/docker' },
];

/** Whether the lab runs exporter containers standing for this node's hosts. */
export function runsExporters(node: NodeOf<'targets'>): boolean {
  return labStandsIn(node);
}

/** The port a targets node's exporters answer on. */
export function exporterPort(node: NodeOf<'targets'>): number {
  return node.port ?? EXPORTER_SPECS[node.exporter ?? DEFAULT_EXPORTER].port;
}

/** What the exported stack runs for targets nodes: the probes' blackbox exporters. */
export function generateTargets(ctx: GenerateContext): GeneratedPart {
  return generateBlackbox(ctx);
}

/** The lab's exporter containers standing for the hosts of targets nodes. */
export function labStandIns(ctx: GenerateContext): ServiceSpec[] {
  const services: ServiceSpec[] = [];
  for (const node of ctx.nodesOfKind('targets')) {
    if (!runsExporters(node)) continue;
    const exporter = node.exporter ?? DEFAULT_EXPORTER;
    const spec = EXPORTER_SPECS[exporter];
    if (spec.image === null) continue;
    const port = exporterPort(node);
    const path = node.metricsPath ?? spec.metricsPath;
    for (const inst of ctx.instances(node)) {
      services.push({
        name: inst.name,
        nodeId: node.id,
        imageKey: spec.image,
        image: imageOf(ctx, spec.image),
        command: exporterCommand(exporter, port, path),
        mounts: [],
        volumes: [],
        ports: [{ container: port, name: 'main' }],
        health: { type: 'http', port, path: exporter === 'cadvisor' ? '/healthz' : path },
        dependsOn: [],
        ...(exporter === 'cadvisor' ? { hostMounts: CADVISOR_HOST_MOUNTS } : {}),
      });
    }
  }
  return services;
}

function exporterCommand(exporter: Exporter, port: number, path: string): string[] {
  switch (exporter) {
    case 'node-exporter':
      // Plain: in a container it reports the container's view, enough for a lab. Monitoring the
      // host itself needs --path.rootfs=/host and the host's / mounted there.
      return [`--web.listen-address=:${port}`, `--web.telemetry-path=${path}`];
    case 'cadvisor':
      return [`-port=${port}`, `-prometheus_endpoint=${path}`, '-docker_only=true'];
    case 'blackbox':
    case 'custom':
      return [];
  }
}
