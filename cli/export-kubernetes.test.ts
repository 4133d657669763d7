import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fedstudio } from '../test-support/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fedstudio-k8s-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CLUSTERS = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: two-dc }
groups:
  - { id: eu, cluster: true }
nodes:
  - { id: g, kind: prometheus, name: prom-global }
  - { id: e, kind: prometheus, name: prom-eu, group: eu }
edges:
  - { id: f, kind: federate, from: g, to: e, match: ['{job="node"}'] }
`;

describe('fedstudio export --target kubernetes', () => {
  it('writes a Kustomize tree; validate --target kubernetes reports federation across clusters', () => {
    const file = path.join(work, 'two-dc.topology.yaml');
    writeFileSync(file, CLUSTERS);
    const out = path.join(work, 'k8s');
    const r = fedstudio(['export', file, '--out', out, '--target', 'kubernetes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('manifest files');
    for (const f of [
      'base/kustomization.yaml',
      'overlays/eu/kustomization.yaml',
      'overlays/two-dc/prom-global.yaml',
      'README.md',
    ]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    expect(existsSync(path.join(out, 'docker-compose.yml'))).toBe(false);
    expect(readFileSync(path.join(out, 'topology.yaml'), 'utf8')).toBe(CLUSTERS);

    expect(fedstudio(['validate', file]).stdout).not.toContain('k8s-federate-cross-cluster');
    const v = fedstudio(['validate', file, '--target', 'kubernetes']);
    expect(v.stdout).toContain('[k8s-federate-cross-cluster]');
  });

  it('refuses an unknown target with exit 2', () => {
    const file = path.join(work, 'two-dc.topology.yaml');
    writeFileSync(file, CLUSTERS);
    const r = fedstudio(['export', file, '--out', path.join(work, 'x'), '--target', 'nomad']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('compose, kubernetes');
  });
});
