// The Prometheus configuration reference's fields for the discovery Debian's promtool 2.42 is
// built without (kubernetes_sd_config, consul_sd_config; docs/configuration/configuration.md of
// Prometheus 2.x/3.x), so tests can hold such jobs to the reference where promtool cannot.

export const UNSUPPORTED_DISCOVERY = ['kubernetes_sd_configs', 'consul_sd_configs'] as const;

const HTTP_CLIENT = [
  'basic_auth',
  'authorization',
  'oauth2',
  'follow_redirects',
  'enable_http2',
  'tls_config',
  'proxy_url',
  'no_proxy',
  'proxy_from_environment',
  'proxy_connect_header',
];

const KUBERNETES_ROLES = ['endpoints', 'endpointslice', 'service', 'pod', 'node', 'ingress'];
const KUBERNETES_FIELDS = [
  'api_server',
  'role',
  'kubeconfig_file',
  'namespaces',
  'selectors',
  'attach_metadata',
  ...HTTP_CLIENT,
];
const CONSUL_FIELDS = [
  'server',
  'path_prefix',
  'token',
  'datacenter',
  'namespace',
  'partition',
  'scheme',
  'username',
  'password',
  'services',
  'tags',
  'node_meta',
  'tag_separator',
  'allow_stale',
  'refresh_interval',
  ...HTTP_CLIENT,
];
const AUTHORIZATION_FIELDS = ['type', 'credentials', 'credentials_file'];
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

type Obj = Record<string, unknown>;

const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

function unknownKeys(o: Obj, allowed: string[], where: string): string[] {
  return Object.keys(o)
    .filter((k) => !allowed.includes(k))
    .map((k) => `${where}: unknown field "${k}"`);
}

function kubernetes(c: Obj, where: string): string[] {
  const out = unknownKeys(c, KUBERNETES_FIELDS, where);
  if (!KUBERNETES_ROLES.includes(String(c.role))) out.push(`${where}: role "${String(c.role)}"`);
  if (c.namespaces !== undefined) {
    const ns = c.namespaces as Obj;
    out.push(...unknownKeys(ns, ['own_namespace', 'names'], `${where}.namespaces`));
    if (ns.names !== undefined && !isStringList(ns.names)) out.push(`${where}.namespaces.names`);
  }
  for (const [i, s] of ((c.selectors as Obj[] | undefined) ?? []).entries()) {
    out.push(...unknownKeys(s, ['role', 'label', 'field'], `${where}.selectors[${i}]`));
    if (!KUBERNETES_ROLES.includes(String(s.role))) out.push(`${where}.selectors[${i}].role`);
  }
  return out;
}

function consul(c: Obj, where: string): string[] {
  const out = unknownKeys(c, CONSUL_FIELDS, where);
  if (typeof c.server !== 'string' || !/^[^\s:]+:\d+$/.test(c.server)) out.push(`${where}.server`);
  for (const k of ['services', 'tags']) {
    if (c[k] !== undefined && !isStringList(c[k])) out.push(`${where}.${k}`);
  }
  if (
    c.refresh_interval !== undefined &&
    (typeof c.refresh_interval !== 'string' || !DURATION.test(c.refresh_interval))
  ) {
    out.push(`${where}.refresh_interval`);
  }
  if (c.authorization !== undefined) {
    const a = c.authorization as Obj;
    out.push(...unknownKeys(a, AUTHORIZATION_FIELDS, `${where}.authorization`));
    if (a.credentials !== undefined && a.credentials_file !== undefined) {
      out.push(`${where}.authorization: credentials and credentials_file are exclusive`);
    }
  }
  return out;
}

/** Problems of a job's Kubernetes and Consul discovery against the reference; empty when none. */
export function checkJobAgainstReference(job: Obj): string[] {
  const out: string[] = [];
  for (const [i, c] of ((job.kubernetes_sd_configs as Obj[] | undefined) ?? []).entries()) {
    out.push(...kubernetes(c, `kubernetes_sd_configs[${i}]`));
  }
  for (const [i, c] of ((job.consul_sd_configs as Obj[] | undefined) ?? []).entries()) {
    out.push(...consul(c, `consul_sd_configs[${i}]`));
  }
  return out;
}
