// The web host and Electron export through the same writer: its refusals reach the renderer as a
// HostError with the reason, never as an internal error.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppState } from './app-state.ts';
import { HostError } from './host-errors.ts';
import { createHostServices } from './host-services.ts';

const DESIGN = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: small }
nodes:
  - { id: p, kind: prometheus, name: prom }
`;

let base: string;
let workspace: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-host-export-'));
  workspace = path.join(base, 'ws');
  await mkdir(workspace);
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe('host services: export errors', () => {
  it('answers a dangling link, a file in the way and a file-made folder with refused and the reason', async () => {
    const host = createHostServices({
      kind: 'web',
      workspace,
      state: new AppState(path.join(base, 'state')),
    });
    await symlink(path.join(workspace, 'nowhere'), path.join(workspace, 'dangling'));
    await writeFile(path.join(workspace, 'file'), 'x');
    const cases: [string, RegExp][] = [
      ['dangling', /symbolic link to a folder that does not exist/],
      ['file', /exists and is not a folder/],
      ['file/out', /is a file, not a folder/],
    ];
    for (const [outDir, reason] of cases) {
      const e = await refusal(host.exportConfigs({ text: DESIGN, outDir, force: true }));
      expect(e.code, outDir).toBe('refused');
      expect(e.message).toMatch(reason);
    }
  });
});
