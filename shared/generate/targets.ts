// Exporter containers for `targets` nodes without `addresses`: the stack runs a few real exporters
// (labCount, default min(count, 3)) so every scrape has something to answer it. Custom exporters
// and nodes with explicit addresses run nothing: the scrape goes to what they name.
import { EXPORTER_SPECS } from '../kinds/index.ts';
import type { Exporter, NodeOf } from '../model/schema.ts';
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

/** Whether the stack runs exporter containers for this node. */
export function runsExporters(node: NodeOf<'targets'>): boolean {
  const exporter = node.exporter ?? DEFAULT_EXPORTER;
  return exporter !== 'custom' && (node.addresses === undefined || node.addresses.length === 0);
}

export function generateTargets(ctx: GenerateContext): GeneratedPart {
  const services: ServiceSpec[] = [];
  for (const node of ctx.nodesOfKind('targets')) {
    if (!runsExporters(node)) continue;
    const exporter = node.exporter ?? DEFAULT_EXPORTER;
    const spec = EXPORTER_SPECS[exporter];
    if (spec.image === null) continue;
    const port = node.port ?? spec.port;
    const path = node.metricsPath ?? spec.metricsPath;
    for (const inst of ctx.instances(node)) {
      const service: ServiceSpec = {
        name: inst.name,
        nodeId: node.id,
        imageKey: spec.image,
        image: imageOf(ctx, spec.image),
        command: exporterCommand(exporter, port, path),
        mounts: [],
        volumes: [],
        ports: [{ container: port, name: 'main' }],
        health: {
          type: 'http',
          port,
          path:
            exporter === 'cadvisor' ? '/healthz' : exporter === 'blackbox' ? '/-/healthy' : path,
        },
        dependsOn: [],
        ...(exporter === 'cadvisor' ? { hostMounts: CADVISOR_HOST_MOUNTS } : {}),
      };
      services.push(service);
    }
  }
  return { files: {}, services };
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
      // Replacing the image's arguments drops its --config.file, so name its bundled config again.
      return [`--web.listen-address=:${port}`, '--config.file=/etc/blackbox_exporter/config.yml'];
    case 'custom':
      return [];
  }
}
