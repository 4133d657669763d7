import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { composeConfig, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { renderCompose } from './compose.ts';
import { createContext } from './context.ts';
import { logFolder } from './extended-logs.ts';
import { generateKinds } from './kinds.ts';
import { generateTargets, labStandIns } from './targets.ts';
import type { ServiceSpec } from './types.ts';

function design(text: string): Topology {
  const r = parseTopology(
    `apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: ext }\n${text}`,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const LTS = design(`
nodes:
  - { id: p, kind: prometheus, name: prom, replicas: 2, thanosSidecar: true }
  - { id: q, kind: thanos-query, name: query }
  - { id: s, kind: thanos-store, name: store, replicas: 2 }
  - { id: c, kind: thanos-compactor, name: compactor, retention: 90d }
  - { id: o, kind: object-store, name: s3, bucket: blocks, accessKey: "\${S3_USER}" }
  - { id: l, kind: loki, name: loki, retention: 7d }
  - { id: l2, kind: loki, name: loki-local, replicas: 2 }
  - { id: t, kind: tempo, name: tempo, retention: 14d }
  - { id: m, kind: mimir, name: mimir }
  - { id: pt, kind: promtail, name: shipper, paths: ["/srv/app/*/log/*.log", "/srv/app/x/log/a.log"], labels: { team: "a$b" } }
edges:
  - { id: e1, kind: store, from: q, to: p }
  - { id: e2, kind: store, from: q, to: s }
  - { id: e3, kind: objstore, from: s, to: o }
  - { id: e4, kind: objstore, from: c, to: o }
  - { id: e5, kind: objstore, from: l, to: o }
  - { id: e6, kind: objstore, from: m, to: o }
  - { id: e7, kind: logs, from: pt, to: l }
  - { id: e8, kind: logs, from: pt, to: l2 }
  - { id: e9, kind: objstore, from: p, to: o }
`);

const part = generateKinds(createContext(LTS), [
  'loki',
  'tempo',
  'promtail',
  'mimir',
  'thanos-query',
  'thanos-store',
  'thanos-compactor',
  'object-store',
]);
const svc = (name: string): ServiceSpec => {
  const s = part.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}: ${part.services.map((x) => x.name).join(', ')}`);
  return s;
};
const file = (p: string) => {
  const text = part.files[p];
  if (text === undefined) throw new Error(`no file ${p}: ${Object.keys(part.files).join(', ')}`);
  return yaml.load(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('Thanos', () => {
  it('query fans out to every sidecar and store instance and always deduplicates on replica', () => {
    expect(svc('query').command).toEqual([
      'query',
      '--http-address=0.0.0.0:10902',
      '--grpc-address=0.0.0.0:10901',
      '--endpoint=prom-0-sidecar:10901',
      '--endpoint=prom-1-sidecar:10901',
      '--endpoint=store-0:10901',
      '--endpoint=store-1:10901',
      '--query.replica-label=replica',
    ]);
  });

  it('store and compactor read the bucket config with credentials from the environment', () => {
    for (const name of ['store-0', 'store-1', 'compactor']) {
      const s = svc(name);
      expect(s.command).toContain('--objstore.config-file=/etc/thanos/objstore.yml');
      expect(s.command).toContain('--data-dir=/data');
      expect(s.mounts).toEqual([
        { source: 'thanos/objstore-s3.yml', target: '/etc/thanos/objstore.yml' },
      ]);
      expect(s.environment).toEqual({ S3_USER: '${S3_USER}', S3_SECRET_KEY: '${S3_SECRET_KEY}' });
    }
    expect(svc('compactor').command?.slice(0, 2)).toEqual(['compact', '--wait']);
    expect(svc('compactor').command).toContain('--retention.resolution-raw=90d');
    expect(file('thanos/objstore-s3.yml')).toEqual({
      type: 'S3',
      config: {
        bucket: 'blocks',
        endpoint: 's3:9000',
        insecure: true,
        access_key: '$(S3_USER)',
        secret_key: '$(S3_SECRET_KEY)',
      },
    });
  });
});

describe('object store', () => {
  it('runs MinIO with the credentials, creates every bucket, and generates a missing key', () => {
    const s = svc('s3');
    expect(s.environment).toMatchObject({
      MINIO_ROOT_USER: '${S3_USER}',
      MINIO_ROOT_PASSWORD: '${S3_SECRET_KEY}',
    });
    expect(s.entrypoint?.slice(3)).toEqual(['minio-start', 'blocks', 'loki', 'mimir']);
    expect(s.ports.map((p) => p.container)).toEqual([9000, 9001]);
    expect(part.vars?.map((v) => v.name)).toEqual(['S3_SECRET_KEY']);
  });
});

describe('Loki, Tempo, Mimir, Promtail', () => {
  it('Loki uses the object store with expanded credentials, and retention', () => {
    const cfg = file('loki/loki/loki.yml');
    expect(cfg.common.storage.s3).toMatchObject({
      endpoint: 's3:9000',
      bucketnames: 'loki',
      access_key_id: '${S3_USER}',
    });
    expect(cfg.schema_config.configs[0].object_store).toBe('s3');
    expect(cfg.limits_config.retention_period).toBe('168h');
    expect(cfg.compactor).toMatchObject({ retention_enabled: true, delete_request_store: 's3' });
    expect(svc('loki').command).toContain('-config.expand-env=true');
  });

  it('Loki without an object store keeps chunks on its volume; replicas gossip', () => {
    const cfg = file('loki/loki-local/loki.yml');
    expect(cfg.common.storage.filesystem.chunks_directory).toBe('/loki/chunks');
    expect(cfg.memberlist.join_members).toEqual(['loki-local-0:7946', 'loki-local-1:7946']);
    expect(cfg.common.ring.kvstore.store).toBe('memberlist');
    expect(svc('loki-local-1').command).not.toContain('-config.expand-env=true');
  });

  it('Tempo stores blocks locally and receives OTLP', () => {
    const cfg = file('tempo/tempo/tempo.yml');
    expect(cfg.storage.trace.backend).toBe('local');
    expect(cfg.compactor.compaction.block_retention).toBe('336h');
    expect(svc('tempo').ports.map((p) => p.container)).toEqual([3200, 4317, 4318]);
  });

  it('Mimir runs monolithic on the object store, without a health check its image cannot run', () => {
    expect(svc('mimir').command).toContain('-target=all');
    expect(file('mimir/mimir/mimir.yml').blocks_storage).toMatchObject({
      backend: 's3',
      s3: { bucket_name: 'mimir', endpoint: 's3:9000' },
    });
    expect(svc('mimir').health).toEqual({ type: 'none' });
  });

  it('Promtail pushes to every connected Loki and reads the host folders of its paths', () => {
    const cfg = file('promtail/shipper/promtail.yml');
    expect(cfg.clients).toEqual([
      { url: 'http://loki:3100/loki/api/v1/push' },
      { url: 'http://loki-local-0:3100/loki/api/v1/push' },
    ]);
    expect(cfg.scrape_configs[0].static_configs[0].labels).toEqual({
      team: 'a$b',
      job: 'shipper',
      __path__: '/srv/app/*/log/*.log',
    });
    expect(svc('shipper').hostMounts).toEqual([{ source: '/srv/app', target: '/srv/app' }]);
    expect(logFolder('/var/log/*log')).toBe('/var/log');
    expect(logFolder('/a/b.log')).toBe('/a');
  });

  it('every generated file is YAML', () => {
    for (const [p, text] of Object.entries(part.files))
      expect(() => yaml.load(text), p).not.toThrow();
  });
});

describe('targets', () => {
  const t = design(`
nodes:
  - { id: n, kind: targets, name: node, count: 500 }
  - { id: c, kind: targets, name: cad, exporter: cadvisor, count: 1 }
  - { id: b, kind: targets, name: probe, exporter: blackbox, labCount: 2, port: 9200 }
  - { id: x, kind: targets, name: ext, exporter: node-exporter, addresses: ["10.1.1.1:9100"] }
  - { id: u, kind: targets, name: app, exporter: custom, count: 3 }
`);
  const exported = generateTargets(createContext(t));
  const standIns = labStandIns(createContext(t));
  const targets = [...exported.services, ...standIns];

  it('runs min(count, 3) or labCount stand-in exporters in the lab only, where there are no addresses, no custom exporter and no probe', () => {
    expect(standIns.map((s) => s.name)).toEqual(['node-0', 'node-1', 'node-2', 'cad-0']);
  });

  it("exports one blackbox exporter per probe node, with its modules' blackbox.yml", () => {
    expect(exported.services.map((s) => s.name)).toEqual(['probe-0']);
    expect(Object.keys(exported.files)).toEqual(['blackbox/probe/blackbox.yml']);
    expect(exported.services[0]?.mounts).toEqual([
      { source: 'blackbox/probe', target: '/etc/blackbox_exporter' },
    ]);
  });

  it('makes each exporter listen on the node port, with a health check', () => {
    const probe = targets.find((s) => s.name === 'probe-0');
    expect(probe?.command).toContain('--web.listen-address=:9200');
    expect(probe?.command).toContain('--config.file=/etc/blackbox_exporter/blackbox.yml');
    expect(probe?.health).toEqual({ type: 'http', port: 9200, path: '/-/healthy' });
    const node = targets.find((s) => s.name === 'node-0');
    expect(node?.imageKey).toBe('node-exporter');
    expect(node?.health).toEqual({ type: 'http', port: 9100, path: '/metrics' });
  });

  it('gives cAdvisor read-only host mounts', () => {
    const cad = targets.find((s) => s.name === 'cad-0');
    expect(cad?.health).toEqual({ type: 'http', port: 8080, path: '/healthz' });
    expect(cad?.hostMounts?.map((m) => `${m.source}:${m.target}`)).toEqual([
      '/:/rootfs',
      '/var/run:/var/run',
      '/sys:/sys',
      '/var/lib/docker/:/var/lib/docker',
    ]);
  });
});

describe.skipIf(skipWithoutTool('docker-compose'))('extended kinds in docker-compose', () => {
  it('pass docker-compose config', async () => {
    const services: ServiceSpec[] = part.services;
    const files = {
      ...part.files,
      'docker-compose.yml': renderCompose(createContext(LTS), services),
      '.env': 'COMPOSE_PROJECT_NAME=ext\n',
    };
    await withTree(files, (dir) => {
      const r = composeConfig(dir);
      expect(r.ok, r.output).toBe(true);
    });
  });
});
