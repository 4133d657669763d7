import type { PathSegment } from '../../model/path.ts';
import { VAR_REF } from '../../model/primitives.ts';
import type { Topology } from '../../model/schema.ts';
import type { Draft, Rule } from '../rule.ts';
import { designStrings, type DesignString } from '../design-strings.ts';

const DATA_STORES = new Set(['influxdb', 'clickhouse', 'postgres', 'redis', 'mysql']);
const SCRAPE_SECRETS = new Set([
  'basicAuth.password',
  'authorization.credentials',
  'discovery.token',
]);

/**
 * Whether a design value reaches its container with its `${VAR}`s filled in: by compose (image
 * tags, container environment), Grafana (provisioning files), Prometheus (external labels only),
 * or the start-time render of alertmanager.yml (every value). Anything not listed is written into
 * a file that is read as it is.
 */
function expanded(t: Topology, s: DesignString): boolean {
  const [head, second, third] = s.path;
  // Scrape credentials: the job reads them from the secret file /run/secrets/<VAR>.
  if (SCRAPE_SECRETS.has(`${String(head)}.${String(second)}`) && third === undefined) {
    const kind = s.node !== undefined ? t.nodes.find((n) => n.id === s.node)?.kind : undefined;
    const edgeKind = (t.edges ?? []).find((e) => e.id === s.edge)?.kind;
    if (kind === 'targets' || edgeKind === 'scrape') return true;
  }
  if (s.node !== undefined) {
    const kind = t.nodes.find((n) => n.id === s.node)?.kind;
    if (kind === 'alertmanager' || head === 'version') return true;
    if (kind === 'prometheus') return head === 'externalLabels';
    if (kind === 'grafana') return head === 'adminPassword' || head === 'plugins';
    if (kind === 'object-store') return head === 'accessKey' || head === 'secretKey';
    if (kind !== undefined && DATA_STORES.has(kind)) {
      return head === 'database' || head === 'user' || head === 'password';
    }
    return false;
  }
  if (s.edge !== undefined) {
    const kind = (t.edges ?? []).find((e) => e.id === s.edge)?.kind;
    return kind === 'datasource' && (head === 'name' || head === 'token');
  }
  if (s.owner === 'group') return head === 'externalLabels' && third === undefined;
  return s.owner === 'images';
}

/** Why the value stays as written, in the words of the tool that reads it. */
function reason(t: Topology, s: DesignString): string {
  const head: PathSegment | undefined = s.path[0];
  const kind = s.node !== undefined ? t.nodes.find((n) => n.id === s.node)?.kind : undefined;
  if (head === 'recordingRules' || head === 'alertRules') {
    return 'Prometheus reads rule files as written and expands no variables in them';
  }
  if (kind === 'promtail') return 'Promtail reads its config as written (no -config.expand-env)';
  if (kind === 'targets' || s.edge !== undefined) {
    return 'Prometheus expands variables in external labels only, not in scrape configs';
  }
  return 'no generated config expands variables there';
}

export const varNotExpanded: Rule = {
  id: 'var-not-expanded',
  severity: 'error',
  area: 'secrets',
  when: 'a `${VAR}` sits in a value that is written into a config no tool expands variables in (rule files, scrape configs, Promtail), so it would reach the tool as the literal text `${VAR}`',
  why: 'Only some places are filled in from `.env`: compose values, Grafana provisioning, Prometheus external labels and Alertmanager’s rendered config. Elsewhere a `${VAR}` is kept verbatim: an alert label, a scrape job or a target label would carry the text `${VAR}` instead of its value, silently.',
  fix: 'write the value itself in this field, or move it to a place that is filled in (an external label, an Alertmanager receiver)',
  sources: ['CONF'],
  check(facts) {
    const t = facts.topology;
    const out: Draft[] = [];
    for (const s of designStrings(t)) {
      if (s.freeText || s.owner === 'metadata' || !s.value.includes('$')) continue;
      const names = [...s.value.matchAll(VAR_REF)].map((m) => m[1]);
      if (names.length === 0 || expanded(t, s)) continue;
      out.push({
        message: `${s.where} holds ${names.map((n) => `\${${n}}`).join(', ')}, which stays as written: ${reason(t, s)}`,
        nodes: s.node ? [s.node] : [],
        edges: s.edge ? [s.edge] : [],
      });
    }
    return out;
  },
};
