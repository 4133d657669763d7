// Each command loads only what it uses: the packages a run of the built CLI imports, recorded by a
// module hook, checked against what the command needs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../test-support/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fedstudio-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The hook runs on the loader's own thread; it reports each package once, on stderr.
writeFileSync(
  path.join(work, 'hooks.mjs'),
  `import { writeSync } from 'node:fs';
const seen = new Set();
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);
  if (m && !seen.has(m[1])) { seen.add(m[1]); writeSync(2, 'loaded-package ' + m[1] + '\\n'); }
  return r;
}
`,
);
writeFileSync(
  path.join(work, 'register.mjs'),
  `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
);
writeFileSync(
  path.join(work, 'small.topology.yaml'),
  `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: small }
nodes:
  - { id: p, kind: prometheus, name: prom, externalLabels: { dc: a } }
  - { id: t, kind: targets, name: node, exporter: node-exporter, count: 2 }
edges:
  - { id: e, kind: scrape, from: p, to: t }
`,
);

function packagesLoaded(args: string[]): string[] {
  const r = spawnSync(
    process.execPath,
    ['--import', path.join(work, 'register.mjs'), path.join(ROOT, 'bin/fedstudio.mjs'), ...args],
    { cwd: work, encoding: 'utf8', timeout: 60_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  return [...r.stderr.matchAll(/^loaded-package (\S+)$/gm)].map((m) => m[1] ?? '').sort();
}

const LAB_ONLY = ['dockerode', 'docker-modem', 'ssh2', '@grpc/grpc-js', 'cpu-features'];

describe('fedstudio loads what the command uses', () => {
  it('--version loads the argument parser and nothing else', () => {
    expect(packagesLoaded(['--version'])).toEqual(['commander']);
  });

  it('validate and export load neither the Docker client nor its transports', () => {
    const file = path.join(work, 'small.topology.yaml');
    const validate = packagesLoaded(['validate', file]);
    const exported = packagesLoaded(['export', file, '--out', path.join(work, 'out')]);
    expect(validate).toContain('js-yaml');
    for (const pkg of LAB_ONLY) {
      expect(validate).not.toContain(pkg);
      expect(exported).not.toContain(pkg);
    }
  });
});
