import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { amtoolCheckConfig, skipWithoutTool, withTree } from '../../test-support/tools.ts';
import { parseTopology } from '../design/parse.ts';
import { dumpAlertmanagerYaml } from './alertmanager-render.ts';
import {
  alertmanagerConfig,
  generateAlertmanager,
  inlinePlaceholder,
  secretRenderScript,
  webhookPlaceholder,
} from './alertmanager.ts';
import { createContext } from './context.ts';
import type { GeneratedPart, ServiceSpec } from './types.ts';

function design(nodes: string, edges = ''): string {
  return `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: am-test }
nodes:
${nodes}
edges:
${edges || '  []'}
`;
}

function generate(text: string): GeneratedPart {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return generateAlertmanager(createContext(parsed.topology));
}

function configOf(part: GeneratedPart, name = 'alertmanager'): Record<string, unknown> {
  const text = part.files[`alertmanager/${name}/alertmanager.yml`];
  if (text === undefined) throw new Error(`no config for ${name}`);
  return yaml.load(text) as Record<string, unknown>;
}

const FORMAT_EXAMPLE = design(`  - id: am
    kind: alertmanager
    name: alertmanager
    replicas: 2
    route: { groupBy: [alertname, datacenter], groupWait: 30s, groupInterval: 5m, repeatInterval: 4h }
    receivers:
      - name: oncall
        type: webhook
        url: \${ONCALL_WEBHOOK_URL}`);

const EVERY_RECEIVER = design(`  - id: am
    kind: alertmanager
    name: alertmanager
    route:
      receiver: hook
      groupBy: [alertname]
      routes:
        - { receiver: pages, matchers: ['severity="page"', 'team=~"infra|db"'], continue: true, groupBy: [instance] }
        - { receiver: mail, matchers: ['severity="ticket"'] }
    receivers:
      - { name: hook, type: webhook, url: "http://hooks.example.com/alert?a=1&b=2", sendResolved: false }
      - { name: hook-secret, type: webhook, url: "\${HOOK_URL}" }
      - { name: mail, type: email, to: "\${ONCALL_EMAIL}", from: am@example.com, smarthost: "smtp.example.com:587", authUsername: am, authPassword: "\${SMTP_PASSWORD}" }
      - { name: mail-bare, type: email, to: ops@example.com }
      - { name: chat, type: slack, url: "https://hooks.slack.com/services/T0/B0/XX", channel: "#alerts" }
      - { name: chat-secret, type: slack, url: "\${SLACK_URL}" }
      - { name: pages, type: pagerduty, routingKey: "\${PD_KEY}", url: "https://events.pagerduty.com/v2/enqueue" }`);

/** Meta-monitoring's Watchdog route, first in every config, and its null receiver. */
const WATCHDOG_ROUTE = {
  receiver: 'watchdog',
  matchers: ['alertname="Watchdog"'],
  group_wait: '0s',
  group_interval: '1m',
  repeat_interval: '1m',
};
const WATCHDOG_RECEIVER = { name: 'watchdog' };

