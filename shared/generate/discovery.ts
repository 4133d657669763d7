// A targets node's discovery -> the job's *_sd_configs (or static_configs), the relabel steps it
// needs, and the targets file the export writes for file discovery. Without `discovery` a node
// uses `file`: the job is real and targets/<job>.json is the one thing to fill in.
import type { Discovery, DiscoveryType } from '../model/discovery.ts';
import type { NodeOf } from '../model/schema.ts';
import { secretFile } from './scrape-options.ts';

type TargetsNode = NodeOf<'targets'>;
type Step = Record<string, unknown>;

export interface TargetGroup {
  targets: string[];
  labels?: Record<string, string>;
}

export interface JobDiscovery {
  type: DiscoveryType;
  /** static_configs, file_sd_configs, dns_sd_configs, ... as the job writes them. */
  keys: Record<string, unknown>;
  /** Steps discovery needs, run before the design's own relabeling. */
  relabel: Step[];
}

export function discoveryOf(node: TargetsNode): Discovery {
  return node.discovery ?? { type: 'file' };
}

const FILE_NAME_MAX = 100;

/** A targets file name for a job: its name where that is a safe file name. */
export function targetsFileName(jobName: string, taken: Set<string>): string {
  // File systems refuse names past 255 bytes; two jobs cut to the same name get a suffix.
  const base = jobName
    .replace(/[^A-Za-z0-9_.-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, FILE_NAME_MAX);
  let name = `targets/${base}.json`;
  for (let n = 2; taken.has(name); n++) name = `targets/${base}-${n}.json`;
  taken.add(name);
  return name;
}

/** A targets file: file_sd's JSON list of target groups. */
export function targetsFileText(groups: TargetGroup[]): string {
  return JSON.stringify(groups, null, 2) + '\n';
}

/** Labels as relabel steps, for discovery whose target groups the design cannot label. */
function labelSteps(labels: Record<string, string>): Step[] {
  return Object.entries(labels).map(([k, v]) => ({
    target_label: k,
    // `$` starts a capture-group reference in a replacement; `$$` is a literal `$`.
    replacement: v.replace(/\$/g, '$$$$'),
    action: 'replace',
  }));
}

const ANNOTATION_PREFIX: Record<string, string> = {
  node: '__meta_kubernetes_node_annotation_prometheus_io_',
  pod: '__meta_kubernetes_pod_annotation_prometheus_io_',
  service: '__meta_kubernetes_service_annotation_prometheus_io_',
  endpoints: '__meta_kubernetes_service_annotation_prometheus_io_',
  endpointslice: '__meta_kubernetes_service_annotation_prometheus_io_',
  ingress: '__meta_kubernetes_ingress_annotation_prometheus_io_',
};

/**
 * The usual annotation opt-in: keep objects annotated `prometheus.io/scrape: "true"`, take the
 * metrics path, port and scheme from `prometheus.io/path`, `/port` and `/scheme`, and name the
 * namespace (and pod) a target came from.
 */
export function annotationOptIn(role: string): Step[] {
  const a = ANNOTATION_PREFIX[role] ?? ANNOTATION_PREFIX.pod;
  const steps: Step[] = [
    { source_labels: [`${a}scrape`], regex: 'true', action: 'keep' },
    {
      source_labels: [`${a}scheme`],
      regex: '(https?)',
      target_label: '__scheme__',
      action: 'replace',
    },
    {
      source_labels: [`${a}path`],
      regex: '(.+)',
      target_label: '__metrics_path__',
      action: 'replace',
    },
    {
      source_labels: ['__address__', `${a}port`],
      regex: String.raw`([^:]+)(?::\d+)?;(\d+)`,
      target_label: '__address__',
      replacement: '$1:$2',
      action: 'replace',
    },
  ];
  if (role !== 'node') {
    steps.push({
      source_labels: ['__meta_kubernetes_namespace'],
      target_label: 'namespace',
      action: 'replace',
    });
  }
  if (role === 'pod' || role === 'endpoints' || role === 'endpointslice') {
    steps.push({
      source_labels: ['__meta_kubernetes_pod_name'],
      target_label: 'pod',
      action: 'replace',
    });
  }
  return steps;
}

const refresh = (d: { refreshInterval?: string }) =>
  d.refreshInterval !== undefined ? { refresh_interval: d.refreshInterval } : {};

/**
 * The discovery part of a job. `group` is what static and file discovery list (the design's
 * addresses, or examples to replace); `file` is the targets file's path beside prometheus.yml.
 */
export function jobDiscovery(
  d: Discovery,
  group: TargetGroup,
  file: string,
  defaultPort: number,
): JobDiscovery {
  const labels = group.labels ?? {};
  switch (d.type) {
    case 'static':
      return { type: d.type, keys: { static_configs: [{ ...group }] }, relabel: [] };
    case 'file':
      return {
        type: d.type,
        keys: { file_sd_configs: [{ files: [file], ...refresh(d) }] },
        relabel: [],
      };
    case 'dns': {
      const type = d.recordType ?? 'SRV';
      return {
        type: d.type,
        keys: {
          dns_sd_configs: [
            {
              names: [...d.names],
              type,
              // A and AAAA records carry no port: the node's port is the exporter's.
              ...(type === 'SRV' ? {} : { port: d.port ?? defaultPort }),
              ...refresh(d),
            },
          ],
        },
        relabel: labelSteps(labels),
      };
    }
    case 'consul':
      return {
        type: d.type,
        keys: {
          consul_sd_configs: [
            {
              server: d.server,
              ...(d.datacenter !== undefined ? { datacenter: d.datacenter } : {}),
              ...(d.services ? { services: [...d.services] } : {}),
              ...(d.tags ? { tags: [...d.tags] } : {}),
              ...(d.token !== undefined
                ? { authorization: { credentials_file: secretFile(d.token) } }
                : {}),
              ...refresh(d),
            },
          ],
        },
        relabel: labelSteps(labels),
      };
    case 'kubernetes': {
      const selector =
        d.labelSelector !== undefined || d.fieldSelector !== undefined
          ? {
              selectors: [
                {
                  role: d.role,
                  ...(d.labelSelector !== undefined ? { label: d.labelSelector } : {}),
                  ...(d.fieldSelector !== undefined ? { field: d.fieldSelector } : {}),
                },
              ],
            }
          : {};
      return {
        type: d.type,
        keys: {
          kubernetes_sd_configs: [
            {
              role: d.role,
              ...(d.namespaces ? { namespaces: { names: [...d.namespaces] } } : {}),
              ...selector,
            },
          ],
        },
        relabel: [
          ...(d.annotationOptIn === true ? annotationOptIn(d.role) : []),
          ...labelSteps(labels),
        ],
      };
    }
    case 'ec2':
      return {
        type: d.type,
        keys: {
          ec2_sd_configs: [
            {
              region: d.region,
              port: d.port ?? defaultPort,
              ...(d.filters
                ? { filters: d.filters.map((f) => ({ name: f.name, values: [...f.values] })) }
                : {}),
              ...refresh(d),
            },
          ],
        },
        relabel: labelSteps(labels),
      };
  }
}

/** The job keys that say where targets come from: the lab swaps exactly these. */
export const DISCOVERY_KEYS = [
  'static_configs',
  'file_sd_configs',
  'dns_sd_configs',
  'consul_sd_configs',
  'kubernetes_sd_configs',
  'ec2_sd_configs',
] as const;
