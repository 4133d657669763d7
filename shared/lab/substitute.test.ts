// The lab runs the exported configs: its Prometheus files differ from the export's only where its
// plan says they do, and the export names no container that only the lab runs.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../templates/load.ts';
import { createContext } from '../generate/context.ts';
import { DISCOVERY_KEYS } from '../generate/discovery.ts';
import { discoveryDesign } from '../generate/discovery-designs.ts';
import { generateExport } from '../generate/index.ts';
import { prometheusConfigDir } from '../generate/prometheus.ts';
import { labStandIns } from '../generate/targets.ts';
import type { Topology } from '../model/schema.ts';
import { planLab } from './plan.ts';

type Obj = Record<string, unknown>;

/** Keys of a job the lab may change, each only where a difference says so. */
const CHANGEABLE = new Set<string>([
  ...DISCOVERY_KEYS,
  'relabel_configs',
  'scheme',
  'tls_config',
  'basic_auth',
  'authorization',
]);

const designs: [string, Topology][] = [
  ...loadTemplates().map((t) => [t.id, t.topology] as [string, Topology]),
  ['discovery', discoveryDesign()],
];

describe.each(designs)('%s: the lab runs the exported Prometheus configs', (_id, t) => {
  const exported = generateExport(t);
  const plan = planLab(t);
  const reported = new Set(plan.differences.flatMap((d) => d.files));

  it('writes every exported Prometheus file, changed only where a difference names it', () => {
    for (const [p, text] of Object.entries(exported.files)) {
      if (!p.startsWith('prometheus/')) continue;
      expect(plan.files[p], p).toBeDefined();
      if (plan.files[p] !== text) expect(reported.has(p), `${p} differs unreported`).toBe(true);
    }
    for (const p of Object.keys(plan.files)) {
      if (p.startsWith('prometheus/') && !(p in exported.files)) {
        expect(reported.has(p), `${p} exists only in the lab, unreported`).toBe(true);
      }
    }
  });

  it('changes within a config only the jobs a difference names, and only how they find and reach targets', () => {
    const ctx = createContext(t);
    for (const node of ctx.nodesOfKind('prometheus')) {
      for (const instance of ctx.instances(node)) {
        const p = `${prometheusConfigDir(instance.name)}/prometheus.yml`;
        const ours = yaml.load(exported.files[p] ?? '') as Obj & { scrape_configs?: Obj[] };
        const lab = yaml.load(plan.files[p] ?? '') as Obj & { scrape_configs?: Obj[] };
        const { scrape_configs: ourJobs = [], ...ourRest } = ours;
        const { scrape_configs: labJobs = [], ...labRest } = lab;
        expect(labRest, p).toEqual(ourRest);
        expect(labJobs.map((j) => j.job_name)).toEqual(ourJobs.map((j) => j.job_name));
        ourJobs.forEach((job, i) => {
          const labJob = labJobs[i] ?? {};
          const keys = new Set([...Object.keys(job), ...Object.keys(labJob)]);
          const changed = [...keys].filter(
            (k) => JSON.stringify(job[k]) !== JSON.stringify(labJob[k]),
          );
          if (changed.length === 0) return;
          const said = plan.differences.some(
            (d) => d.server === node.name && d.job === job.job_name && d.files.includes(p),
          );
          expect(said, `${p} job ${String(job.job_name)} differs in ${changed.join(', ')}`).toBe(
            true,
          );
          for (const k of changed) expect(CHANGEABLE.has(k), `${p}: ${k}`).toBe(true);
        });
      }
    }
  });
});

describe.each(designs)('%s: the export names no container only the lab runs', (_id, t) => {
  it('lists no stand-in exporter among the targets of any production prometheus.yml or targets file', () => {
    const exported = generateExport(t);
    const standIns = new Set(labStandIns(createContext(t)).map((s) => s.name));
    const plan = planLab(t);
    const labOnly = new Set(plan.containers.map((c) => c.containerName));
    for (const [p, text] of Object.entries(exported.files)) {
      if (!p.startsWith('prometheus/')) continue;
      for (const name of labOnly) expect(text, p).not.toContain(name);
      const targets: string[] = [];
      if (p.endsWith('.json')) {
        for (const g of JSON.parse(text) as { targets: string[] }[]) targets.push(...g.targets);
      } else if (p.endsWith('/prometheus.yml')) {
        const cfg = yaml.load(text) as {
          scrape_configs?: { static_configs?: { targets: string[] }[]; relabel_configs?: Obj[] }[];
        };
        for (const j of cfg.scrape_configs ?? []) {
          for (const g of j.static_configs ?? []) targets.push(...g.targets);
          for (const r of j.relabel_configs ?? [])
            if (typeof r.replacement === 'string') targets.push(r.replacement);
        }
      }
      for (const target of targets) {
        const host = target.replace(/^[a-z]+:\/\//, '').split(/[:/]/)[0] ?? '';
        expect(standIns.has(host), `${p} scrapes the lab's ${host}`).toBe(false);
      }
    }
  });
});
