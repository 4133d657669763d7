// A targets node's and a scrape edge's scrape options -> prometheus.yml job keys. The edge's own
// keys win over the node's. Credentials are `${VAR}`s: the job reads them from the secret file
// the service mounts at /run/secrets/<VAR>, so their values appear in no generated file.
import { SINGLE_VAR_REF } from '../model/primitives.ts';
import type { RelabelConfig } from '../model/relabel.ts';
import { SCRAPE_OPTION_KEYS, type ScrapeOptions } from '../model/scrape-options.ts';
import type { EdgeOf, NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';

export const SECRETS_DIR = '/run/secrets';

/** The file a `${VAR}` secret is read from inside the container. */
export function secretFile(ref: string): string {
  return `${SECRETS_DIR}/${varName(ref)}`;
}

function varName(ref: string): string {
  const m = SINGLE_VAR_REF.exec(ref);
  if (!m?.[1]) throw new Error(`"${ref}" is not a \${VAR} reference`);
  return m[1];
}

/** The options of one job: the edge's keys over the target node's. */
export function effectiveOptions(
  edge: EdgeOf<'scrape'>,
  target: { kind: string } & Partial<ScrapeOptions>,
): ScrapeOptions {
  const out: ScrapeOptions = {};
  const from = target.kind === 'targets' ? (target as NodeOf<'targets'>) : {};
  for (const k of SCRAPE_OPTION_KEYS) {
    const v = edge[k] ?? (from as ScrapeOptions)[k];
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** A relabel step as prometheus.yml writes it: only the keys the design set, in Prometheus's order. */
export function relabelStep(r: RelabelConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [
    'source_labels',
    'separator',
    'regex',
    'modulus',
    'target_label',
    'replacement',
    'action',
  ] as const) {
    const v = r[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/** Job keys about how to connect (before discovery in the job), and about limits. */
export function connectionKeys(o: ScrapeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o.honorTimestamps !== undefined) out.honor_timestamps = o.honorTimestamps;
  if (o.scheme !== undefined) out.scheme = o.scheme;
  if (o.tls) {
    const t = o.tls;
    out.tls_config = {
      ...(t.ca !== undefined ? { ca_file: t.ca } : {}),
      ...(t.cert !== undefined ? { cert_file: t.cert } : {}),
      ...(t.key !== undefined ? { key_file: t.key } : {}),
      ...(t.serverName !== undefined ? { server_name: t.serverName } : {}),
      ...(t.insecureSkipVerify !== undefined ? { insecure_skip_verify: t.insecureSkipVerify } : {}),
    };
  }
  if (o.basicAuth) {
    out.basic_auth = {
      username: o.basicAuth.username,
      password_file: secretFile(o.basicAuth.password),
    };
  }
  if (o.authorization) {
    out.authorization = {
      ...(o.authorization.type !== undefined ? { type: o.authorization.type } : {}),
      credentials_file: secretFile(o.authorization.credentials),
    };
  }
  if (o.sampleLimit !== undefined) out.sample_limit = o.sampleLimit;
  if (o.labelLimit !== undefined) out.label_limit = o.labelLimit;
  if (o.targetLimit !== undefined) out.target_limit = o.targetLimit;
  return out;
}

/** Variables whose secret files a Prometheus node's jobs read. */
export function scrapeSecretVars(ctx: GenerateContext, node: NodeOf<'prometheus'>): string[] {
  const vars = new Set<string>();
  for (const e of ctx.outgoing(node.id, 'scrape')) {
    const target = ctx.node(e.to);
    const o = effectiveOptions(e, target);
    if (o.basicAuth) vars.add(varName(o.basicAuth.password));
    if (o.authorization) vars.add(varName(o.authorization.credentials));
    if (
      target.kind === 'targets' &&
      target.discovery?.type === 'consul' &&
      target.discovery.token
    ) {
      vars.add(varName(target.discovery.token));
    }
  }
  return [...vars].sort();
}

/** Whether any job of the node asks for native histograms (a server-wide feature flag). */
export function wantsNativeHistograms(ctx: GenerateContext, node: NodeOf<'prometheus'>): boolean {
  return ctx
    .outgoing(node.id, 'scrape')
    .some((e) => effectiveOptions(e, ctx.node(e.to)).nativeHistograms === true);
}
