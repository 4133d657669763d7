// The descriptors the inspector's form is generated from, and the fields several kinds share.
export type FieldType =
  | 'text'
  | 'multiline'
  | 'int'
  | 'duration'
  | 'bool'
  | 'enum'
  | 'labels'
  | 'selectors'
  | 'strings'
  | 'secret'
  | 'path'
  | 'recordingRules'
  | 'alertRules'
  | 'suppress';

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  /** Emptying it is refused (name, match). */
  required?: boolean;
  options?: readonly string[];
  /** Lower bound of an integer field. */
  min?: number;
  max?: number;
  hint?: string;
  /** Shown when the field is empty: the value it falls back to. */
  placeholder?: string;
}

export const replicas: FieldSpec = {
  key: 'replicas',
  label: 'Replicas',
  type: 'int',
  min: 1,
  placeholder: '1',
};
export const port: FieldSpec = { key: 'port', label: 'Port', type: 'int', min: 1, max: 65535 };
export const version: FieldSpec = { key: 'version', label: 'Version', type: 'text' };
export const retention: FieldSpec = { key: 'retention', label: 'Retention', type: 'duration' };
export const labels = (label = 'Labels'): FieldSpec => ({ key: 'labels', label, type: 'labels' });
export const secret = (key: string, label: string): FieldSpec => ({
  key,
  label,
  type: 'secret',
  placeholder: '${VAR}',
  hint: 'A ${VAR} reference; the secret itself never goes in the design.',
});

/** replicas, port, version: the fields of most extended kinds. */
export const service: FieldSpec[] = [replicas, port, version];

/**
 * How a job talks to its targets (targets nodes and scrape edges alike): the simple keys in the
 * form, credentials, TLS and relabel lists in the YAML tab.
 */
export const scrapeOptionFields: readonly FieldSpec[] = [
  { key: 'scheme', label: 'Scheme', type: 'enum', options: ['http', 'https'], placeholder: 'http' },
  { key: 'sampleLimit', label: 'Sample limit', type: 'int', min: 0, placeholder: 'none' },
  { key: 'labelLimit', label: 'Label limit', type: 'int', min: 0, placeholder: 'none' },
  { key: 'targetLimit', label: 'Target limit', type: 'int', min: 0, placeholder: 'none' },
  { key: 'honorTimestamps', label: 'Honor timestamps', type: 'bool', placeholder: 'true' },
  { key: 'nativeHistograms', label: 'Native histograms', type: 'bool', placeholder: 'false' },
];
export const scrapeOptionYamlOnly = [
  'tls',
  'basicAuth',
  'authorization',
  'relabel',
  'metricRelabel',
] as const;
