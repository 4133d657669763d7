import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('fedstudio lab: one command per lab at a time', () => {
  const NAME = 'dc-federation';
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-cli-lock-'));
    mkdirSync(path.join(stateDir, 'labs'), { recursive: true });
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  const lockFile = () => path.join(stateDir, 'labs', `${NAME}.lock`);
  const holder = (pid: number) =>
    JSON.stringify({
      pid,
      host: hostname(),
      command: '`lab up`',
      since: new Date(2026, 0, 1, 9, 5).toISOString(),
    });

  it('refuses up and down while another command holds the lab, with exit 1 and who holds it', () => {
    // This test's own process stands for the command that holds the lab.
    writeFileSync(lockFile(), holder(process.pid));
    for (const sub of ['up', 'down']) {
      const r = fedstudio(['lab', sub, DESIGN], { FEDSTUDIO_STATE_DIR: stateDir });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(
        `fedstudio: lab ${NAME} is busy: \`lab up\` by pid ${process.pid} since 09:05.`,
      );
    }
    expect(readFileSync(lockFile(), 'utf8')).toBe(holder(process.pid));
  });

  it('takes over the lock of a command that is gone, saying so, and leaves no lock behind', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(lockFile(), holder(Number(gone.stdout)));
    const r = fedstudio(['lab', 'down', DESIGN], {
      FEDSTUDIO_STATE_DIR: stateDir,
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `took over the lock of lab ${NAME}: \`lab up\` by pid ${gone.stdout} is gone`,
    );
    expect(r.stderr).toMatch(/Docker is not running or not reachable/);
    expect(existsSync(lockFile())).toBe(false);
  });
});
