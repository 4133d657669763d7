// Containers the operator does not run (Grafana, data stores, exporters, the extended kinds) ->
// Kubernetes workloads, made from the same ServiceSpecs as docker-compose.yml so both exports run
// the same images, arguments and config files. Each instance keeps its compose name as a Service,
// so every address the generated configs use resolves inside the namespace.
import type { TopologyNode } from '../../model/schema.ts';
import type { FileTree, ServiceSpec } from '../types.ts';
import { grafanaEnvRefs, grafanaWorkload } from './grafana.ts';
import { labelsOf, manifest, type KubernetesNaming, type Manifest } from './meta.ts';
import {
  claimName,
  configMapOf,
  container,
  DEFAULT_STORAGE,
  instanceService,
  volumesOf,
} from './pod.ts';

export { DEFAULT_STORAGE, instanceService } from './pod.ts';

/** One node's workloads: a Deployment for Grafana, a StatefulSet per instance for the rest. */
export function nodeWorkloads(
  node: TopologyNode,
  specs: ServiceSpec[],
  files: FileTree,
  naming: KubernetesNaming,
  used: Set<string>,
): Manifest[] {
  const labels = labelsOf(naming, node);
  const configName = `${node.name}-config`;
  const out: Manifest[] = [];
  const config = configMapOf(
    configName,
    labels,
    specs,
    files,
    node.kind === 'grafana' ? grafanaEnvRefs : undefined,
  );
  if (config) out.push(config);
  if (node.kind === 'grafana')
    return [...out, ...grafanaWorkload(node, specs, files, naming, labels, configName, used)];
  for (const spec of specs) {
    const podLabels = { ...labels, 'fedstudio.io/instance': spec.name };
    const v = volumesOf(spec, files, configName, naming, used);
    const claims = spec.volumes.map((vol) => ({
      name: claimName(spec, vol.name),
      mountPath: vol.target,
    }));
    const c = container(spec, naming, [...v.mounts, ...claims], used);
    out.push(
      manifest('apps/v1', 'StatefulSet', spec.name, labels, {
        spec: {
          serviceName: spec.name,
          replicas: 1,
          selector: { matchLabels: { 'fedstudio.io/instance': spec.name } },
          template: {
            metadata: { labels: podLabels },
            spec: { containers: [c], ...(v.volumes.length > 0 ? { volumes: v.volumes } : {}) },
          },
          ...(claims.length > 0
            ? {
                volumeClaimTemplates: claims.map((cl) => ({
                  metadata: { name: cl.name },
                  spec: {
                    accessModes: ['ReadWriteOnce'],
                    resources: { requests: { storage: DEFAULT_STORAGE } },
                  },
                })),
              }
            : {}),
        },
      }),
      instanceService(
        spec.name,
        labels,
        { 'fedstudio.io/instance': spec.name },
        spec.ports.map((p) => ({ name: p.name, port: p.container })),
      ),
    );
  }
  return out;
}
