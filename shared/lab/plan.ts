// Topology -> LabPlan: the containers, network, volumes, files and health checks of a local lab.
// Made from generateExport's services, so the lab runs exactly what the exported
// docker-compose.yml would, less what needs a shell the lab's images may not have.
import { imageEnvVar, NODE_KINDS } from '../kinds/index.ts';
import { allocateHostPorts } from '../generate/compose.ts';
import { createContext } from '../generate/context.ts';
import { generateExport } from '../generate/index.ts';
import { labStandIns } from '../generate/targets.ts';
import type { ServiceSpec } from '../generate/types.ts';
import type { Topology, TopologyNode } from '../model/schema.ts';
import { labEdges } from './edges.ts';
import { contentHash, stableJson } from './hash.ts';
import { renderedLaunch } from './render.ts';
import { startOrder } from './order.ts';
import { labSubstitution } from './substitute.ts';
import {
  HASH_LABEL,
  INSTANCE_LABEL,
  LAB_LABEL,
  NODE_LABEL,
  type ImageSource,
  type LabContainer,
  type LabHealth,
  type LabPlan,
  type LabRenderedFile,
  type PlanOptions,
} from './types.ts';

/** Files of the export the lab has no use for: it writes its own .env and runs no compose. */
const EXPORT_ONLY = new Set(['.env', '.env.example', 'docker-compose.yml', 'README.md']);

export function labNetworkName(lab: string): string {
  return `fedstudio_${lab}`;
}

export function labContainerName(lab: string, instance: string): string {
  return `fedstudio_${lab}_${instance}`;
}

export function labVolumeName(lab: string, volume: string): string {
  return `fedstudio_${lab}_${volume}`;
}

function resolveImage(
  t: Topology,
  s: ServiceSpec,
  overrides: PlanOptions['imageOverrides'],
): { image: string; imageSource: ImageSource } {
  const fromEnv = overrides?.[imageEnvVar(s.imageKey)]?.trim();
  if (fromEnv) return { image: fromEnv, imageSource: 'env' };
  return {
    image: s.image,
    imageSource: t.images?.[s.imageKey] !== undefined ? 'design' : 'default',
  };
}

function healthOf(s: ServiceSpec): LabHealth {
  const h = s.health;
  switch (h.type) {
    case 'http':
      // Probed from the host, so the port must be published; a health port that is not stays unknown.
      return s.ports.some((p) => p.container === h.port)
        ? { type: 'http', containerPort: h.port, path: h.path }
        : { type: 'running' };
    case 'command':
      return { type: 'docker', test: ['CMD', ...h.command] };
    case 'none':
      return { type: 'running' };
  }
}

function uiOf(s: ServiceSpec, node: TopologyNode): LabContainer['ui'] {
  const first = s.ports[0];
  if (!first) return undefined;
  const spec = NODE_KINDS[node.kind];
  const path = spec.uiPath ?? (s.health.type === 'http' ? s.health.path : '/');
  return { containerPort: first.container, path };
}

