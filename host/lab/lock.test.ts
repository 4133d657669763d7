// The per-lab lock: one holder at a time, a clear refusal naming it, a stale one taken over with
// a note, and only its own holder releasing it.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabError } from './errors.ts';
import { acquireLabLock, lockHolder, lockPath } from './lock.ts';

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'fedstudio-lock-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

async function refusal(p: Promise<unknown>): Promise<LabError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LabError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('lab lock', () => {
  it('is held by one command at a time and refused to the next with who, pid and since', async () => {
    const lock = await acquireLabLock('demo', '`lab up`', stateDir);
    expect(await lockHolder('demo', stateDir)).toMatchObject({
      pid: process.pid,
      command: '`lab up`',
    });
    const e = await refusal(acquireLabLock('demo', '`lab down`', stateDir));
    expect(e.code).toBe('busy');
    expect(e.message).toMatch(
      new RegExp(`^lab demo is busy: \`lab up\` by pid ${process.pid} since \\d\\d:\\d\\d\\. `),
    );
    // Another lab is another lock.
    const other = await acquireLabLock('other', '`lab up`', stateDir);
    await other.release();
    await lock.release();
    expect(await lockHolder('demo', stateDir)).toBeNull();
    const again = await acquireLabLock('demo', '`lab down`', stateDir);
    await again.release();
  });

  it('takes over a lock whose process is gone, with a note', async () => {
    const file = lockPath('demo', stateDir);
    await mkdir(path.dirname(file), { recursive: true });
    const pid = deadPid();
    await writeFile(
      file,
      JSON.stringify({
        pid,
        host: hostname(),
        command: '`lab up`',
        since: new Date().toISOString(),
      }),
    );
    expect(await lockHolder('demo', stateDir)).toBeNull();
    const lock = await acquireLabLock('demo', '`lab up`', stateDir);
    expect(lock.note).toBe(`took over the lock of lab demo: \`lab up\` by pid ${pid} is gone`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("counts another machine's lock as held, and a half-written one as held for a moment", async () => {
    const file = lockPath('demo', stateDir);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify({
        pid: 1,
        host: 'elsewhere',
        command: 'Launch in the app',
        since: new Date().toISOString(),
      }),
    );
    expect((await refusal(acquireLabLock('demo', '`lab up`', stateDir))).message).toMatch(
      /busy: Launch in the app by pid 1 on elsewhere since/,
    );
    await writeFile(file, '');
    expect((await refusal(acquireLabLock('demo', '`lab up`', stateDir))).code).toBe('busy');
  });

  it('releases only its own lock', async () => {
    const lock = await acquireLabLock('demo', '`lab up`', stateDir);
    const file = lockPath('demo', stateDir);
    const someoneElse = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      command: '`lab down`',
      since: new Date().toISOString(),
    });
    await writeFile(file, someoneElse);
    await lock.release();
    expect(await readFile(file, 'utf8')).toBe(someoneElse);
  });

  it('lets exactly one of many simultaneous takers have it', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => acquireLabLock('demo', '`lab up`', stateDir)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'fulfilled') await r.value.release();
  });
});