function serviceNamed(part: GeneratedPart, name: string): ServiceSpec {
  const s = part.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}`);
  return s;
}

describe('alertmanager.yml', () => {
  it('writes the FORMAT.md example with a placeholder for the secret webhook URL', () => {
    const part = generate(FORMAT_EXAMPLE);
    expect(Object.keys(part.files)).toEqual(['alertmanager/alertmanager/alertmanager.yml']);
    const cfg = configOf(part);
    expect(cfg.route).toEqual({
      receiver: 'oncall',
      group_by: ['alertname', 'datacenter'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      routes: [WATCHDOG_ROUTE],
    });
    expect(cfg.receivers).toEqual([
      { name: 'oncall', webhook_configs: [{ url: webhookPlaceholder('ONCALL_WEBHOOK_URL') }] },
      WATCHDOG_RECEIVER,
    ]);
    // Double-quoted, so the URL the start script puts in its place stays one YAML string.
    expect(part.files['alertmanager/alertmanager/alertmanager.yml']).toContain(
      '- url: "http://fedstudio-secret.invalid/ONCALL_WEBHOOK_URL"\n',
    );
  });

  it('maps every receiver type, secrets to *_file fields and non-secret fields verbatim', () => {
    const cfg = configOf(generate(EVERY_RECEIVER));
    const byName = new Map(
      (cfg.receivers as { name: string }[]).map((r) => [r.name, r as Record<string, unknown>]),
    );
    expect(byName.get('hook')).toEqual({
      name: 'hook',
      webhook_configs: [{ url: 'http://hooks.example.com/alert?a=1&b=2', send_resolved: false }],
    });
    expect(byName.get('hook-secret')).toEqual({
      name: 'hook-secret',
      webhook_configs: [{ url: 'http://fedstudio-secret.invalid/HOOK_URL' }],
    });
    expect(byName.get('mail')).toEqual({
      name: 'mail',
      email_configs: [
        {
          to: inlinePlaceholder('ONCALL_EMAIL'),
          from: 'am@example.com',
          smarthost: 'smtp.example.com:587',
          auth_username: 'am',
          auth_password_file: '/run/secrets/SMTP_PASSWORD',
        },
      ],
    });
    expect(byName.get('mail-bare')).toEqual({
      name: 'mail-bare',
      email_configs: [
        { to: 'ops@example.com', from: 'alertmanager@localhost', smarthost: 'localhost:25' },
      ],
    });
    expect(byName.get('chat')).toEqual({
      name: 'chat',
      slack_configs: [{ api_url: 'https://hooks.slack.com/services/T0/B0/XX', channel: '#alerts' }],
    });
    expect(byName.get('chat-secret')).toEqual({
      name: 'chat-secret',
      slack_configs: [{ api_url_file: '/run/secrets/SLACK_URL' }],
    });
    expect(byName.get('pages')).toEqual({
      name: 'pages',
      pagerduty_configs: [
        {
          routing_key_file: '/run/secrets/PD_KEY',
          url: 'https://events.pagerduty.com/v2/enqueue',
        },
      ],
    });
    expect(cfg.route).toEqual({
      receiver: 'hook',
      group_by: ['alertname'],
      routes: [
        WATCHDOG_ROUTE,
        {
          receiver: 'pages',
          matchers: ['severity="page"', 'team=~"infra|db"'],
          continue: true,
          group_by: ['instance'],
        },
        { receiver: 'mail', matchers: ['severity="ticket"'] },
      ],
    });
  });

  it('writes a black-hole receiver for a node without receivers', () => {
    const cfg = configOf(
      generate(design('  - { id: am, kind: alertmanager, name: alertmanager }')),
    );
    expect(cfg).toEqual({
      route: { receiver: 'default', routes: [WATCHDOG_ROUTE] },
      receivers: [{ name: 'default' }, WATCHDOG_RECEIVER],
    });
  });

  it("routes the Watchdog to a receiver of the design named watchdog: the dead man's switch", () => {
    const cfg = configOf(
      generate(
        design(`  - id: am
    kind: alertmanager
    name: alertmanager
    receivers:
      - { name: oncall, type: webhook, url: "http://oncall.example/" }
      - { name: watchdog, type: webhook, url: "https://switch.example/ping" }`),
      ),
    );
    expect(cfg.route).toEqual({ receiver: 'oncall', routes: [WATCHDOG_ROUTE] });
    expect(cfg.receivers).toEqual([
      { name: 'oncall', webhook_configs: [{ url: 'http://oncall.example/' }] },
      { name: 'watchdog', webhook_configs: [{ url: 'https://switch.example/ping' }] },
    ]);
  });

  it('writes no Watchdog route or receiver with defaults.metaMonitoring: false', () => {
    const text = design('  - { id: am, kind: alertmanager, name: alertmanager }').replace(
      'nodes:\n',
      'defaults: { metaMonitoring: false }\nnodes:\n',
    );
    expect(configOf(generate(text))).toEqual({
      route: { receiver: 'default' },
      receivers: [{ name: 'default' }],
    });
  });

  it('keeps hostile receiver names and matchers as data', () => {
    const text = design(`  - id: am
    kind: alertmanager
    name: alertmanager
    route: { routes: [ { receiver: "x\\"y: z\\n- name: injected", matchers: ['a="{{ $x }}\\n"'] } ] }
    receivers:
      - { name: "x\\"y: z\\n- name: injected", type: webhook, url: "http://a.example/" }`);
    const cfg = configOf(generate(text));
    expect(cfg.receivers).toEqual([
      { name: 'x"y: z\n- name: injected', webhook_configs: [{ url: 'http://a.example/' }] },
      WATCHDOG_RECEIVER,
    ]);
    expect((cfg.route as { routes: unknown[] }).routes).toEqual([
      WATCHDOG_ROUTE,
      // Single-quoted in the design, so the backslash stays a backslash.
      { receiver: 'x"y: z\n- name: injected', matchers: ['a="{{ $x }}\\n"'] },
    ]);
  });
});

