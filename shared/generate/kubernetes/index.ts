// Topology -> a Kustomize tree of Kubernetes manifests for the Prometheus Operator, ready for a
// GitOps repository. Pure: the Node side writes the result, like the compose export. The
// containers, config files and scrape jobs are those of the compose export, so both run the same.
import { crossClusterFederation } from '../../graph/clusters.ts';
import { serializeTopology } from '../../model/serialize.ts';
import type { Topology, TopologyNode } from '../../model/schema.ts';
import { createContext } from '../context.ts';
import { generateExport } from '../index.ts';
import type { FileTree, ServiceSpec } from '../types.ts';
import { alertmanagerManifests } from './alertmanager.ts';
import { BASE_DIR, clusterLayout, kustomization } from './layout.ts';
import { dumpManifests, dumpYamlFile, manifest, namingOf, type Manifest } from './meta.ts';
import { prometheusManifests } from './prometheus.ts';
import { renderKubernetesReadme } from './readme.ts';
import { nodeWorkloads } from './workloads.ts';

export const DEFAULT_NAMESPACE = 'monitoring';
export const SECRET_EXAMPLE = 'secret.example.yaml';

export interface KubernetesOptions {
  namespace?: string;
  /** The design's own text, copied verbatim as topology.yaml. */
  designText?: string;
}

export interface KubernetesExport {
  files: FileTree;
  /** Every key of the design's Secret, sorted. */
  secrets: string[];
  secretName: string;
}

export function generateKubernetes(t: Topology, options: KubernetesOptions = {}): KubernetesExport {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const ctx = createContext(t);
  const compose = generateExport(t);
  const naming = namingOf(t.metadata.name);
  const layout = clusterLayout(t);
  const used = new Set<string>();
  const files: FileTree = {};
  const resources = new Map<string, string[]>(layout.dirs.map((d) => [d, []]));
  const objstore = new Map<string, Record<string, string>>();
  const specsByNode = new Map<string, ServiceSpec[]>();
  for (const s of compose.services)
    specsByNode.set(s.nodeId, [...(specsByNode.get(s.nodeId) ?? []), s]);

  for (const node of t.nodes) {
    const dir = layout.dirOf(node);
    const docs = nodeDocs(node);
    if (docs.length === 0) continue;
    const file = `${node.name}.yaml`;
    files[`${dir}/${file}`] = dumpManifests(docs);
    resources.get(dir)?.push(file);
  }

  function nodeDocs(node: TopologyNode): Manifest[] {
    if (node.kind === 'prometheus') {
      const p = prometheusManifests(ctx, node, naming, namespace, used);
      const dir = layout.dirOf(node);
      for (const [path, secretName] of Object.entries(p.objstoreFiles)) {
        const local = `files/${path.slice(path.lastIndexOf('/') + 1)}`;
        files[`${dir}/${local}`] = compose.files[path] ?? '';
        objstore.set(dir, { ...(objstore.get(dir) ?? {}), [local]: secretName });
      }
      return p.docs;
    }
    if (node.kind === 'alertmanager') return alertmanagerManifests(ctx, node, naming, used);
    return nodeWorkloads(node, specsByNode.get(node.id) ?? [], compose.files, naming, used);
  }

  files[`${BASE_DIR}/namespace.yaml`] = dumpManifests([
    manifest(
      'v1',
      'Namespace',
      namespace,
      { 'app.kubernetes.io/part-of': naming.partOf, 'app.kubernetes.io/managed-by': 'fedstudio' },
      {},
    ),
  ]);
  if (layout.clustered) {
    files[`${BASE_DIR}/kustomization.yaml`] = dumpYamlFile(
      kustomization(namespace, ['namespace.yaml']),
    );
    for (const dir of layout.dirs) {
      files[`${dir}/kustomization.yaml`] = dumpYamlFile(
        kustomization(
          namespace,
          [`../../${BASE_DIR}`, ...(resources.get(dir) ?? [])],
          objstore.get(dir),
        ),
      );
    }
  } else {
    files[`${BASE_DIR}/kustomization.yaml`] = dumpYamlFile(
      kustomization(
        namespace,
        ['namespace.yaml', ...(resources.get(BASE_DIR) ?? [])],
        objstore.get(BASE_DIR),
      ),
    );
  }

  const secrets = [...used].sort();
  files[SECRET_EXAMPLE] = dumpManifests([
    {
      ...manifest(
        'v1',
        'Secret',
        naming.secretName,
        { 'app.kubernetes.io/part-of': naming.partOf },
        {
          type: 'Opaque',
          stringData: Object.fromEntries(secrets.map((s) => [s, ''])),
        },
      ),
    },
  ]);
  files['topology.yaml'] = options.designText ?? serializeTopology(t);
  files['README.md'] = renderKubernetesReadme({
    topology: t,
    namespace,
    secretName: naming.secretName,
    secrets,
    secretUses: compose.vars,
    dirs: layout.dirs,
    clustered: layout.clustered,
    crossCluster: crossClusterFederation(t, layout),
  });
  return { files: sortTree(files), secrets, secretName: naming.secretName };
}

function sortTree(files: FileTree): FileTree {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
