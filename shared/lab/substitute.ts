// Where the lab's configs differ from the export, and why. The lab writes the exported
// prometheus.yml and targets files, then changes only what it must to run on one machine:
// targets files list its own exporter containers, discovery it cannot reach (DNS, Consul,
// Kubernetes, EC2) becomes a file of those containers, and its plain-HTTP containers are scraped
// without TLS or credentials. Every change is listed, so `lab status` and the lab panel can say it.
import yaml from 'js-yaml';
import { labCanDiscover } from '../model/discovery.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from '../generate/context.ts';
import {
  DISCOVERY_KEYS,
  targetsFileName,
  targetsFileText,
  type TargetGroup,
} from '../generate/discovery.ts';
import { prometheusConfigDir } from '../generate/prometheus.ts';
import { jobNamesByEdge } from '../graph/jobs.ts';
import { dumpConfigYaml } from '../generate/rules.ts';
import { targetJobsOf, type TargetJob } from '../generate/target-jobs.ts';
import type { FileTree } from '../generate/types.ts';
import type { LabDifference } from './reports.ts';

type Job = Record<string, unknown>;

/** Keys of how a job connects; the lab's containers serve plain HTTP without credentials. */
const CONNECTION_KEYS = ['scheme', 'tls_config', 'basic_auth', 'authorization'] as const;
/** TLS files a person supplies in production; the lab has none of them. */
const TLS_FILES = ['ca_file', 'cert_file', 'key_file'] as const;

function listed(g: TargetGroup, max = 3): string {
  const more = g.targets.length > max ? `, ... (${g.targets.length})` : '';
  return g.targets.slice(0, max).join(', ') + more;
}

/** `o` without `keys`; with `put`, its entry takes the place of the first key left out. */
function omit(o: Job, keys: readonly string[], put?: [string, unknown]): Job {
  const out: Job = {};
  let placed = put === undefined;
  for (const [k, v] of Object.entries(o)) {
    if (!keys.includes(k)) out[k] = v;
    else if (!placed && put) {
      out[put[0]] = put[1];
      placed = true;
    }
  }
  if (!placed && put) out[put[0]] = put[1];
  return out;
}

const readsMeta = (s: Job) =>
  ((s.source_labels as string[] | undefined) ?? []).some((l) => l.startsWith('__meta_'));

/** The lab's version of one job, and what changed, in words. */
function substituteJob(
  original: Job,
  tj: TargetJob | undefined,
  labFile: string,
  labFiles: FileTree,
  dir: string,
): { job: Job; changes: string[] } {
  let job = original;
  const changes: string[] = [];
  // Stack services, stand-ins and probes' exporters run in the lab; external targets do not.
  const inLab = tj?.external !== true;
  if (tj) {
    const what = tj.example ? 'the examples to replace' : `the design's ${listed(tj.production)}`;
    if (!labCanDiscover(tj.discovery)) {
      job = omit(job, DISCOVERY_KEYS, ['file_sd_configs', [{ files: [labFile] }]]);
      labFiles[`${dir}/${labFile}`] = targetsFileText(tj.lab ? [tj.lab] : []);
      changes.push(
        tj.lab
          ? `${tj.discovery} discovery, which the lab cannot reach, is replaced by ${labFile} listing ${listed(tj.lab)}`
          : `${tj.discovery} discovery, which the lab cannot reach, is replaced by an empty ${labFile}: nothing in the lab stands for these targets`,
      );
      const steps = (job.relabel_configs as Job[] | undefined) ?? [];
      const kept = steps.filter((step) => !readsMeta(step));
      if (kept.length !== steps.length) {
        changes.push(
          `${steps.length - kept.length} relabel steps reading ${tj.discovery} discovery's __meta_ labels are left out`,
        );
        job = kept.length > 0 ? { ...job, relabel_configs: kept } : omit(job, ['relabel_configs']);
      }
    } else if (tj.lab && tj.discovery === 'file' && tj.file !== undefined) {
      labFiles[`${dir}/${tj.file}`] = targetsFileText([tj.lab]);
      changes.push(`${tj.file} lists ${listed(tj.lab)} instead of ${what}`);
    } else if (tj.lab && tj.discovery === 'static') {
      job = { ...job, static_configs: [{ ...tj.lab }] };
      changes.push(`static_configs list ${listed(tj.lab)} instead of ${what}`);
    }
  }
  if (inLab) {
    const dropped = CONNECTION_KEYS.filter((k) => k in job);
    if (dropped.length > 0) {
      job = omit(job, dropped);
      changes.push(
        `${dropped.join(', ')} left out: the lab's containers answer plain HTTP without credentials`,
      );
    }
  } else if (job.tls_config !== undefined) {
    const tls = job.tls_config as Job;
    const files = TLS_FILES.filter((k) => k in tls);
    if (files.length > 0) {
      job = { ...job, tls_config: omit(tls, files) };
      changes.push(`tls_config's ${files.join(', ')} left out: the lab has no such files`);
    }
  }
  return { job, changes };
}

export interface LabSubstitution {
  /** Lab files replacing or adding to the export's (prometheus.yml and targets files). */
  files: FileTree;
  differences: LabDifference[];
}

function serverSubstitution(
  ctx: GenerateContext,
  node: NodeOf<'prometheus'>,
  exported: FileTree,
  out: LabSubstitution,
): void {
  const names = jobNamesByEdge(ctx, node);
  const targetJobs = targetJobsOf(ctx, node, names);
  const byDifference = new Map<string, LabDifference>();
  for (const instance of ctx.instances(node)) {
    const dir = prometheusConfigDir(instance.name);
    const path = `${dir}/prometheus.yml`;
    const text = exported[path];
    if (text === undefined) continue;
    const config = yaml.load(text) as { scrape_configs?: Job[] };
    // Names beside the exported targets files, for the files the lab adds.
    const taken = new Set(
      [...targetJobs.values()].flatMap((j) => (j.file !== undefined ? [j.file] : [])),
    );
    let changed = false;
    const labFiles: FileTree = {};
    const jobs = config.scrape_configs ?? [];
    for (const edge of ctx.outgoing(node.id, 'scrape')) {
      const jobName = names.get(edge.id)?.jobName;
      const at = jobs.findIndex((j) => j.job_name === jobName);
      const job = jobs[at];
      if (!job || jobName === undefined) continue;
      const before = Object.keys(labFiles).length;
      const labFile = targetsFileName(`lab-${jobName}`, taken);
      const r = substituteJob(job, targetJobs.get(edge.id), labFile, labFiles, dir);
      if (r.changes.length === 0) continue;
      const touchesConfig = r.job !== job;
      if (touchesConfig) {
        jobs[at] = r.job;
        changed = true;
      }
      const key = `${edge.id}\n${r.changes.join('\n')}`;
      const d = byDifference.get(key) ?? {
        server: node.name,
        job: jobName,
        edgeId: edge.id,
        nodeId: edge.to,
        files: [],
        changes: r.changes,
      };
      d.files.push(...Object.keys(labFiles).slice(before), ...(touchesConfig ? [path] : []));
      byDifference.set(key, d);
    }
    Object.assign(out.files, labFiles);
    if (changed) out.files[path] = dumpConfigYaml(config);
  }
  out.differences.push(...byDifference.values());
}

/** The lab's versions of the exported Prometheus files, and every way they differ. */
export function labSubstitution(ctx: GenerateContext, exported: FileTree): LabSubstitution {
  const out: LabSubstitution = { files: {}, differences: [] };
  for (const node of ctx.nodesOfKind('prometheus')) serverSubstitution(ctx, node, exported, out);
  return out;
}