describe.skipIf(skipWithoutTool('amtool'))('amtool check-config accepts', () => {
  const cases: [string, string][] = [
    ['the FORMAT.md example', FORMAT_EXAMPLE],
    ['every receiver type with literal and ${VAR} values, and child routes', EVERY_RECEIVER],
    ['a node without receivers', design('  - { id: am, kind: alertmanager, name: alertmanager }')],
  ];
  for (const [what, text] of cases) {
    it(what, async () => {
      const part = generate(text);
      await withTree(part.files, (dir) => {
        const run = amtoolCheckConfig(path.join(dir, 'alertmanager/alertmanager/alertmanager.yml'));
        expect(run.output).toContain('SUCCESS');
        expect(run.ok).toBe(true);
      });
    });
  }
});

describe('alertmanager services', () => {
  it('meshes every replica with every other one, never itself', () => {
    const part = generate(
      design(`  - { id: am, kind: alertmanager, name: am, replicas: 3,
      receivers: [ { name: r, type: webhook, url: "http://x.example/" } ] }`),
    );
    const names = part.services.map((s) => s.name);
    expect(names).toEqual(['am-0', 'am-1', 'am-2']);
    for (const s of part.services) {
      const peers = (s.command ?? []).filter((a) => a.startsWith('--cluster.peer='));
      const others = names.filter((n) => n !== s.name).map((n) => `--cluster.peer=${n}:9094`);
      expect(peers).toEqual(others);
      expect(s.command).toContain('--cluster.listen-address=0.0.0.0:9094');
      expect(s.command).toContain('--config.file=/etc/alertmanager/alertmanager.yml');
      expect(s.entrypoint).toBeUndefined();
      expect(s.mounts).toEqual([{ source: 'alertmanager/am', target: '/etc/alertmanager' }]);
      expect(s.volumes).toEqual([{ name: `${s.name}-data`, target: '/alertmanager' }]);
      expect(s.ports).toEqual([{ container: 9093, name: 'web' }]);
      expect(s.health).toEqual({ type: 'http', port: 9093, path: '/-/ready' });
    }
  });

  it('turns clustering off for a single replica', () => {
    const part = generate(design('  - { id: am, kind: alertmanager, name: alertmanager }'));
    expect(part.services).toHaveLength(1);
    const cmd = serviceNamed(part, 'alertmanager').command ?? [];
    expect(cmd.some((a) => a.startsWith('--cluster.peer'))).toBe(false);
    expect(cmd).toContain('--cluster.listen-address=');
  });

  it('renders secret webhook URLs at start and mounts every secret', () => {
    const part = generate(EVERY_RECEIVER);
    const s = serviceNamed(part, 'alertmanager');
    expect(s.command).toBeUndefined();
    expect(s.secrets).toEqual(['HOOK_URL', 'ONCALL_EMAIL', 'PD_KEY', 'SLACK_URL', 'SMTP_PASSWORD']);
    const [sh, flag, script] = s.entrypoint ?? [];
    expect([sh, flag]).toEqual(['/bin/sh', '-c']);
    expect(script).toContain("'/run/secrets/HOOK_URL'");
    expect(script).toContain(
      "exec '/bin/alertmanager' '--config.file=/alertmanager/alertmanager.yml'",
    );
    // compose would interpolate a `$`; the script needs none.
    expect(script).not.toContain('$');
  });

  it('lists the FORMAT.md example webhook variable as a secret of every replica', () => {
    const part = generate(FORMAT_EXAMPLE);
    expect(part.services.map((s) => s.secrets)).toEqual([
      ['ONCALL_WEBHOOK_URL'],
      ['ONCALL_WEBHOOK_URL'],
    ]);
    expect(part.services[0]?.entrypoint?.[2]).toContain("'--cluster.peer=alertmanager-1:9094'");
  });

  it('depends on nothing it does not connect to', () => {
    const part = generate(design('  - { id: am, kind: alertmanager, name: alertmanager }'));
    expect(serviceNamed(part, 'alertmanager').dependsOn).toEqual([]);
  });
});

