// The lab on a real engine, as a user meets it through the CLI: SIGTERM during `lab up` removes
// everything that run created (exit 143), and the lab is locked meanwhile; and an
// Alertmanager image that keeps its program somewhere else than upstream's /bin/alertmanager runs,
// because the lab runs the image's own ENTRYPOINT. Everything is removed in afterAll.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test-support/cli.ts';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import { acquireLabLock, down, LabError, status, up } from './index.ts';
import { leftovers, skipLabTests, TEST_IMAGES } from './integration-helpers.ts';

const skip = await skipLabTests();
const stateDir = mkdtempSync(path.join(tmpdir(), 'fedstudio-lab-interrupt-'));
const INTERRUPTED = 'fedstudio-lab-interrupted';
const MOVED = 'fedstudio-lab-moved-program';
const MOVED_IMAGE = 'fedstudio-test/alertmanager-moved:local';

function design(name: string): string {
  return `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${name} }
nodes:
  - { id: prom, kind: prometheus, name: prom }
  - { id: nodes, kind: targets, name: node, exporter: node-exporter, count: 2 }
  - id: am
    kind: alertmanager
    name: am
    route: { receiver: hook }
    receivers:
      - { name: hook, type: webhook, url: "\${HOOK_URL}" }
edges:
  - { id: s, kind: scrape, from: prom, to: nodes }
  - { id: a, kind: alerting, from: prom, to: am }
`;
}

const env = { ...process.env, ...TEST_IMAGES, FEDSTUDIO_STATE_DIR: stateDir };

/** Runs the built CLI in the background, collecting stderr; resolves with its exit. */
function background(args: string[]) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/fedstudio.mjs'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exit };
}

async function until(what: string, ms: number, ok: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000}s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip)('lab interrupts, lock and image entrypoints on Docker', () => {
  const file = path.join(stateDir, `${INTERRUPTED}.topology.yaml`);
  beforeAll(() => {
    writeFileSync(file, design(INTERRUPTED));
    // Upstream's program path is /bin/alertmanager; this image keeps it in /opt/am instead.
    const dockerfile = [
      `FROM ${TEST_IMAGES.FEDSTUDIO_IMAGE_ALERTMANAGER} AS src`,
      'FROM scratch',
      ...['/lib', '/lib64', '/etc', '/usr', '/tmp', '/alertmanager'].map(
        (d) => `COPY --from=src ${d} ${d}`,
      ),
      'COPY --from=src /bin/alertmanager /opt/am/alertmanager',
      'LABEL io.fedstudio.test-image="true"',
      'ENTRYPOINT ["/opt/am/alertmanager"]',
    ].join('\n');
    const built = spawnSync('docker', ['build', '-q', '-t', MOVED_IMAGE, '-'], {
      input: dockerfile,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (built.status !== 0) throw new Error(`building ${MOVED_IMAGE}: ${built.stderr}`);
  }, 150_000);
  afterAll(async () => {
    for (const lab of [INTERRUPTED, MOVED])
      await down(lab, { volumes: true, stateDir }).catch(() => undefined);
    await new Docker()
      .getImage(MOVED_IMAGE)
      .remove()
      .catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  it('removes what an interrupted `lab up` created, and holds the lab meanwhile', async () => {
    const run = background(['lab', 'up', file]);
    try {
      // Right after the first create: starting and the health waits are still ahead.
      await until('the first container created', 60_000, () => /^create /m.test(run.stderr()));
      // Busy meanwhile, naming the CLI's process (the CLI's own refusal: cli/lab.test.ts).
      const busy = await acquireLabLock(INTERRUPTED, 'the test', stateDir).then(
        async (lock) => {
          await lock.release();
          return null;
        },
        (e: unknown) => e,
      );
      expect(busy).toBeInstanceOf(LabError);
      expect((busy as LabError).message).toMatch(
        new RegExp(
          `^lab ${INTERRUPTED} is busy: \`lab up\` by pid ${run.child.pid} since \\d\\d:\\d\\d`,
        ),
      );
      run.child.kill('SIGTERM');
      const { code } = await Promise.race([
        run.exit,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no exit within 60s of SIGTERM')), 60_000),
        ),
      ]);
      expect(code, run.stderr()).toBe(143);
      expect(run.stderr()).toContain('SIGTERM: stopping the launch and removing what it created');
      expect(run.stderr()).toMatch(
        /was interrupted; removed what it had created: .*network fedstudio_/,
      );
      expect(await leftovers(INTERRUPTED)).toEqual([]);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  }, 180_000);

  it("runs an Alertmanager image whose program is not at upstream's path", async () => {
    const parsed = parseTopology(design(MOVED));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const plan = planLab(parsed.topology, {
      imageOverrides: { ...TEST_IMAGES, FEDSTUDIO_IMAGE_ALERTMANAGER: MOVED_IMAGE },
    });
    await up(plan, { stateDir, healthTimeoutMs: 60_000 });
    const s = await status(MOVED, { stateDir });
    expect(s.instances.find((i) => i.name === 'am')).toMatchObject({
      state: 'running',
      health: 'healthy',
    });
    await down(MOVED, { volumes: true, stateDir });
    expect(await leftovers(MOVED)).toEqual([]);
  }, 180_000);
});
