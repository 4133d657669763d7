// Hostile values in a design (quotes, newlines, braces, YAML syntax, `$`) must reach the exported
// files as data: the real tools accept every file, and parsing them back gives the values verbatim.
import yaml from 'js-yaml';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../design/parse.ts';
import { serializeTopology } from '../model/serialize.ts';
import type { Topology } from '../model/schema.ts';
import {
  amtoolCheckConfig,
  composeConfig,
  promtoolCheckConfig,
  promtoolCheckRules,
  skipWithoutTool,
  withTree,
} from '../../test-support/tools.ts';
import { generateExport } from './index.ts';

const EVIL = 'a"b\'c\nd: {e: [f]}\n- g\n# h\n--- i ... {{ $labels.j }} ${NOT_A_VAR_REF k}';

function hostileDesign(): Topology {
  const t: Topology = {
    apiVersion: 'fedstudio/v1',
    kind: 'Topology',
    metadata: { name: 'hostile', description: EVIL },
    groups: [{ id: 'dc', label: EVIL, externalLabels: { datacenter: EVIL } }],
    nodes: [
      {
        id: 'leaf',
        kind: 'prometheus',
        name: 'leaf',
        group: 'dc',
        externalLabels: { team: EVIL },
        recordingRules: [
          { record: 'job:up:sum', expr: 'sum without(instance)(up)', labels: { note: EVIL } },
        ],
        alertRules: [
          {
            alert: 'Down',
            expr: 'up == 0',
            for: '5m',
            labels: { severity: EVIL },
            annotations: { summary: EVIL },
          },
        ],
        notes: EVIL,
      },
      {
        id: 't',
        kind: 'targets',
        name: 'node',
        exporter: 'node-exporter',
        count: 1,
        labels: { owner: EVIL },
      },
      {
        id: 'global',
        kind: 'prometheus',
        name: 'global',
        replicas: 2,
        externalLabels: { datacenter: 'global' },
      },
      {
        id: 'am',
        kind: 'alertmanager',
        name: 'am',
        replicas: 2,
        route: { groupBy: ['alertname', 'datacenter'] },
        receivers: [{ name: EVIL, type: 'webhook', url: 'http://hook:5001/' }],
      },
      { id: 'grafana-node', kind: 'grafana', name: 'grafana' },
    ],
    edges: [
      { id: 's', kind: 'scrape', from: 'leaf', to: 't', job: EVIL },
      { id: 'f', kind: 'federate', from: 'global', to: 'leaf', match: ['{__name__=~"job:.*"}'] },
      { id: 'a', kind: 'alerting', from: 'leaf', to: 'am' },
      { id: 'ds', kind: 'datasource', from: 'grafana-node', to: 'global', name: EVIL },
    ],
  };
  const r = parseTopology(serializeTopology(t));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** Every string anywhere in a parsed document. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      strings(k, out);
      strings(x, out);
    }
  }
  return out;
}

const skip =
  skipWithoutTool('promtool') || skipWithoutTool('amtool') || skipWithoutTool('docker-compose');

describe.skipIf(skip)('hostile values in a design', () => {
  const t = hostileDesign();
  const { files } = generateExport(t);

  it('come back verbatim from the generated YAML, as values and never as keys', () => {
    const leaf = yaml.load(files['prometheus/leaf/prometheus.yml']!) as {
      global: { external_labels: Record<string, string> };
      scrape_configs: {
        job_name: string;
        relabel_configs?: unknown[];
        file_sd_configs: { files: string[] }[];
      }[];
    };
    expect(Object.keys(leaf)).toEqual(expect.arrayContaining(['global', 'scrape_configs']));
    // Prometheus 3 expands $ in external labels from the environment, so a literal $ is written $$.
    const asExternalLabel = EVIL.replace(/\$/g, '$$$$');
    expect(leaf.global.external_labels).toEqual({
      datacenter: asExternalLabel,
      team: asExternalLabel,
    });
    // Target labels travel in the job's targets file (file discovery).
    const targetsFile = leaf.scrape_configs[0]!.file_sd_configs[0]!.files[0]!;
    const groups = JSON.parse(files[`prometheus/leaf/${targetsFile}`]!) as {
      labels?: Record<string, string>;
    }[];
    expect(groups[0]!.labels).toEqual({ owner: EVIL });
    const rec = yaml.load(files['prometheus/leaf/rules/recording.yml']!) as {
      groups: { rules: { labels: Record<string, string> }[] }[];
    };
    expect(rec.groups[0]!.rules[0]!.labels).toEqual({ note: EVIL });
    const alerts = yaml.load(files['prometheus/leaf/rules/alerts.yml']!) as {
      groups: { rules: { annotations: Record<string, string> }[] }[];
    };
    expect(alerts.groups[0]!.rules[0]!.annotations).toEqual({ summary: EVIL });
    const am = yaml.load(files['alertmanager/am/alertmanager.yml']!) as {
      receivers: { name: string }[];
      route: unknown;
    };
    expect(am.receivers.map((r) => r.name)).toContain(EVIL);
    // Nothing the values carry became a key of its own anywhere.
    for (const [p, text] of Object.entries(files)) {
      if (!/\.ya?ml$/.test(p) || p === 'topology.yaml') continue;
      const doc = yaml.load(text);
      const keys = strings(doc).filter((s) => s === 'd' || s === 'e' || s === 'g');
      expect(keys, p).toEqual([]);
    }
  });

  it('pass promtool, amtool and docker-compose', async () => {
    await withTree(files, (dir) => {
      const failures: string[] = [];
      for (const p of Object.keys(files)) {
        const abs = path.join(dir, p);
        const check = (r: { ok: boolean; output: string }) =>
          r.ok || failures.push(`${p}: ${r.output}`);
        if (p.endsWith('/prometheus.yml')) check(promtoolCheckConfig(abs));
        if (/\/rules\/.+\.yml$/.test(p)) check(promtoolCheckRules(abs));
        if (p.endsWith('/alertmanager.yml')) check(amtoolCheckConfig(abs));
      }
      const compose = composeConfig(dir);
      if (!compose.ok) failures.push(`compose: ${compose.output}`);
      expect(failures).toEqual([]);
    });
  });

  it('keep the design itself intact in topology.yaml', () => {
    const back = parseTopology(files['topology.yaml']!);
    expect(back.ok && back.topology).toEqual(t);
  });
});
