// Every command speaks JSON for scripts: `--format json`, or `--json` for short.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('validate speaks to CI', () => {
  const design = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const HEAD = 'apiVersion: fedstudio/v1\nkind: Topology\nmetadata:\n  name: ci\n';
  const EVERYTHING =
    HEAD +
    'nodes:\n  - { id: global, kind: prometheus, name: global }\n  - { id: leaf, kind: prometheus, name: leaf }\n' +
    'edges:\n  - id: fed\n    kind: federate\n    from: global\n    to: leaf\n    match: [\'{__name__=~".+"}\']\n';

  it('--format sarif gives a SARIF 2.1.0 log with each finding at its line', () => {
    const file = design('sarif.topology.yaml', EVERYTHING);
    const r = fedstudio(['validate', file, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { region?: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('fedstudio');
    expect(run.tool.driver.rules.map((x) => x.id)).toContain('fed-match-everything');
    const hit = run.results.find((x) => x.ruleId === 'fed-match-everything');
    expect(hit?.level).toBe('error');
    expect(hit?.locations[0]?.physicalLocation.region?.startLine).toBe(9);
  });

  it('--format github prints workflow annotations, and parse errors become annotations too', () => {
    const file = design('gh.topology.yaml', EVERYTHING);
    const r = fedstudio(['validate', file, '--format', 'github']);
    expect(r.stdout).toMatch(
      new RegExp(
        `^::error file=${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=9,col=5,title=fed-match-everything::`,
        'm',
      ),
    );
    const broken = design(
      'broken.topology.yaml',
      HEAD + 'nodes:\n  - { id: a, kind: prometheus }\n',
    );
    const b = fedstudio(['validate', broken, '--format', 'github']);
    expect(b.code).toBe(2);
    expect(b.stdout).toMatch(
      /^::error file=.*broken\.topology\.yaml,line=6,col=\d+,title=design-invalid::/m,
    );
  });
});
