import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../test-support/cli.ts';

function fedstudio(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/fedstudio.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DESIGN = 'templates/dc-federation.topology.yaml';

describe('fedstudio lab', () => {
  it('offers up, status and down', () => {
    const r = fedstudio(['lab', '--help']);
    expect(r.code).toBe(0);
    for (const sub of ['up', 'status', 'down'])
      expect(r.stdout).toMatch(new RegExp(`\\b${sub}\\b`));
    expect(fedstudio(['lab', 'up', '--help']).stdout).toContain('--wait');
    expect(fedstudio(['lab', 'status', '--help']).stdout).toContain('--json');
    expect(fedstudio(['lab', 'down', '--help']).stdout).toContain('--volumes');
  });

  it('refuses a design it cannot read with exit 2', () => {
    const r = fedstudio(['lab', 'status', 'no-such.topology.yaml']);
    expect(r.code).toBe(2);
  });

  it('explains an unreachable Docker engine with exit 1', () => {
    const r = fedstudio(['lab', 'status', DESIGN, '--json'], {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Docker is not running or not reachable/);
    expect(r.stdout).toBe('');
  });
});
