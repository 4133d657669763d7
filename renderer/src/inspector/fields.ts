// What the inspector's form shows for each kind of item: one descriptor list per node kind, edge
// kind and for groups. The form is generated from these; fields they leave out (an
// Alertmanager's route and receivers, a remote-write queue) are edited in the YAML tab.
import type { EdgeKind, NodeKind } from '../../../shared/model/schema.ts';
import { EXPORTERS } from '../../../shared/model/schema.ts';

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

const name: FieldSpec = { key: 'name', label: 'Name', type: 'text', required: true };
const notes: FieldSpec = { key: 'notes', label: 'Notes', type: 'multiline' };
const suppress: FieldSpec = {
  key: 'suppress',
  label: 'Accepted findings',
  type: 'suppress',
  hint: 'Checked rules are reported as suppressed on this item.',
};
const replicas: FieldSpec = {
  key: 'replicas',
  label: 'Replicas',
  type: 'int',
  min: 1,
  placeholder: '1',
};
const port: FieldSpec = { key: 'port', label: 'Port', type: 'int', min: 1, max: 65535 };
const version: FieldSpec = { key: 'version', label: 'Version', type: 'text' };
const retention: FieldSpec = { key: 'retention', label: 'Retention', type: 'duration' };
const labels = (label = 'Labels'): FieldSpec => ({ key: 'labels', label, type: 'labels' });
const secret = (key: string, label: string): FieldSpec => ({
  key,
  label,
  type: 'secret',
  placeholder: '${VAR}',
  hint: 'A ${VAR} reference; the secret itself never goes in the design.',
});

const dataStore: FieldSpec[] = [
  port,
  { key: 'database', label: 'Database', type: 'text' },
  { key: 'user', label: 'User', type: 'text' },
  secret('password', 'Password'),
  version,
];
const service: FieldSpec[] = [replicas, port, version];

export const NODE_FIELDS: Record<NodeKind, FieldSpec[]> = {
  prometheus: [
    { ...replicas, hint: 'Identical HA copies; each gets a distinct replica label.' },
    {
      key: 'shards',
      label: 'Shards',
      type: 'int',
      min: 1,
      placeholder: '1',
      hint: 'hashmod shards of every target group it scrapes.',
    },
    { key: 'externalLabels', label: 'External labels', type: 'labels' },
    { key: 'scrapeInterval', label: 'Scrape interval', type: 'duration' },
    { key: 'evaluationInterval', label: 'Evaluation interval', type: 'duration' },
    { ...retention, placeholder: '15d' },
    { key: 'thanosSidecar', label: 'Thanos sidecar', type: 'bool' },
    { key: 'recordingRules', label: 'Recording rules', type: 'recordingRules' },
    { key: 'alertRules', label: 'Alert rules', type: 'alertRules' },
  ],
  alertmanager: [
    { ...replicas, hint: 'Members of one gossip cluster. Route and receivers: YAML tab.' },
  ],
  grafana: [
    { ...replicas, hint: 'More than 1 needs a backend edge to postgres or mysql.' },
    secret('adminPassword', 'Admin password'),
    { key: 'plugins', label: 'Plugins', type: 'strings', hint: 'One plugin id per line.' },
  ],
  targets: [
    { key: 'exporter', label: 'Exporter', type: 'enum', options: EXPORTERS },
    {
      key: 'count',
      label: 'Count',
      type: 'int',
      min: 1,
      hint: 'How many targets this stands for.',
    },
    port,
    { key: 'metricsPath', label: 'Metrics path', type: 'path', placeholder: '/metrics' },
    labels(),
    {
      key: 'addresses',
      label: 'Addresses',
      type: 'strings',
      hint: 'Optional host:port per line; overrides count.',
    },
    { key: 'labCount', label: 'Lab count', type: 'int', min: 0, placeholder: 'min(count, 3)' },
  ],
  influxdb: dataStore,
  clickhouse: dataStore,
  postgres: dataStore,
  redis: dataStore,
  mysql: dataStore,
  loki: [...service, retention],
  tempo: [...service, retention],
  promtail: [
    ...service,
    { key: 'paths', label: 'Log paths', type: 'strings', hint: 'One path per line.' },
    labels(),
  ],
  mimir: service,
  'thanos-query': service,
  'thanos-store': service,
  'thanos-compactor': [...service, retention],
  'object-store': [
    port,
    version,
    { key: 'bucket', label: 'Bucket', type: 'text' },
    secret('accessKey', 'Access key'),
    secret('secretKey', 'Secret key'),
  ],
};

const scrapeTiming: FieldSpec[] = [
  { key: 'interval', label: 'Interval', type: 'duration' },
  { key: 'timeout', label: 'Timeout', type: 'duration' },
];

export const EDGE_FIELDS: Record<EdgeKind, FieldSpec[]> = {
  scrape: [
    { key: 'job', label: 'Job', type: 'text' },
    ...scrapeTiming,
    { key: 'metricsPath', label: 'Metrics path', type: 'path' },
  ],
  federate: [
    {
      key: 'match',
      label: 'match[] selectors',
      type: 'selectors',
      required: true,
      hint: 'One series selector per line.',
    },
    { key: 'honorLabels', label: 'Honor labels', type: 'bool', placeholder: 'true' },
    ...scrapeTiming,
  ],
  alerting: [],
  datasource: [
    { key: 'name', label: 'Data source name', type: 'text' },
    { key: 'default', label: 'Default data source', type: 'bool' },
    secret('token', 'Token (to a Grafana)'),
  ],
  backend: [],
  'remote-write': [],
  logs: [],
  store: [],
  objstore: [],
};

export const GROUP_FIELDS: FieldSpec[] = [
  { key: 'label', label: 'Label', type: 'text' },
  { key: 'externalLabels', label: 'External labels', type: 'labels' },
  notes,
];

export const nodeFields = (kind: NodeKind): FieldSpec[] => [
  name,
  ...NODE_FIELDS[kind],
  notes,
  suppress,
];
export const edgeFields = (kind: EdgeKind): FieldSpec[] => [...EDGE_FIELDS[kind], notes, suppress];

/** Fields of a kind only the YAML tab edits, named for the form's footnote. */
export const YAML_ONLY: Partial<Record<NodeKind | EdgeKind, string>> = {
  alertmanager: 'route and receivers',
  scrape: 'shard',
  'remote-write': 'queue',
};
