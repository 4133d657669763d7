// A compose scrape job (prometheus.yml's snake_case) -> the spec of a Prometheus Operator
// ScrapeConfig (camelCase, as its CRD defines). Every field is mapped explicitly: a field the
// compose generator starts writing fails here loudly instead of being dropped.

type Job = Record<string, unknown>;

const RELABEL_FIELDS: Record<string, string> = {
  source_labels: 'sourceLabels',
  separator: 'separator',
  target_label: 'targetLabel',
  regex: 'regex',
  modulus: 'modulus',
  replacement: 'replacement',
  action: 'action',
};

function relabeling(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => {
      const to = RELABEL_FIELDS[k];
      if (to === undefined) throw new Error(`relabel field "${k}" has no ScrapeConfig mapping`);
      return [to, v];
    }),
  );
}

/**
 * Where a job's targets come from. Today a design lists addresses (static_configs); discovery
 * (file, DNS, Consul, Kubernetes, EC2) maps here onto the CRD's matching *SDConfigs fields.
 */
function discovery(key: string, value: unknown): [string, unknown] | undefined {
  if (key === 'static_configs') {
    const groups = value as { targets: string[]; labels?: Record<string, string> }[];
    return ['staticConfigs', groups.map((g) => ({ ...g }))];
  }
  return undefined;
}

const SIMPLE_FIELDS: Record<string, string> = {
  job_name: 'jobName',
  honor_labels: 'honorLabels',
  scrape_interval: 'scrapeInterval',
  scrape_timeout: 'scrapeTimeout',
  metrics_path: 'metricsPath',
  params: 'params',
};

export function scrapeConfigSpec(job: Job): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(job)) {
    const simple = SIMPLE_FIELDS[key];
    if (simple !== undefined) {
      spec[simple] = value;
      continue;
    }
    if (key === 'relabel_configs') {
      spec.relabelings = (value as Record<string, unknown>[]).map(relabeling);
      continue;
    }
    const sd = discovery(key, value);
    if (!sd) throw new Error(`scrape job field "${key}" has no ScrapeConfig mapping`);
    spec[sd[0]] = sd[1];
  }
  return spec;
}
