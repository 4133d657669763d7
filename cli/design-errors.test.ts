// Hostile design files through `fedstudio validate` and `export`: exit 2 and FILE:LINE:COLUMN at
// the offending place, never a stack trace.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fedstudio } from '../test-support/cli.ts';
import { runCli } from './in-process.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fedstudio-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GOOD = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: small }
nodes:
  - { id: p, kind: prometheus, name: prom, externalLabels: { dc: a } }
  - { id: t, kind: targets, name: node, exporter: node-exporter, count: 2 }
edges:
  - { id: e, kind: scrape, from: p, to: t }
`;

let n = 0;
function design(content: string | Uint8Array): string {
  const file = path.join(work, `d${n++}.topology.yaml`);
  writeFileSync(file, content);
  return file;
}

/** validate and export both refuse the file with exactly this error. */
async function refused(content: string | Uint8Array, where: string, message: RegExp) {
  const file = design(content);
  const v = await runCli(['validate', file]);
  expect(v.exitCode, v.stderr).toBe(2);
  const [line, ...more] = v.stderr.trimEnd().split('\n');
  expect(more).toEqual([]);
  expect(line?.startsWith(`${file}:${where}: `), line).toBe(true);
  expect(line).toMatch(message);
  const out = path.join(work, `out${n}`);
  const x = await runCli(['export', file, '--out', out]);
  expect(x.exitCode).toBe(2);
  expect(x.stderr).toBe(`fedstudio: ${file} is not a usable design:\n${line}\n`);
  expect(existsSync(out)).toBe(false);
}

describe('fedstudio on hostile design files', () => {
  it('accepts a design followed by a trailing `---`, and refuses a second document', async () => {
    expect((await runCli(['validate', design(`${GOOD}---\n`)])).exitCode).toBe(0);
    await refused(`${GOOD}---\n${GOOD}`, '9:1', /one YAML document; a second one starts here/);
  });

  it('refuses nesting thousands of levels deep where it crosses the limit', async () => {
    await refused(`${GOOD}x: ${'['.repeat(10_000)}\n`, '9:67', /nested more than 64 levels/);
    const ladder = Array.from({ length: 5000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n');
    await refused(`${GOOD}${ladder}\n`, '72:64', /nested more than 64 levels/);
  });

  it('counts CR-only line breaks', async () => {
    const cr = GOOD.replace('count: 2', 'count: 2, colour: red').replace(/\n/g, '\r');
    await refused(cr, '6:76', /nodes\[1\]\.colour: unknown key "colour"/);
    expect((await runCli(['validate', design(GOOD.replace(/\n/g, '\r'))])).exitCode).toBe(0);
  });

  it('points at a NUL byte and at a byte-order mark that is not at the start', async () => {
    await refused(GOOD.replace('name: node', 'name: no\0de'), '6:37', /NUL byte/);
    await refused(GOOD.replace('name: node', 'name: no\ufeffde'), '6:37', /byte-order mark/);
  });

  it('accepts a leading BOM and keeps the columns an editor shows', async () => {
    expect((await runCli(['validate', design(`\ufeff${GOOD}`)])).exitCode).toBe(0);
    await refused(`\ufeff${GOOD.replace('kind: Topology', 'kind: Topo')}`, '2:7', /kind: must be/);
  });

  it('points at bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(GOOD.slice(0, GOOD.indexOf('node,'))),
      Buffer.from([0xff]),
      Buffer.from(GOOD.slice(GOOD.indexOf('node,'))),
    ]);
    await refused(bytes, '6:35', /not UTF-8 text \(byte 0xFF\)/);
  });

  it('names the place in JSON output too', async () => {
    const file = design(`${GOOD}---\n${GOOD}`);
    const r = await runCli(['validate', file, '--format', 'json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).errors).toEqual([
      {
        file,
        line: 9,
        column: 1,
        path: '(document)',
        message: 'a design file holds one YAML document; a second one starts here',
      },
    ]);
  });

  it('gives the same answer from the real process on a deep file', () => {
    const file = design(`${GOOD}x: ${'{a: '.repeat(20_000)}\n`);
    const r = fedstudio(['validate', file]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}:9:253: nested more than 64 levels deep\n`,
    });
  });
});
