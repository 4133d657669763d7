// Alertmanager nodes -> an `Alertmanager` (its replicas form one gossip cluster, run by the
// operator) and the `AlertmanagerConfig` it uses as its whole configuration: the design's route
// tree and receivers, with every secret read from the design's Secret.
import type { z } from 'zod';
import { SINGLE_VAR_REF } from '../../model/primitives.ts';
import type { ChildRoute, NodeOf, Receiver } from '../../model/schema.ts';
import type { GenerateContext } from '../context.ts';
import { metaMonitoringOn, WATCHDOG_ALERT, WATCHDOG_RECEIVER } from '../meta-monitoring.ts';
import {
  labelsOf,
  manifest,
  OPERATOR_API,
  OPERATOR_API_ALPHA,
  secretKeyRef,
  type KubernetesNaming,
  type Manifest,
} from './meta.ts';
import { alertmanagerServiceName, operatorPodName } from './prometheus.ts';
import { instanceService } from './workloads.ts';

type AlertmanagerNode = NodeOf<'alertmanager'>;
type ChildRouteT = z.output<typeof ChildRoute>;

const WEB_PORT = 9093;
const BLACK_HOLE = 'default';
const DEFAULT_SMARTHOST = 'localhost:25';
const DEFAULT_FROM = 'alertmanager@localhost';

/** `name="value"`, `name=~"re"`, ...: Alertmanager's matcher syntax, as the CRD's objects. */
export function parseMatcher(text: string): { name: string; value: string; matchType: string } {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/.exec(text);
  if (!m?.[1] || !m[2] || m[3] === undefined)
    throw new Error(`matcher "${text}" is not name<op>value`);
  let value = m[3];
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    value = JSON.parse(value) as string;
  }
  return { name: m[1], matchType: m[2], value };
}

function secretVar(value: string | undefined): string | undefined {
  return value === undefined ? undefined : SINGLE_VAR_REF.exec(value)?.[1];
}

/** Literal values the CRD only takes from a Secret (a Slack URL written in the design). */
export interface LiteralSecret {
  key: string;
  value: string;
}

function receiver(
  r: Receiver,
  naming: KubernetesNaming,
  used: Set<string>,
  literals: LiteralSecret[],
  nodeName: string,
): Record<string, unknown> {
  const ref = (variable: string) => {
    used.add(variable);
    return secretKeyRef(naming, variable);
  };
  const resolved = r.sendResolved === undefined ? {} : { sendResolved: r.sendResolved };
  switch (r.type) {
    case 'webhook': {
      const v = secretVar(r.url);
      return {
        name: r.name,
        webhookConfigs: [{ ...(v ? { urlSecret: ref(v) } : { url: r.url }), ...resolved }],
      };
    }
    case 'email': {
      const v = secretVar(r.authPassword);
      return {
        name: r.name,
        emailConfigs: [
          {
            to: r.to,
            from: r.from ?? DEFAULT_FROM,
            smarthost: r.smarthost ?? DEFAULT_SMARTHOST,
            ...(r.authUsername !== undefined ? { authUsername: r.authUsername } : {}),
            ...(v ? { authPassword: ref(v) } : {}),
            ...resolved,
          },
        ],
      };
    }
    case 'slack': {
      const v = secretVar(r.url);
      let apiURL: { name: string; key: string };
      if (v) apiURL = ref(v);
      else {
        const key = `${nodeName}-${r.name}-slack-url`.replace(/[^-._a-zA-Z0-9]/g, '_');
        literals.push({ key, value: r.url });
        apiURL = { name: literalSecretName(nodeName), key };
      }
      return {
        name: r.name,
        slackConfigs: [
          { apiURL, ...(r.channel !== undefined ? { channel: r.channel } : {}), ...resolved },
        ],
      };
    }
    case 'pagerduty': {
      const v = secretVar(r.routingKey);
      return {
        name: r.name,
        pagerdutyConfigs: [
          {
            ...(v ? { routingKey: ref(v) } : {}),
            ...(r.url !== undefined ? { url: r.url } : {}),
            ...resolved,
          },
        ],
      };
    }
  }
}

export function literalSecretName(nodeName: string): string {
  return `${nodeName}-receiver-urls`;
}

function childRoute(c: ChildRouteT): Record<string, unknown> {
  return {
    receiver: c.receiver,
    matchers: c.matchers.map(parseMatcher),
    ...(c.continue !== undefined ? { continue: c.continue } : {}),
    ...(c.groupBy !== undefined ? { groupBy: c.groupBy } : {}),
  };
}

export function alertmanagerManifests(
  ctx: GenerateContext,
  node: AlertmanagerNode,
  naming: KubernetesNaming,
  used: Set<string>,
): Manifest[] {
  const labels = labelsOf(naming, node);
  const receivers = node.receivers ?? [];
  const route = node.route ?? {};
  const literals: LiteralSecret[] = [];
  const configName = `${node.name}-config`;
  const watchdog = metaMonitoringOn(ctx.topology);
  const routes = [
    ...(watchdog
      ? [
          {
            receiver: WATCHDOG_RECEIVER,
            matchers: [parseMatcher(`alertname="${WATCHDOG_ALERT}"`)],
            groupWait: '0s',
            groupInterval: '1m',
            repeatInterval: '1m',
          },
        ]
      : []),
    ...(route.routes ?? []).map(childRoute),
  ];
  const config = manifest(OPERATOR_API_ALPHA, 'AlertmanagerConfig', configName, labels, {
    spec: {
      route: {
        receiver: route.receiver ?? receivers[0]?.name ?? BLACK_HOLE,
        ...(route.groupBy !== undefined ? { groupBy: route.groupBy } : {}),
        ...(route.groupWait !== undefined ? { groupWait: route.groupWait } : {}),
        ...(route.groupInterval !== undefined ? { groupInterval: route.groupInterval } : {}),
        ...(route.repeatInterval !== undefined ? { repeatInterval: route.repeatInterval } : {}),
        ...(routes.length > 0 ? { routes } : {}),
      },
      receivers: [
        ...(receivers.length > 0
          ? receivers.map((r) => receiver(r, naming, used, literals, node.name))
          : [{ name: BLACK_HOLE }]),
        // The Watchdog's null receiver, unless the design plugs its own in (alertmanager.ts).
        ...(watchdog && !receivers.some((r) => r.name === WATCHDOG_RECEIVER)
          ? [{ name: WATCHDOG_RECEIVER }]
          : []),
      ],
    },
  });
  const instances = ctx.instances(node);
  const alertmanager = manifest(OPERATOR_API, 'Alertmanager', node.name, labels, {
    spec: {
      image: ctx.image('alertmanager'),
      replicas: instances.length,
      // The config above is the whole configuration, not a namespace-scoped part of one.
      alertmanagerConfiguration: { name: configName },
    },
  });
  const podSelector = { alertmanager: node.name };
  return [
    alertmanager,
    config,
    ...(literals.length > 0
      ? [
          manifest('v1', 'Secret', literalSecretName(node.name), labels, {
            type: 'Opaque',
            stringData: Object.fromEntries(literals.map((l) => [l.key, l.value])),
          }),
        ]
      : []),
    instanceService(alertmanagerServiceName(node.name), labels, podSelector, [
      { name: 'web', port: WEB_PORT },
    ]),
    ...instances.map((i) =>
      instanceService(
        i.name,
        labels,
        { 'statefulset.kubernetes.io/pod-name': operatorPodName('alertmanager', node.name, i) },
        [{ name: 'web', port: WEB_PORT }],
      ),
    ),
  ];
}
