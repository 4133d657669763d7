// Alertmanager nodes -> one alertmanager.yml per node (its replicas share it) and one container per
// replica, fully meshed on the gossip port so that the replicas form one cluster (RULES.md).
import yaml from 'js-yaml';
import { ALERTMANAGER_CLUSTER_PORT, NODE_KIND_SPECS } from '../catalog/node-kinds.ts';
import { SINGLE_VAR_REF } from '../model/primitives.ts';
import type { NodeOf, Receiver } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import type { FileTree, GeneratedPart, ServiceSpec } from './types.ts';

type AlertmanagerNode = NodeOf<'alertmanager'>;

const CONFIG_DIR = '/etc/alertmanager';
const DATA_DIR = '/alertmanager';
const WEB_PORT = 9093;
const SECRETS_DIR = '/run/secrets';
/** Receiver of a node without receivers: it drops every alert, but the config loads. */
const BLACK_HOLE = 'default';
/** Email needs a smarthost and a sender; these stand in when the design names none. */
const DEFAULT_SMARTHOST = 'localhost:25';
const DEFAULT_FROM = 'alertmanager@localhost';

/** Where a node's config lives in the export; mounted at /etc/alertmanager. */
export function alertmanagerConfigDir(node: AlertmanagerNode): string {
  return `alertmanager/${node.name}`;
}

/**
 * A valid URL that stands for a secret webhook URL in alertmanager.yml. Alertmanager 0.25 has no
 * `url_file` for webhooks and expands no environment, so the container replaces it at start.
 */
export function webhookPlaceholder(varName: string): string {
  return `http://fedstudio-secret.invalid/${varName}`;
}

/** Secrets a config needs: files for `*_file` fields, and webhook URLs rendered at start. */
interface Secrets {
  files: Set<string>;
  webhookUrls: Set<string>;
}

function secretVar(value: string | undefined): string | undefined {
  return value === undefined ? undefined : SINGLE_VAR_REF.exec(value)?.[1];
}

function sendResolved(r: { sendResolved?: boolean }): Record<string, boolean> {
  return r.sendResolved === undefined ? {} : { send_resolved: r.sendResolved };
}

function receiverConfig(r: Receiver, secrets: Secrets): Record<string, unknown> {
  switch (r.type) {
    case 'webhook': {
      const v = secretVar(r.url);
      if (v !== undefined) {
        secrets.files.add(v);
        secrets.webhookUrls.add(v);
      }
      const url = v === undefined ? r.url : webhookPlaceholder(v);
      return { name: r.name, webhook_configs: [{ url, ...sendResolved(r) }] };
    }
    case 'email': {
      const password = secretVar(r.authPassword);
      if (password !== undefined) secrets.files.add(password);
      const email = {
        to: r.to,
        from: r.from ?? DEFAULT_FROM,
        smarthost: r.smarthost ?? DEFAULT_SMARTHOST,
        ...(r.authUsername !== undefined ? { auth_username: r.authUsername } : {}),
        ...(password !== undefined ? { auth_password_file: `${SECRETS_DIR}/${password}` } : {}),
        ...sendResolved(r),
      };
      return { name: r.name, email_configs: [email] };
    }
    case 'slack': {
      const v = secretVar(r.url);
      if (v !== undefined) secrets.files.add(v);
      const slack = {
        ...(v === undefined ? { api_url: r.url } : { api_url_file: `${SECRETS_DIR}/${v}` }),
        ...(r.channel !== undefined ? { channel: r.channel } : {}),
        ...sendResolved(r),
      };
      return { name: r.name, slack_configs: [slack] };
    }
    case 'pagerduty': {
      const v = secretVar(r.routingKey);
      if (v !== undefined) secrets.files.add(v);
      const pd = {
        ...(v === undefined
          ? { routing_key: r.routingKey }
          : { routing_key_file: `${SECRETS_DIR}/${v}` }),
        ...(r.url !== undefined ? { url: r.url } : {}),
        ...sendResolved(r),
      };
      return { name: r.name, pagerduty_configs: [pd] };
    }
  }
}

/** The alertmanager.yml of one node, as an object, and the secrets it reads. */
export function alertmanagerConfig(node: AlertmanagerNode): {
  config: Record<string, unknown>;
  secrets: Secrets;
} {
  const secrets: Secrets = { files: new Set(), webhookUrls: new Set() };
  const receivers = node.receivers ?? [];
  const route = node.route ?? {};
  const receiver = route.receiver ?? receivers[0]?.name ?? BLACK_HOLE;
  const config = {
    route: {
      receiver,
      ...(route.groupBy !== undefined ? { group_by: route.groupBy } : {}),
      ...(route.groupWait !== undefined ? { group_wait: route.groupWait } : {}),
      ...(route.groupInterval !== undefined ? { group_interval: route.groupInterval } : {}),
      ...(route.repeatInterval !== undefined ? { repeat_interval: route.repeatInterval } : {}),
      ...(route.routes !== undefined && route.routes.length > 0
        ? {
            routes: route.routes.map((c) => ({
              receiver: c.receiver,
              matchers: c.matchers,
              ...(c.continue !== undefined ? { continue: c.continue } : {}),
              ...(c.groupBy !== undefined ? { group_by: c.groupBy } : {}),
            })),
          }
        : {}),
    },
    receivers:
      receivers.length > 0
        ? receivers.map((r) => receiverConfig(r, secrets))
        : [{ name: BLACK_HOLE }],
  };
  return { config, secrets };
}

