import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  chmodSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fedstudio } from '../test-support/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'fedstudio-cli-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const design = (name: string, count: number) => `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${name} }
nodes:
  - { id: p, kind: prometheus, name: prom, externalLabels: { dc: a } }
  - { id: t, kind: targets, name: node, exporter: node-exporter, count: ${count} }
edges:
  - { id: e, kind: scrape, from: p, to: t }
`;
const file = path.join(work, 'small.topology.yaml');
writeFileSync(file, design('small', 2));

/** Exit 2 with one line on stderr: the reason, no stack, no "internal error". */
function expectUnusable(r: ReturnType<typeof fedstudio>, reason: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('fedstudio export', () => {
  it("writes beside a folder's own files with --force, and a plain re-export leaves them alone", () => {
    const home = path.join(work, 'home');
    mkdirSync(path.join(home, '.ssh'), { recursive: true });
    writeFileSync(path.join(home, '.bashrc'), 'alias ll="ls -l"\n');
    writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'PRIVATE\n');
    writeFileSync(path.join(home, 'README.md'), 'my readme\n');
    chmodSync(home, 0o700);
    const forced = fedstudio(['export', file, '--out', home, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(
      'replaced (not written by fedstudio, or edited since): README.md',
    );
    expect(forced.stdout).toContain('kept as they were: .bashrc, .ssh');
    const renamed = path.join(work, 'renamed.topology.yaml');
    writeFileSync(renamed, design('renamed', 3));
    const again = fedstudio(['export', renamed, '--out', home]);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(path.join(home, '.ssh', 'id_ed25519'), 'utf8')).toBe('PRIVATE\n');
    expect(readFileSync(path.join(home, '.bashrc'), 'utf8')).toBe('alias ll="ls -l"\n');
    expect(readFileSync(path.join(home, 'topology.yaml'), 'utf8')).toContain('renamed');
    expect(statSync(home).mode & 0o777).toBe(0o700);
  });

  it('writes into the folder a symbolic link --out points to, keeping the link', () => {
    const real = path.join(work, 'real');
    mkdirSync(real);
    const link = path.join(work, 'link');
    symlinkSync(real, link);
    const r = fedstudio(['export', file, '--out', link]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`into ${link} (-> ${real})`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(existsSync(path.join(real, 'docker-compose.yml'))).toBe(true);
  });

  it('exits 2 with the reason for a dangling link, a file, or a folder under a file', () => {
    const dangling = path.join(work, 'dangling');
    symlinkSync(path.join(work, 'nowhere'), dangling);
    expectUnusable(fedstudio(['export', file, '--out', dangling]), /does not exist/);
    expect(readlinkSync(dangling)).toBe(path.join(work, 'nowhere'));
    const plain = path.join(work, 'plain-file');
    writeFileSync(plain, 'x');
    expectUnusable(fedstudio(['export', file, '--out', plain, '--force']), /is not a folder/);
    expectUnusable(
      fedstudio(['export', file, '--out', path.join(plain, 'out')]),
      new RegExp(`${plain} is a file, not a folder`),
    );
    expect(readFileSync(plain, 'utf8')).toBe('x');
  });
});
