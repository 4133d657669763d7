// The built web host (dist/web, as `npm run web` starts it) exports in its design worker: small
// calls answer while a 10,000-node export runs, and SIGTERM ends the host at once, mid-export.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigFederation } from '../../bench/designs.ts';
import { serializeTopology } from '../../shared/model/serialize.ts';
import { LONE_PROMETHEUS } from '../services/test-designs.ts';

const SMALL = LONE_PROMETHEUS;

let base: string;
let child: ChildProcess | null = null;

beforeAll(async () => {
  // The bundles as they ship (test-support/global-setup.ts builds them), beside a stand-in
  // renderer; their packages resolve from the repository's node_modules.
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-webmain-'));
  await mkdir(path.join(base, 'web'));
  await mkdir(path.join(base, 'renderer'));
  await mkdir(path.join(base, 'ws'));
  for (const f of ['main.mjs', 'design-worker.mjs'])
    await copyFile(path.resolve('dist/web', f), path.join(base, 'web', f));
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><p>the app</p>');
  await symlink(path.resolve('node_modules'), path.join(base, 'node_modules'), 'dir');
});

afterAll(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await rm(base, { recursive: true, force: true });
});

/** Starts the host and resolves with its URL and token once it says where it listens. */
function startHost(): Promise<{ url: string; token: string }> {
  child = spawn(process.execPath, [path.join(base, 'web', 'main.mjs'), '--workspace', 'ws'], {
    cwd: base,
    env: { ...process.env, FEDSTUDIO_STATE_DIR: path.join(base, 'state') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child?.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?token=(\S+)/.exec(out);
      if (m?.[1] && m[2]) resolve({ url: m[1], token: m[2] });
    });
    child?.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child?.once('exit', (code) => reject(new Error(`the web host exited (${code}): ${out}`)));
  });
}

describe('web host process', () => {
  it('answers while exporting a 10,000-node design and stops at once on SIGTERM', async () => {
    const { url, token } = await startHost();
    const call = (method: string, args: unknown) =>
      fetch(`${url}api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
    // The bundled design worker answers...
    const small = await call('exportConfigs', { text: SMALL, outDir: 'small' });
    expect(small.status).toBe(200);
    expect(
      ((await small.json()) as { result: { written: number } }).result.written,
    ).toBeGreaterThan(0);

    // ...and works on a big design while the host answers other calls.
    const text = serializeTopology(bigFederation(100, 10, 10));
    let settled = false;
    const exporting = call('exportConfigs', { text, outDir: 'big' }).then(
      (r) => ((settled = true), r.status),
      () => ((settled = true), 'aborted'),
    );
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const info = await call('hostInfo', {});
      expect(info.status).toBe(200);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    expect(settled).toBe(false);

    const t0 = performance.now();
    const exited = new Promise<number | null>((r) => child?.once('exit', (code) => r(code)));
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(await exporting).toBe('aborted');
  });
});