/** Quotes one word for sh. */
function shQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface SecretRenderPlan {
  /** Variables whose secret files replace webhookPlaceholder(VAR) in the template. */
  vars: string[];
  template: string;
  output: string;
  secretsDir: string;
  /** The program and arguments to exec once the config is written. */
  exec: string[];
}

/**
 * An sh script that writes `template` to `output` with each webhook placeholder replaced by the
 * content of its secret file, then execs the program. It holds no `$` at all, so compose's
 * interpolation cannot touch it whether or not the compose writer escapes `$`. Whitespace is
 * stripped from each secret (a URL has none; a trailing newline is common), so the value stays a
 * single plain YAML scalar; `\`, `&` and the `|` delimiter are escaped for sed.
 */
export function secretRenderScript(plan: SecretRenderPlan): string {
  const sedFile = `${plan.output}.sed`;
  // Longest names first: the placeholder of A is a prefix of the placeholder of AB.
  const vars = [...new Set(plan.vars)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const lines = ['set -e', 'umask 077', `: > ${shQuote(sedFile)}`];
  for (const v of vars) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) throw new Error(`"${v}" is not a variable name`);
    const file = shQuote(`${plan.secretsDir}/${v}`);
    const pattern = webhookPlaceholder(v).replace(/\./g, '\\\\.');
    lines.push(
      `test -r ${file} || { echo ${shQuote(`missing secret file ${plan.secretsDir}/${v}`)} >&2; exit 1; }`,
      `{ tr -d ' \\t\\r\\n' < ${file}; echo; } | sed -e 's/[\\\\&|]/\\\\&/g' -e 's#^#s|${pattern}|#' -e 's#.*#&|g#' >> ${shQuote(sedFile)}`,
    );
  }
  lines.push(
    `sed -f ${shQuote(sedFile)} ${shQuote(plan.template)} > ${shQuote(plan.output)}`,
    `rm -f ${shQuote(sedFile)}`,
    `exec ${plan.exec.map(shQuote).join(' ')}`,
  );
  return lines.join('\n');
}

function alertmanagerService(
  ctx: GenerateContext,
  node: AlertmanagerNode,
  instanceName: string,
  peers: string[],
  secrets: Secrets,
): ServiceSpec {
  const flags = (configFile: string) => [
    `--config.file=${configFile}`,
    `--storage.path=${DATA_DIR}`,
    `--web.listen-address=:${WEB_PORT}`,
    ...(peers.length > 0
      ? [
          `--cluster.listen-address=0.0.0.0:${ALERTMANAGER_CLUSTER_PORT}`,
          ...peers.map((p) => `--cluster.peer=${p}:${ALERTMANAGER_CLUSTER_PORT}`),
        ]
      : // A lone replica gossips with nobody: an empty address turns clustering off.
        ['--cluster.listen-address=']),
  ];
  const template = `${CONFIG_DIR}/alertmanager.yml`;
  const render: SecretRenderPlan | undefined =
    secrets.webhookUrls.size > 0
      ? {
          vars: [...secrets.webhookUrls].sort(),
          template,
          output: `${DATA_DIR}/alertmanager.yml`,
          secretsDir: SECRETS_DIR,
          exec: ['/bin/alertmanager', ...flags(`${DATA_DIR}/alertmanager.yml`)],
        }
      : undefined;
  const launch = render
    ? { entrypoint: ['/bin/sh', '-c', secretRenderScript(render)], secretRender: render }
    : { command: flags(template) };
  return {
    name: instanceName,
    nodeId: node.id,
    imageKey: 'alertmanager',
    image: ctx.image('alertmanager'),
    ...launch,
    mounts: [{ source: alertmanagerConfigDir(node), target: CONFIG_DIR }],
    volumes: [{ name: `${instanceName}-data`, target: DATA_DIR }],
    ...(secrets.files.size > 0 ? { secrets: [...secrets.files].sort() } : {}),
    ports: [{ container: WEB_PORT, name: 'web' }],
    health: NODE_KIND_SPECS.alertmanager.health,
    dependsOn: ctx.dependsOn(node.id),
  };
}

export function generateAlertmanager(ctx: GenerateContext): GeneratedPart {
  const files: FileTree = {};
  const services: ServiceSpec[] = [];
  for (const node of ctx.nodesOfKind('alertmanager')) {
    const { config, secrets } = alertmanagerConfig(node);
    files[`${alertmanagerConfigDir(node)}/alertmanager.yml`] = yaml.dump(config, {
      lineWidth: -1,
      noRefs: true,
      quotingType: '"',
    });
    const names = ctx.instances(node).map((i) => i.name);
    for (const name of names) {
      const peers = names.length > 1 ? names.filter((n) => n !== name) : [];
      services.push(alertmanagerService(ctx, node, name, peers, secrets));
    }
  }
  return { files, services };
}
