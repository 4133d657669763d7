// A compose scrape job (prometheus.yml's snake_case) -> the spec of a Prometheus Operator
// ScrapeConfig (camelCase, as its CRD defines). Every field is mapped explicitly: a field the
// compose generator starts writing fails here loudly instead of being dropped.

import { connectionField, discoveryField, type SecretRef } from './scrape-config-options.ts';

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

const SIMPLE_FIELDS: Record<string, string> = {
  job_name: 'jobName',
  honor_labels: 'honorLabels',
  scrape_interval: 'scrapeInterval',
  scrape_timeout: 'scrapeTimeout',
  metrics_path: 'metricsPath',
  params: 'params',
};

/**
 * `secretRef` names the Secret key of each credential or TLS file a job reads; without it such a
 * job is refused (nothing could name the Secret).
 */
export function scrapeConfigSpec(
  job: Job,
  secretRef: SecretRef = (key) => {
    throw new Error(`scrape job reads ${key} but no Secret was named for it`);
  },
): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(job)) {
    const simple = SIMPLE_FIELDS[key];
    if (simple !== undefined) {
      spec[simple] = value;
      continue;
    }
    if (key === 'relabel_configs' || key === 'metric_relabel_configs') {
      const to = key === 'relabel_configs' ? 'relabelings' : 'metricRelabelings';
      spec[to] = (value as Record<string, unknown>[]).map(relabeling);
      continue;
    }
    const sd = discoveryField(key, value, secretRef) ?? connectionField(key, value, secretRef);
    if (!sd) throw new Error(`scrape job field "${key}" has no ScrapeConfig mapping`);
    spec[sd[0]] = sd[1];
  }
  return spec;
}
