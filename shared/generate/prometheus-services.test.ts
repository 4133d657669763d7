import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../kinds/index.ts';
import { parseTopology } from '../design/parse.ts';
import { createContext } from './context.ts';
import { generatePrometheus } from './prometheus.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

function generate(design: string): GeneratedPart {
  const parsed = parseTopology(design);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return generatePrometheus(createContext(parsed.topology));
}

function service(part: GeneratedPart, name: string): ServiceSpec {
  const found = part.services.find((s) => s.name === name);
  expect(found, `service ${name}`).toBeDefined();
  return found as ServiceSpec;
}

const DESIGN = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: test }
images: { prometheus: "registry.local/prometheus:3", thanos-sidecar: "registry.local/thanos:1" }
nodes:
  - { id: leaf, kind: prometheus, name: leaf, replicas: 2, retention: 2h, thanosSidecar: true,
      externalLabels: { dc: a } }
  - { id: bare, kind: prometheus, name: bare, thanosSidecar: true, externalLabels: { dc: b } }
  - { id: global, kind: prometheus, name: global }
  - { id: am, kind: alertmanager, name: am, replicas: 2 }
  - { id: s3, kind: object-store, name: bucket }
edges:
  - { id: a, kind: alerting, from: leaf, to: am }
  - { id: o, kind: objstore, from: leaf, to: s3 }
  - { id: w, kind: remote-write, from: leaf, to: global }
  - { id: f, kind: federate, from: global, to: bare, match: ['{__name__=~"job:.*"}'] }
`;

describe('Prometheus services', () => {
  const part = generate(DESIGN);

  it('runs one server per instance, plus a sidecar where asked', () => {
    expect(part.services.map((s) => s.name)).toEqual([
      'leaf-0',
      'leaf-0-sidecar',
      'leaf-1',
      'leaf-1-sidecar',
      'bare',
      'bare-sidecar',
      'global',
    ]);
  });

  it('describes a server container', () => {
    expect(service(part, 'leaf-1')).toEqual({
      name: 'leaf-1',
      nodeId: 'leaf',
      imageKey: 'prometheus',
      image: 'registry.local/prometheus:3',
      command: [
        '--config.file=/etc/prometheus/prometheus.yml',
        '--storage.tsdb.path=/prometheus',
        '--storage.tsdb.retention.time=2h',
        '--web.enable-lifecycle',
        '--storage.tsdb.min-block-duration=2h',
        '--storage.tsdb.max-block-duration=2h',
      ],
      mounts: [{ source: 'prometheus/leaf-1', target: '/etc/prometheus' }],
      volumes: [{ name: 'leaf-1-data', target: '/prometheus' }],
      ports: [{ container: 9090, name: 'web' }],
      health: NODE_KINDS.prometheus.health,
      dependsOn: ['am-0', 'am-1', 'bucket', 'global'],
    });
  });

  it('turns on the remote-write receiver only where remote writes arrive', () => {
    expect(service(part, 'global').command).toEqual([
      '--config.file=/etc/prometheus/prometheus.yml',
      '--storage.tsdb.path=/prometheus',
      '--storage.tsdb.retention.time=15d',
      '--web.enable-lifecycle',
      '--web.enable-remote-write-receiver',
    ]);
    expect(service(part, 'bare').command).not.toContain('--web.enable-remote-write-receiver');
    expect(service(part, 'global').dependsOn).toEqual(['bare']);
  });

  it('describes a sidecar sharing the data volume and reading the object-store config', () => {
    expect(service(part, 'leaf-0-sidecar')).toEqual({
      name: 'leaf-0-sidecar',
      nodeId: 'leaf',
      imageKey: 'thanos-sidecar',
      image: 'registry.local/thanos:1',
      command: [
        'sidecar',
        '--tsdb.path=/prometheus',
        '--prometheus.url=http://leaf-0:9090',
        '--grpc-address=0.0.0.0:10901',
        '--http-address=0.0.0.0:10902',
        '--objstore.config-file=/etc/thanos/objstore.yml',
      ],
      mounts: [{ source: 'thanos/objstore-bucket.yml', target: '/etc/thanos/objstore.yml' }],
      // The bucket config expands these ($(VAR)), so the sidecar carries them.
      environment: {
        BUCKET_ACCESS_KEY: '${BUCKET_ACCESS_KEY}',
        BUCKET_SECRET_KEY: '${BUCKET_SECRET_KEY}',
      },
      volumes: [{ name: 'leaf-0-data', target: '/prometheus' }],
      ports: [{ container: 10902, name: 'http' }],
      health: { type: 'http', port: 10902, path: '/-/ready' },
      dependsOn: ['leaf-0'],
    });
  });

  it('runs a sidecar without an object store when none is connected', () => {
    const sidecar = service(part, 'bare-sidecar');
    expect(sidecar.command).not.toContain('--objstore.config-file=/etc/thanos/objstore.yml');
    expect(sidecar.mounts).toEqual([]);
    expect(sidecar.volumes).toEqual([{ name: 'bare-data', target: '/prometheus' }]);
  });

  it('uses the built-in images by default', () => {
    const plain = generate(`apiVersion: fedstudio/v1
kind: Topology
metadata: { name: t }
nodes: [ { id: p, kind: prometheus, name: p, shards: 2 } ]
`);
    expect(plain.services.map((s) => [s.name, s.image])).toEqual([
      ['p-shard-0', 'prom/prometheus:v3.5.0'],
      ['p-shard-1', 'prom/prometheus:v3.5.0'],
    ]);
    expect(plain.services.every((s) => s.dependsOn.length === 0)).toBe(true);
  });
});
