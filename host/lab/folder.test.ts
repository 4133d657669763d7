import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { writeLabFolder } from './folder.ts';

const DESIGN = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: perms }
nodes:
  - id: am
    kind: alertmanager
    name: am
    receivers: [ { name: hook, type: webhook, url: "\${HOOK_URL}" } ]
  - { id: g, kind: grafana, name: grafana, adminPassword: "\${ADMIN_PW}" }
`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fedstudio-lab-folder-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (p: string) => (await stat(p)).mode & 0o777;

function plan() {
  const parsed = parseTopology(DESIGN);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return planLab(parsed.topology);
}

describe('the lab folder', () => {
  it('keeps the state folder, the lab folders and the local .env readable by the user only', async () => {
    const stateDir = path.join(root, 'config', 'fedstudio');
    const p = plan();
    const lab = await writeLabFolder(p, p.edges, stateDir);
    expect(await modeOf(stateDir)).toBe(0o700);
    expect(await modeOf(path.join(stateDir, 'labs'))).toBe(0o700);
    expect(await modeOf(lab.dir)).toBe(0o700);
    expect(await modeOf(path.join(lab.dir, '.env'))).toBe(0o600);
    expect(await modeOf(path.join(lab.dir, 'secrets'))).toBe(0o700);
    expect(await readFile(path.join(lab.dir, '.env'), 'utf8')).toMatch(/^HOOK_URL=http/m);
    // ~/.config is the user's: left as it was.
    expect(await modeOf(path.join(root, 'config'))).not.toBe(0o700);
  });

  it('tightens folders and a .env an earlier version left open, keeping the values', async () => {
    const stateDir = path.join(root, 'state');
    const dir = path.join(stateDir, 'labs', 'perms');
    await mkdir(dir, { recursive: true, mode: 0o755 });
    await mkdir(path.join(dir, 'secrets'));
    for (const d of [stateDir, path.dirname(dir), dir, path.join(dir, 'secrets')])
      await chmod(d, 0o755);
    await writeFile(path.join(dir, '.env'), 'ADMIN_PW=kept-value\n', { mode: 0o644 });
    const p = plan();
    const lab = await writeLabFolder(p, p.edges, stateDir);
    for (const d of [stateDir, path.dirname(dir), dir, path.join(dir, 'secrets')])
      expect(await modeOf(d)).toBe(0o700);
    expect(await modeOf(path.join(dir, '.env'))).toBe(0o600);
    expect(lab.values.get('ADMIN_PW')).toBe('kept-value');
  });
});