describe('secretRenderScript', () => {
  const { config } = alertmanagerConfig({
    id: 'am',
    kind: 'alertmanager',
    name: 'am',
    receivers: [
      { name: 'a', type: 'webhook', url: '${HOOK}' },
      { name: 'b', type: 'webhook', url: '${HOOK_2}' },
    ],
  });
  const template = dumpAlertmanagerYaml(config, true);

  it('replaces each placeholder with its secret file, sed-special characters included', async () => {
    const hook = 'https://hooks.example.com/x?a=1&b=2|c\\d';
    const hook2 = 'https://other.example.com/y?t=a&b';
    await withTree(
      { 'etc/alertmanager.yml': template, 'secrets/HOOK': `${hook}\n`, 'secrets/HOOK_2': hook2 },
      (dir) => {
        mkdirSync(path.join(dir, 'data'));
        const script = secretRenderScript({
          vars: ['HOOK', 'HOOK_2'],
          template: path.join(dir, 'etc/alertmanager.yml'),
          output: path.join(dir, 'data/alertmanager.yml'),
          secretsDir: path.join(dir, 'secrets'),
          exec: ['cat', path.join(dir, 'data/alertmanager.yml')],
        });
        const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        if (!skipWithoutTool('amtool')) {
          expect(amtoolCheckConfig(path.join(dir, 'data/alertmanager.yml')).ok).toBe(true);
        }
        const rendered = yaml.load(run.stdout) as { receivers: unknown[] };
        expect(rendered.receivers).toEqual([
          { name: 'a', webhook_configs: [{ url: hook }] },
          { name: 'b', webhook_configs: [{ url: hook2 }] },
          WATCHDOG_RECEIVER,
        ]);
      },
    );
  });

  it('refuses to start when a secret file is missing', async () => {
    await withTree({ 'etc/alertmanager.yml': template }, (dir) => {
      const out = path.join(dir, 'out.yml');
      const script = secretRenderScript({
        vars: ['HOOK'],
        template: path.join(dir, 'etc/alertmanager.yml'),
        output: out,
        secretsDir: path.join(dir, 'secrets'),
        exec: ['echo', 'started'],
      });
      const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('missing secret file');
      expect(run.stdout).not.toContain('started');
    });
  });

  it('quotes paths and arguments for sh', async () => {
    await withTree({ "it's/alertmanager.yml": 'route: {}\n' }, (dir) => {
      writeFileSync(path.join(dir, 'x'), '');
      const script = secretRenderScript({
        vars: [],
        template: path.join(dir, "it's/alertmanager.yml"),
        output: path.join(dir, "it's/out.yml"),
        secretsDir: dir,
        exec: ['echo', "a b'c"],
      });
      const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe("a b'c\n");
    });
  });
});
