// Export of a design with every discovery, scrape option and probe: what each job says, and the
// tools' verdict on every file (promtool --lint=all --lint-fatal, the blackbox exporter's check).
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { expectPromtoolAccepts } from '../../test-support/promtool.ts';
import { blackboxCheckConfig, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { discoveryDesign } from './discovery-designs.ts';
import { generateExport } from './index.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const exported = generateExport(discoveryDesign());
const config = yaml.load(exported.files['prometheus/prom-shard-0/prometheus.yml'] ?? '') as Obj;
const job = (name: string): Obj => {
  const j = (config.scrape_configs as Obj[]).find((x) => x.job_name === name);
  expect(j, name).toBeDefined();
  return j as Obj;
};
const userSteps = (j: Obj) => (j.relabel_configs as Obj[]).slice(2); // after the shard's hashmod

describe('discovery in the export', () => {
  it('file: a targets file beside prometheus.yml, with examples to replace when none are listed', () => {
    expect(job('node').file_sd_configs).toEqual([{ files: ['targets/node.json'] }]);
    expect(JSON.parse(exported.files['prometheus/prom-shard-0/targets/node.json'] ?? '')).toEqual([
      {
        targets: [1, 2, 3].map((i) => `host-${i}.example.invalid:9100`),
        labels: { team: 'infra' },
      },
    ]);
    expect(JSON.parse(exported.files['prometheus/prom-shard-0/targets/listed.json'] ?? '')).toEqual(
      [{ targets: ['10.0.0.2:8080'] }],
    );
  });

  it('static: the addresses in the job', () => {
    expect(job('hosts').static_configs).toEqual([
      { targets: ['10.0.0.1:9100', 'db-1.internal:9100'] },
    ]);
  });

  it('dns: names, record type and, for A records, the port', () => {
    expect(job('dns-nodes').dns_sd_configs).toEqual([
      { names: ['_node._tcp.example.org'], type: 'SRV' },
    ]);
    expect(job('dns-a').dns_sd_configs).toEqual([
      { names: ['nodes.example.org'], type: 'A', port: 9100, refresh_interval: '1m' },
    ]);
  });

  it('consul: server, services, tags and the token from a secret file', () => {
    expect(job('services').consul_sd_configs).toEqual([
      {
        server: 'consul.example.org:8500',
        services: ['api', 'web'],
        tags: ['prod'],
        authorization: { credentials_file: '/run/secrets/CONSUL_TOKEN' },
      },
    ]);
  });

  it('kubernetes: role, namespaces, selectors and the annotation opt-in', () => {
    expect(job('pods').kubernetes_sd_configs).toEqual([
      {
        role: 'pod',
        namespaces: { names: ['apps'] },
        selectors: [{ role: 'pod', label: 'app=web' }],
      },
    ]);
    expect(userSteps(job('pods'))[0]).toEqual({
      source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'],
      regex: 'true',
      action: 'keep',
    });
  });

  it('ec2: region, filters and port, with limits, relabeling and metric relabeling', () => {
    const ec2 = job('ec2-nodes');
    expect(ec2.ec2_sd_configs).toEqual([
      { region: 'eu-west-1', port: 9100, filters: [{ name: 'tag:Env', values: ['prod'] }] },
    ]);
    expect(ec2).toMatchObject({
      honor_timestamps: false,
      sample_limit: 50000,
      label_limit: 64,
      target_limit: 1000,
    });
    expect(userSteps(ec2)).toHaveLength(3);
    expect(ec2.metric_relabel_configs).toEqual([
      { source_labels: ['__name__'], regex: 'go_.*', action: 'drop' },
      { regex: 'id|path', action: 'labeldrop' },
    ]);
  });
});

describe('scrape options in the export', () => {
  it('TLS files and credentials read from secret files, never the values', () => {
    expect(job('dns-nodes')).toMatchObject({
      scheme: 'https',
      tls_config: {
        ca_file: 'tls/ca.pem',
        cert_file: 'tls/client.pem',
        key_file: 'tls/client-key.pem',
        server_name: 'nodes.example.org',
      },
    });
    expect(job('dns-a').basic_auth).toEqual({
      username: 'prometheus',
      password_file: '/run/secrets/NODE_SCRAPE_PASSWORD',
    });
    expect(job('services').authorization).toEqual({ credentials_file: '/run/secrets/API_TOKEN' });
  });

  it('mounts those secrets into the servers and asks for them in .env.example', () => {
    const server = exported.services.find((s) => s.name === 'prom-shard-0');
    expect(server?.secrets).toEqual(['API_TOKEN', 'CONSUL_TOKEN', 'NODE_SCRAPE_PASSWORD']);
    for (const v of server?.secrets ?? []) expect(exported.files['.env.example']).toContain(v);
  });

  it('turns on native histograms on the servers whose jobs ask for them', () => {
    const command = (n: string) => exported.services.find((s) => s.name === n)?.command ?? [];
    expect(command('prom-shard-0')).toContain('--enable-feature=native-histograms');
    expect(command('global')).not.toContain('--enable-feature=native-histograms');
  });
});

describe('probes in the export', () => {
  it("asks the blackbox exporter's /probe with the module, each target as __param_target", () => {
    const web = job('websites');
    expect(web).toMatchObject({ metrics_path: '/probe', params: { module: ['http_2xx'] } });
    expect(userSteps(web)).toEqual([
      { source_labels: ['__address__'], target_label: '__param_target', action: 'replace' },
      { source_labels: ['__param_target'], target_label: 'instance', action: 'replace' },
      { target_label: '__address__', replacement: 'websites-0:9115', action: 'replace' },
    ]);
    expect(
      JSON.parse(exported.files['prometheus/prom-shard-0/targets/websites.json'] ?? ''),
    ).toEqual([{ targets: ['https://example.org/', 'https://status.example.org/health'] }]);
    expect(userSteps(job('far-probes')).at(-1)?.replacement).toBe('blackbox.example.org:9115');
  });

  it('runs the blackbox exporter with its modules, but not one the design names elsewhere', () => {
    expect(exported.services.filter((s) => s.imageKey === 'blackbox').map((s) => s.name)).toEqual([
      'websites-0',
      'tcp-probes-0',
    ]);
    expect(yaml.load(exported.files['blackbox/tcp-probes/blackbox.yml'] ?? '')).toEqual({
      modules: {
        tcp: { prober: 'tcp', timeout: '3s' },
        http_ok: { prober: 'http', http: { valid_status_codes: [200, 204], method: 'GET' } },
      },
    });
  });

  it.skipIf(skipWithoutTool('prometheus-blackbox-exporter'))(
    'writes blackbox.yml files the blackbox exporter accepts',
    async () => {
      await withTree(exported.files, (dir) => {
        for (const p of Object.keys(exported.files).filter((f) => f.endsWith('/blackbox.yml'))) {
          const run = blackboxCheckConfig(path.join(dir, p));
          expect(run.ok, `${p}:\n${run.output}`).toBe(true);
        }
      });
    },
  );
});

describe.skipIf(skipWithoutTool('promtool'))('the tools on the export', () => {
  it('promtool --lint=all --lint-fatal accepts every prometheus.yml (Kubernetes and Consul jobs checked against the configuration reference, promtool 2.42 lacking them)', async () => {
    await expectPromtoolAccepts(exported, { referenceForUnsupportedDiscovery: true });
  });
});
