// Every command speaks JSON for scripts: `--format json`, or `--json` for short.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fedstudio } from '../test-support/cli.ts';

const COMMANDS = [
  ['templates'],
  ['new'],
  ['export'],
  ['validate'],
  ['rules'],
  ['lab', 'up'],
  ['lab', 'status'],
  ['lab', 'down'],
];
const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--format json on every command', () => {
  it.each(COMMANDS)('%s %s offers --format and --json', (...cmd) => {
    const help = fedstudio([...cmd.filter(Boolean), '--help']).stdout;
    expect(help).toContain('--format <format>');
    expect(help).toContain('--json');
  });

  it('new, validate and export answer JSON, with --json as the alias', () => {
    const file = path.join(dir, 'dc.topology.yaml');
    const created = fedstudio(['new', '--template', 'dc-federation', file, '--json']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({ created: file, template: 'dc-federation' });

    const checked = fedstudio(['validate', file, '--format', 'json']);
    expect(JSON.parse(checked.stdout)).toHaveProperty('findings');

    const out = path.join(dir, 'out');
    const exported = fedstudio(['export', file, '--out', out, '--json']);
    expect(exported.code).toBe(0);
    const r = JSON.parse(exported.stdout) as { outDir: string; written: number; vars: string[] };
    expect(r.outDir).toBe(out);
    expect(r.written).toBeGreaterThan(5);
    expect(Array.isArray(r.vars)).toBe(true);

    const rules = JSON.parse(fedstudio(['rules', '--json']).stdout) as { rules: unknown[] };
    expect(rules.rules.length).toBeGreaterThan(30);
    const list = JSON.parse(fedstudio(['templates', '--json']).stdout) as { templates: unknown[] };
    expect(list.templates.length).toBeGreaterThan(5);
  });
});
