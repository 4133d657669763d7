import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_METHODS } from '../../shared/host-api.ts';
import { AppState } from './app-state.ts';
import { createHostServices } from './host-services.ts';

const DESIGN = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: small }
nodes:
  - { id: prom, kind: prometheus, name: prom, replicas: 2 }
  - { id: g, kind: grafana, name: grafana, adminPassword: '\${GRAFANA_PW}' }
edges:
  - { id: d, kind: datasource, from: g, to: prom }
`;

let base: string;
let workspace: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-target-'));
  workspace = path.join(base, 'ws');
  await mkdir(workspace);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('host services: export target', () => {
  it('exports Kubernetes manifests when asked, and names the Secret keys to create', async () => {
    const host = createHostServices({
      kind: 'web',
      workspace,
      state: new AppState(path.join(base, 'state')),
    });
    const r = await host.exportConfigs({ text: DESIGN, outDir: 'k8s', target: 'kubernetes' });
    expect(r?.vars).toEqual(['GRAFANA_PW']);
    const kustomization = await readFile(
      path.join(workspace, 'k8s', 'base', 'kustomization.yaml'),
      'utf8',
    );
    expect(kustomization).toContain('prom.yaml');
    await expect(access(path.join(workspace, 'k8s', 'docker-compose.yml'))).rejects.toThrow();
    // Without a target it stays the compose export.
    await host.exportConfigs({ text: DESIGN, outDir: 'compose' });
    await expect(
      access(path.join(workspace, 'compose', 'docker-compose.yml')),
    ).resolves.toBeUndefined();
  });

  it('the contract accepts only known targets', () => {
    const args = HOST_METHODS.exportConfigs.args;
    expect(args.safeParse({ text: 'x', target: 'kubernetes' }).success).toBe(true);
    expect(args.safeParse({ text: 'x', target: 'nomad' }).success).toBe(false);
  });
});
