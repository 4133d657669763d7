// How a targets node's targets are found in production. Without `discovery` the export uses
// `file`: a real file_sd job whose targets file is the one thing to fill in.
import { z } from 'zod';
import { Duration, LabelName, Port, SecretRef } from './primitives.ts';
import { HostPort } from './fields.ts';

const names = (what: string) =>
  z
    .array(z.string().min(1))
    .min(1, { message: `needs at least one ${what}` })
    .max(100, { message: `at most 100 ${what}s` });

const refresh = { refreshInterval: Duration.optional() } as const;

export const KUBERNETES_ROLES = [
  'node',
  'pod',
  'service',
  'endpoints',
  'endpointslice',
  'ingress',
] as const;

export const Discovery = z.discriminatedUnion('type', [
  /** The node's `addresses`, written into the job (static_configs). */
  z.strictObject({ type: z.literal('static') }),
  /** targets/<job>.json beside prometheus.yml (file_sd_configs). */
  z.strictObject({ type: z.literal('file'), ...refresh }),
  z.strictObject({
    type: z.literal('dns'),
    names: names('DNS name'),
    recordType: z.enum(['SRV', 'A', 'AAAA']).optional(),
    /** Needed for A and AAAA records, which carry no port. */
    port: Port.optional(),
    ...refresh,
  }),
  z.strictObject({
    type: z.literal('consul'),
    server: HostPort,
    services: z.array(z.string().min(1)).max(100).optional(),
    tags: z.array(z.string().min(1)).max(20).optional(),
    datacenter: z.string().min(1).optional(),
    /** The ACL token, read from a secret file (sent as a bearer token, which Consul accepts). */
    token: SecretRef.optional(),
    ...refresh,
  }),
  z.strictObject({
    type: z.literal('kubernetes'),
    role: z.enum(KUBERNETES_ROLES),
    namespaces: z.array(z.string().min(1)).max(100).optional(),
    labelSelector: z.string().min(1).optional(),
    fieldSelector: z.string().min(1).optional(),
    /** Keep only objects annotated `prometheus.io/scrape: "true"` (and honour `/path`, `/port`). */
    annotationOptIn: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('ec2'),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'must be an AWS region, e.g. eu-west-1' }),
    filters: z
      .array(z.strictObject({ name: z.string().min(1), values: z.array(z.string().min(1)).min(1) }))
      .max(50)
      .optional(),
    port: Port.optional(),
    ...refresh,
  }),
]);
export type Discovery = z.infer<typeof Discovery>;
export type DiscoveryType = Discovery['type'];

/** Discovery the lab can follow itself; for the others it substitutes its own containers. */
export function labCanDiscover(type: DiscoveryType): boolean {
  return type === 'static' || type === 'file';
}

/** The blackbox exporter's modules, as blackbox.yml names its probers. */
export const ProbeModule = z.strictObject({
  prober: z.enum(['http', 'tcp', 'icmp', 'dns']),
  timeout: Duration.optional(),
  /** http: the status codes that count as success (default 2xx). */
  validStatusCodes: z.array(z.number().int().min(100).max(599)).max(50).optional(),
  method: z.enum(['GET', 'HEAD', 'POST']).optional(),
  /** http: fail unless the connection is TLS. */
  failIfNotSsl: z.boolean().optional(),
  /** dns: the name to resolve. */
  queryName: z.string().min(1).optional(),
  preferredIpProtocol: z.enum(['ip4', 'ip6']).optional(),
});

/** A probe target: a URL for http, host:port for tcp and dns, a host for icmp. */
const ProbeTarget = z.string().regex(/^(?:https?:\/\/)?[A-Za-z0-9.\-[\]:_]+(?:\/[^\s]*)?$/, {
  message: 'must be a URL (http:// or https://), host:port or a host',
});

export const Probe = z
  .strictObject({
    /** The module each target is probed with (default http_2xx). */
    module: LabelName.optional(),
    targets: z.array(ProbeTarget).max(10_000).optional(),
    /** Modules of blackbox.yml; without it: http_2xx, tcp_connect and icmp. */
    modules: z.record(LabelName, ProbeModule).optional(),
    /** A blackbox exporter the stack does not run (host:port); else the export runs one. */
    exporter: HostPort.optional(),
  })
  .refine(
    (p) =>
      (p.modules ? Object.keys(p.modules) : ['http_2xx', 'tcp_connect', 'icmp']).includes(
        p.module ?? 'http_2xx',
      ),
    {
      message:
        'must name one of `modules` (http_2xx, the default, or tcp_connect or icmp without them)',
      path: ['module'],
    },
  );
export type Probe = z.infer<typeof Probe>;

interface TargetsLike {
  exporter?: string | undefined;
  addresses?: readonly string[] | undefined;
  labCount?: number | undefined;
  count?: number | undefined;
  discovery?: Discovery | undefined;
}

/**
 * Whether the lab runs exporter containers standing for a targets node's hosts: not for custom
 * exporters (no image), probes (their exporter is real), `labCount: 0`, or design addresses that
 * static or file discovery lists (real hosts, which the lab scrapes as they are).
 */
export function labStandsIn(node: TargetsLike): boolean {
  if (node.exporter === 'custom' || node.exporter === 'blackbox') return false;
  if ((node.labCount ?? 1) === 0) return false;
  const type = node.discovery?.type ?? 'file';
  return !(labCanDiscover(type) && (node.addresses?.length ?? 0) > 0);
}
