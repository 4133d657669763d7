// Alertmanager nodes -> one alertmanager.yml per node (its replicas share it) and one container per
// replica, fully meshed on the gossip port so that the replicas form one cluster (RULES.md).
import { ALERTMANAGER_CLUSTER_PORT, NODE_KINDS } from '../kinds/index.ts';
import { SINGLE_VAR_REF } from '../model/primitives.ts';
import type { NodeOf, Receiver } from '../model/schema.ts';
import {
  dumpAlertmanagerYaml,
  secretRenderScript,
  webhookPlaceholder,
  withInlinePlaceholders,
  type SecretRenderPlan,
} from './alertmanager-render.ts';
import type { GenerateContext } from './context.ts';
import { metaMonitoringOn, WATCHDOG_ALERT, WATCHDOG_RECEIVER } from './meta-monitoring.ts';
import type { FileTree, GeneratedPart, ServiceSpec } from './types.ts';

export {
  inlinePlaceholder,
  secretRenderScript,
  webhookPlaceholder,
} from './alertmanager-render.ts';

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
 * Secrets a config needs: files for `*_file` fields, whole webhook URLs rendered at start, and
 * variables inside longer values (`https://hooks.example.com/${TEAM}/alert`), also rendered.
 */
interface Secrets {
  files: Set<string>;
  webhookUrls: Set<string>;
  inline: Set<string>;
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

/**
 * Meta-monitoring's Watchdog alert goes to its own receiver, first, and nowhere else; without a
 * receiver of the design by that name it is a null one, ready to be given a URL.
 */
const WATCHDOG_ROUTE = {
  receiver: WATCHDOG_RECEIVER,
  matchers: [`alertname="${WATCHDOG_ALERT}"`],
  // The switch service expects a steady beat: notify at once, then every minute.
  group_wait: '0s',
  group_interval: '1m',
  repeat_interval: '1m',
};

/** The alertmanager.yml of one node, as an object, and the secrets it reads. */
export function alertmanagerConfig(
  node: AlertmanagerNode,
  metaMonitoring = true,
): {
  config: Record<string, unknown>;
  secrets: Secrets;
} {
  const secrets: Secrets = { files: new Set(), webhookUrls: new Set(), inline: new Set() };
  const receivers = node.receivers ?? [];
  const route = node.route ?? {};
  const receiver = route.receiver ?? receivers[0]?.name ?? BLACK_HOLE;
  const designRoutes = (route.routes ?? []).map((c) => ({
    receiver: c.receiver,
    matchers: c.matchers,
    ...(c.continue !== undefined ? { continue: c.continue } : {}),
    ...(c.groupBy !== undefined ? { group_by: c.groupBy } : {}),
  }));
  const routes = metaMonitoring ? [WATCHDOG_ROUTE, ...designRoutes] : designRoutes;
  const designReceivers =
    receivers.length > 0
      ? receivers.map((r) => receiverConfig(r, secrets))
      : [{ name: BLACK_HOLE }];
  const watchdogPlugged = receivers.some((r) => r.name === WATCHDOG_RECEIVER);
  const allReceivers =
    metaMonitoring && !watchdogPlugged
      ? [...designReceivers, { name: WATCHDOG_RECEIVER }]
      : designReceivers;
  const design = {
    route: {
      receiver,
      ...(route.groupBy !== undefined ? { group_by: route.groupBy } : {}),
      ...(route.groupWait !== undefined ? { group_wait: route.groupWait } : {}),
      ...(route.groupInterval !== undefined ? { group_interval: route.groupInterval } : {}),
      ...(route.repeatInterval !== undefined ? { repeat_interval: route.repeatInterval } : {}),
      ...(routes.length > 0 ? { routes } : {}),
    },
    receivers: allReceivers,
  };
  // Alertmanager expands no environment: every other `${VAR}` is filled in at start as well.
  const config = withInlinePlaceholders(design, secrets.inline);
  for (const v of secrets.inline) secrets.files.add(v);
  return { config, secrets };
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
    secrets.webhookUrls.size > 0 || secrets.inline.size > 0
      ? {
          vars: [...secrets.webhookUrls].sort(),
          ...(secrets.inline.size > 0 ? { inline: [...secrets.inline].sort() } : {}),
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
    health: NODE_KINDS.alertmanager.health,
    dependsOn: ctx.dependsOn(node.id),
  };
}

export function generateAlertmanager(ctx: GenerateContext): GeneratedPart {
  const files: FileTree = {};
  const services: ServiceSpec[] = [];
  for (const node of ctx.nodesOfKind('alertmanager')) {
    const { config, secrets } = alertmanagerConfig(node, metaMonitoringOn(ctx.topology));
    files[`${alertmanagerConfigDir(node)}/alertmanager.yml`] = dumpAlertmanagerYaml(
      config,
      secrets.webhookUrls.size > 0 || secrets.inline.size > 0,
    );
    const names = ctx.instances(node).map((i) => i.name);
    for (const name of names) {
      const peers = names.length > 1 ? names.filter((n) => n !== name) : [];
      services.push(alertmanagerService(ctx, node, name, peers, secrets));
    }
  }
  return { files, services };
}