/** Paths of a file tree, sorted, so the files below a folder are found without a full scan. */
function sortedPaths(files: Record<string, string>): string[] {
  return Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The first index of `sorted` not before `key`. */
function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every generated file a container reads: its bind sources and everything below them. */
function mountedContent(
  binds: { source: string }[],
  files: Record<string, string>,
  paths: string[],
  rendered: LabRenderedFile[],
) {
  const within = (p: string, source: string) => p === source || p.startsWith(`${source}/`);
  const out: Record<string, string> = {};
  for (const b of binds) {
    if (b.source in files) out[b.source] = files[b.source] as string;
    const below = `${b.source}/`;
    for (let i = lowerBound(paths, below); i < paths.length; i++) {
      const p = paths[i] as string;
      if (!p.startsWith(below)) break;
      out[p] = files[p] as string;
    }
    for (const r of rendered) if (within(r.path, b.source)) out[r.path] = stableJson(r);
  }
  return out;
}

export function planLab(t: Topology, options: PlanOptions = {}): LabPlan {
  const name = t.metadata.name;
  const exported = generateExport(t);
  const ctx = createContext(t);
  // The exported services, plus the exporters standing in for the hosts of targets nodes.
  const services = [...exported.services, ...labStandIns(ctx)];
  const substitution = labSubstitution(ctx, exported.files);
  const nodes = new Map(t.nodes.map((n) => [n.id, n]));
  const labels = { [LAB_LABEL]: name };
  const files: Record<string, string> = {};
  for (const [p, text] of Object.entries(exported.files)) if (!EXPORT_ONLY.has(p)) files[p] = text;
  Object.assign(files, substitution.files);

  const preferred = new Map(
    allocateHostPorts(services).map((p) => [`${p.service}/${p.name}`, p.host]),
  );
  const rendered = new Map<string, LabRenderedFile>();
  const urlVars = new Set<string>();
  const volumes = new Set<string>();

  let paths: string[] | null = null;
  const containers = services.map((s): LabContainer => {
    const node = nodes.get(s.nodeId);
    if (!node) throw new Error(`service ${s.name} stands for no node ("${s.nodeId}")`);
    let launch: Pick<LabContainer, 'entrypoint' | 'command'> = {
      ...(s.entrypoint ? { entrypoint: s.entrypoint } : {}),
      ...(s.command ? { command: s.command } : {}),
    };
    let binds = s.mounts.map((m) => ({ source: m.source, target: m.target }));
    if (s.secretRender) {
      const r = renderedLaunch(s, s.secretRender, exported.files);
      launch = { command: r.command };
      binds = r.binds;
      for (const [p, text] of Object.entries(r.copies)) files[p] = text;
      paths = null;
      rendered.set(r.file.path, r.file);
      for (const v of s.secretRender.vars) urlVars.add(v);
    }
    const vols = s.volumes.map((v) => ({ name: labVolumeName(name, v.name), target: v.target }));
    for (const v of vols) volumes.add(v.name);
    const shape = {
      instance: s.name,
      nodeId: s.nodeId,
      kind: node.kind,
      containerName: labContainerName(name, s.name),
      imageKey: s.imageKey,
      ...resolveImage(t, s, options.imageOverrides),
      ...launch,
      environment: { ...(s.environment ?? {}) },
      binds,
      hostBinds: (s.hostMounts ?? []).map((m) => ({ source: m.source, target: m.target })),
      volumes: vols,
      secrets: [...(s.secrets ?? [])].sort(),
      ports: s.ports.map((p) => ({
        name: p.name,
        container: p.container,
        preferredHost: preferred.get(`${s.name}/${p.name}`) ?? p.container,
      })),
      ...(uiOf(s, node) ? { ui: uiOf(s, node) } : {}),
      health: healthOf(s),
      dependsOn: [...new Set(s.dependsOn)].filter((d) => d !== s.name),
      ...(s.user !== undefined ? { user: s.user } : {}),
    };
    // Host ports are chosen at launch and are not part of what makes a container different.
    const configHash = contentHash(
      stableJson({
        ...shape,
        ports: shape.ports.map((p) => p.container),
        mounted: mountedContent(binds, files, (paths ??= sortedPaths(files)), [
          ...rendered.values(),
        ]),
      }),
    );
    return {
      ...shape,
      labels: {
        ...labels,
        [NODE_LABEL]: s.nodeId,
        [INSTANCE_LABEL]: s.name,
        [HASH_LABEL]: configHash,
      },
      configHash,
    };
  });

  // A dependency the lab does not run (a node that exists only as addresses) cannot be waited for.
  const running = new Set(containers.map((c) => c.instance));
  for (const c of containers) c.dependsOn = c.dependsOn.filter((d) => running.has(d));

  return {
    name,
    network: labNetworkName(name),
    labels,
    files,
    rendered: [...rendered.values()],
    vars: exported.vars.map((v) => ({
      name: v.name,
      kind: urlVars.has(v.name) ? 'url' : 'secret',
    })),
    containers,
    volumes: [...volumes].sort(),
    startOrder: startOrder(containers),
    edges: labEdges(t),
    differences: substitution.differences,
  };
}
