// `${VAR}` inside longer Alertmanager values: the config the container renders at start (and the
// lab renders on the host) is the one Alertmanager gets, so that is what amtool must accept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { amtoolCheckConfig, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { planLab } from '../lab/plan.ts';
import { renderLabFiles } from '../lab/render.ts';
import { parseTopology } from '../design/parse.ts';
import { inlinePlaceholder, secretRenderScript } from './alertmanager-render.ts';
import { generateExport } from './index.ts';

const DESIGN = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: partial-vars }
nodes:
  - id: am
    kind: alertmanager
    name: am
    route: { receiver: team-hook }
    receivers:
      - { name: team-hook, type: webhook, url: "https://hooks.example.com/\${TEAM}/alert?env=\${ENV}" }
      - { name: whole-hook, type: webhook, url: "\${HOOK_URL}" }
      - { name: chat, type: slack, url: "https://hooks.slack.com/services/\${SLACK_PATH}", channel: "#\${CHANNEL}" }
      - { name: mail, type: email, to: "\${TEAM}@example.com", smarthost: "\${SMTP_HOST}:587" }
`;

function exported() {
  const parsed = parseTopology(DESIGN);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { topology: parsed.topology, result: generateExport(parsed.topology) };
}

const TEMPLATE = 'alertmanager/am/alertmanager.yml';

/** Sample values; CHANNEL is hostile: quotes, sed and shell syntax, all of it data. */
const VALUES: Record<string, string> = {
  TEAM: ' payments  ',
  ENV: 'prod&x=1|y',
  HOOK_URL: 'https://hooks.example.com/whole\n',
  SLACK_PATH: 'T000/B000/abc',
  CHANNEL: `al"e\\rts' $(touch pwned) \`touch pwned\``,
  SMTP_HOST: 'smtp.example.com',
};

interface Rendered {
  receivers: {
    name: string;
    webhook_configs?: { url: string }[];
    slack_configs?: { api_url: string; channel: string }[];
    email_configs?: { to: string; smarthost: string }[];
  }[];
}

function expectFilledIn(config: Rendered): void {
  const by = new Map(config.receivers.map((r) => [r.name, r]));
  expect(by.get('team-hook')?.webhook_configs?.[0]?.url).toBe(
    'https://hooks.example.com/payments/alert?env=prod&x=1|y',
  );
  expect(by.get('whole-hook')?.webhook_configs?.[0]?.url).toBe('https://hooks.example.com/whole');
  expect(by.get('chat')?.slack_configs?.[0]).toEqual({
    api_url: 'https://hooks.slack.com/services/T000/B000/abc',
    channel: `#${VALUES.CHANNEL}`,
  });
  expect(by.get('mail')?.email_configs?.[0]).toMatchObject({
    to: 'payments@example.com',
    smarthost: 'smtp.example.com:587',
  });
}

describe('${VAR} inside longer Alertmanager values', () => {
  it('is a placeholder in the template, mounted as a secret file and asked for in .env.example', () => {
    const { result } = exported();
    const template = result.files[TEMPLATE] ?? '';
    expect(template).not.toContain('${');
    expect(template).toContain(`"https://hooks.example.com/${inlinePlaceholder('TEAM')}/alert`);
    const am = result.services.find((s) => s.name === 'am');
    expect(am?.secretRender?.inline).toEqual(['CHANNEL', 'ENV', 'SLACK_PATH', 'SMTP_HOST', 'TEAM']);
    expect(am?.secretRender?.vars).toEqual(['HOOK_URL']);
    expect(am?.secrets).toEqual(['CHANNEL', 'ENV', 'HOOK_URL', 'SLACK_PATH', 'SMTP_HOST', 'TEAM']);
    for (const v of Object.keys(VALUES)) {
      expect(result.files['.env.example']).toMatch(new RegExp(`^${v}=$`, 'm'));
      expect(result.files['scripts/write-secrets.sh']).toContain(`write_secret ${v}\n`);
    }
  });

  it('is filled in by the start script, without running anything a value holds', async () => {
    const { result } = exported();
    const plan = result.services.find((s) => s.name === 'am')?.secretRender;
    if (!plan) throw new Error('no render plan');
    const secrets = Object.fromEntries(Object.entries(VALUES).map(([k, v]) => [`secrets/${k}`, v]));
    await withTree({ 'etc/alertmanager.yml': result.files[TEMPLATE] ?? '', ...secrets }, (dir) => {
      mkdirSync(path.join(dir, 'data'));
      const output = path.join(dir, 'data/alertmanager.yml');
      const script = secretRenderScript({
        ...plan,
        template: path.join(dir, 'etc/alertmanager.yml'),
        output,
        secretsDir: path.join(dir, 'secrets'),
        exec: ['true'],
      });
      expect(script).not.toContain('$');
      const run = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
      expectFilledIn(yaml.load(readFileSync(output, 'utf8')) as Rendered);
      if (!skipWithoutTool('amtool')) {
        const check = amtoolCheckConfig(output);
        expect(check.output).toContain('SUCCESS');
        expect(check.ok).toBe(true);
      }
    });
  });

  it('is filled in alike by the lab, on the host', async () => {
    const { topology } = exported();
    const plan = planLab(topology);
    expect(plan.vars.filter((v) => v.kind === 'url').map((v) => v.name)).toEqual(['HOOK_URL']);
    const files = renderLabFiles(plan, VALUES);
    const [file, text] = Object.entries(files)[0] ?? ['', ''];
    expectFilledIn(yaml.load(text) as Rendered);
    if (!skipWithoutTool('amtool')) {
      await withTree({ [file]: text }, (dir) => {
        expect(amtoolCheckConfig(path.join(dir, file)).ok).toBe(true);
      });
    }
  });
});
