// Each edge kind's line on the canvas and its inspector fields.
import { scrapeOptionFields, scrapeOptionYamlOnly, secret, type FieldSpec } from './field-spec.ts';
import type { EdgeKindView } from './types.ts';

const timing: FieldSpec[] = [
  { key: 'interval', label: 'Interval', type: 'duration' },
  { key: 'timeout', label: 'Timeout', type: 'duration' },
];

export const scrape: EdgeKindView<'scrape'> = {
  kind: 'scrape',
  label: 'scrape',
  colour: '#8a94a6',
  width: 1.4,
  fields: [
    { key: 'job', label: 'Job', type: 'text' },
    ...timing,
    { key: 'metricsPath', label: 'Metrics path', type: 'path' },
    ...scrapeOptionFields,
  ],
  yamlOnly: ['shard', ...scrapeOptionYamlOnly],
};
export const federate: EdgeKindView<'federate'> = {
  kind: 'federate',
  label: 'federate',
  colour: '#e6522c',
  width: 2.2,
  fields: [
    {
      key: 'match',
      label: 'match[] selectors',
      type: 'selectors',
      required: true,
      hint: 'One series selector per line.',
    },
    { key: 'honorLabels', label: 'Honor labels', type: 'bool', placeholder: 'true' },
    ...timing,
  ],
};
export const alerting: EdgeKindView<'alerting'> = {
  kind: 'alerting',
  label: 'alerting',
  // Not red: red on an edge means "down" while a lab runs.
  colour: '#d36ba6',
  dash: '6 4',
  width: 1.6,
  fields: [],
};
export const datasource: EdgeKindView<'datasource'> = {
  kind: 'datasource',
  label: 'datasource',
  colour: '#f2a73b',
  dash: '2 4',
  width: 1.8,
  fields: [
    { key: 'name', label: 'Data source name', type: 'text' },
    { key: 'default', label: 'Default data source', type: 'bool' },
    secret('token', 'Token (to a Grafana)'),
  ],
};
export const backend: EdgeKindView<'backend'> = {
  kind: 'backend',
  label: 'backend',
  colour: '#4e9af1',
  dash: '6 3',
  width: 1.6,
  fields: [],
};
export const remoteWrite: EdgeKindView<'remote-write'> = {
  kind: 'remote-write',
  label: 'remote-write',
  colour: '#26a9b6',
  width: 2,
  fields: [],
  yamlOnly: ['queue'],
};
export const logs: EdgeKindView<'logs'> = {
  kind: 'logs',
  label: 'logs',
  colour: '#a77bf0',
  dash: '4 3',
  width: 1.6,
  fields: [],
};
export const store: EdgeKindView<'store'> = {
  kind: 'store',
  label: 'store',
  colour: '#26a9b6',
  dash: '6 3',
  width: 1.6,
  fields: [],
};
export const objstore: EdgeKindView<'objstore'> = {
  kind: 'objstore',
  label: 'objstore',
  colour: '#26a9b6',
  dash: '2 3',
  width: 1.6,
  fields: [],
};
