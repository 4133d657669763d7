// For the export invariant's property test: fast-check arbitraries of designs built on a template,
// with hostile-but-allowed values in every string field the schema has (quotes, `$`, `{{`, YAML
// syntax, unicode, long values). Values come from each field's own grammar, so most designs parse
// and the tools see the hostile parts.
import fc from 'fast-check';
import { IMAGE_KEYS, type Receiver, type Topology, type TopologyNode } from '../model/schema.ts';

const UNITS = [
  '"',
  "'",
  '`',
  '$',
  '{',
  '}',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '?',
  '|',
  '>',
  '&',
  '*',
  '!',
  '%',
  '@',
  '[',
  ']',
  ',',
  '\\',
  '\n',
  '\t',
  ' ',
  '${X}',
  '${',
  '$$',
  'é',
  '日本',
  '🙂',
  '\u2028',
  '\u0007',
  'yes',
  'null',
  '~',
  '---',
  '...',
  'a',
  'Z',
  '0',
  '_',
  '.',
  '/',
  '=',
  '<',
  '%s',
] as const;

/** Free text: any mix of the units above, sometimes very long. */
export const hostileText = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 4000 }).map((n) => 'x'.repeat(n)) },
);
const nonEmpty = hostileText.map((s) => (s === '' ? '"' : s));

/** Text for alert labels and annotations: hostile text between valid template actions. */
const TEMPLATE_PIECES = [
  '{{ $labels.job }}',
  '{{ $value | humanize }}',
  '{{ printf "%q" $labels.instance }}',
  '{{ if gt $value 1.0 }}high{{ else }}low{{ end }}',
  '{{ "}}{{" }}',
  '{{ `a"b` }}',
  '{{/* note */}}',
  '{{- $labels.x -}}',
  '{{ range $k, $v := $labels }}{{ $k }}={{ $v }},{{ end }}',
  '{{ $externalLabels.datacenter }}',
];
const braceless = fc
  .array(fc.constantFrom(...UNITS.filter((u) => !u.includes('{') && !u.includes('}'))), {
    maxLength: 6,
  })
  .map((a) => a.join(''));
export const templateText = fc
  .array(fc.oneof(braceless, fc.constantFrom(...TEMPLATE_PIECES)), { maxLength: 4 })
  .map((a) => a.join(''));

/**
 * A field's own grammar, now and then raw hostile text instead: the schema decides whether it
 * is allowed, and what it allows the tools judge.
 */
function orRaw(grammar: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ weight: 29, arbitrary: grammar }, { weight: 1, arbitrary: hostileText });
}

const labelName = fc
  .stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/)
  .filter((s) => !s.startsWith('__'));
const labels = fc.dictionary(labelName, hostileText, { maxKeys: 3 });
const metricName = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,20}$/);
const host = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\.[a-z0-9]{1,6}){0,2}$/);
const port = fc.integer({ min: 1, max: 65535 });
const urlTail = fc.stringMatching(
  /^(\/([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-F]{2}){0,10}){0,3}(\?[a-z]=([A-Za-z0-9._-]|%2[0-9]){0,6})?$/,
);
const httpUrl = fc
  .tuple(fc.constantFrom('http', 'https'), host, fc.option(port, { nil: undefined }), urlTail)
  .map(([s, h, p, t]) => `${s}://${h}${p === undefined ? '' : `:${p}`}${t}`);
const varRef = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/).map((v) => `\${${v}}`);
const receiverUrl = orRaw(
  fc.oneof({ weight: 4, arbitrary: httpUrl }, { weight: 1, arbitrary: varRef }),
);

/** A matcher Alertmanager reads, with a hostile value quoted as its parser unquotes it. */
const matcherGrammar = fc.oneof(
  fc
    .tuple(labelName, fc.constantFrom('=', '!='), hostileText)
    .map(
      ([n, op, v]) =>
        `${n}${op}"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
    ),
  fc
    .tuple(
      labelName,
      fc.constantFrom('=~', '!~'),
      fc.constantFrom('.+', 'a|b', '(x|y).*', '[a-z]+', '\\d+', 'x{2,3}', '\\w+', '[^,}]*'),
    )
    .map(([n, op, v]) => `${n}${op}"${v.replace(/\\/g, '\\\\')}"`),
  fc
    .tuple(labelName, fc.constantFrom('=', '!='), fc.stringMatching(/^[a-z0-9_.]{0,8}$/))
    .map(([n, op, v]) => `${n} ${op} ${v}`),
);

const matcher = orRaw(matcherGrammar);

const receiver = (name: string): fc.Arbitrary<Receiver> =>
  fc.oneof(
    fc.record({
      name: fc.constant(name),
      type: fc.constant('webhook' as const),
      url: receiverUrl,
      sendResolved: fc.boolean(),
    }),
    fc.record(
      {
        name: fc.constant(name),
        type: fc.constant('email' as const),
        to: nonEmpty,
        from: nonEmpty,
        smarthost: orRaw(fc.tuple(host, port).map(([h, p]) => `${h}:${p}`)),
        authUsername: hostileText,
        authPassword: varRef,
      },
      { requiredKeys: ['name', 'type', 'to'] },
    ),
    fc.record(
      {
        name: fc.constant(name),
        type: fc.constant('slack' as const),
        url: receiverUrl,
        channel: hostileText,
      },
      { requiredKeys: ['name', 'type', 'url'] },
    ),
    fc.record(
      {
        name: fc.constant(name),
        type: fc.constant('pagerduty' as const),
        routingKey: varRef,
        url: httpUrl,
      },
      { requiredKeys: ['name', 'type', 'routingKey'] },
    ),
  );

const receivers = fc
  .uniqueArray(nonEmpty, { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(receiver)));

const hostPath = orRaw(
  fc
    .stringMatching(/^(\/[^:,\\\s\p{Cc}/]{1,8}){1,3}(\/\*\.log)?$/u)
    .filter((p) => !p.split('/').some((s) => s === '.' || s === '..')),
);

/** Hostile values for one design; `decorate` puts them into a template. */
export interface Decoration {
  description: string;
  groupLabel: string;
  labels: Record<string, string>;
  alertLabels: Record<string, string>;
  annotations: Record<string, string>;
  record: string;
  alert: string;
  receivers: Receiver[];
  matchers: string[];
  job: string;
  datasourceName: string;
  metricsPath: string;
  plugins: string[];
  word: string;
  version: string;
  paths: string[];
  images: Partial<Record<(typeof IMAGE_KEYS)[number], string>>;
  replicas: number;
  notes: string;
  groupBy: string[];
  durations: { short: string; long: string };
}

export const decorations: fc.Arbitrary<Decoration> = fc.record({
  description: hostileText,
  groupLabel: hostileText,
  labels,
  alertLabels: fc.dictionary(labelName, templateText, { maxKeys: 2 }),
  annotations: fc.dictionary(labelName, templateText, { maxKeys: 3 }),
  record: orRaw(metricName),
  alert: nonEmpty,
  receivers,
  matchers: fc.array(matcher, { minLength: 1, maxLength: 3 }),
  job: nonEmpty,
  datasourceName: nonEmpty,
  metricsPath: orRaw(fc.stringMatching(/^\/([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9a-f]{2}){0,12}$/)),
  plugins: fc.uniqueArray(orRaw(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/)), {
    maxLength: 2,
  }),
  word: orRaw(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.@-]{1,12}$/), varRef)),
  version: orRaw(fc.stringMatching(/^[\w][\w.-]{0,20}$/)),
  paths: fc.array(hostPath, { minLength: 1, maxLength: 3 }),
  images: fc.dictionary(
    fc.constantFrom(...IMAGE_KEYS),
    orRaw(
      fc.stringMatching(
        /^([a-z0-9]+(\.[a-z0-9]+)*(:[0-9]{1,5})?\/)?[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+){0,2}(:[\w][\w.-]{0,10})?(@sha256:[0-9a-f]{64})?$/,
      ),
    ),
    { maxKeys: 3 },
  ),
  replicas: fc.integer({ min: 1, max: 3 }),
  notes: hostileText,
  groupBy: fc.oneof(fc.constant<string[]>(['...']), fc.uniqueArray(labelName, { maxLength: 3 })),
  durations: fc.record({
    short: fc.constantFrom('1ms', '1s', '15s', '1m30s', '2h'),
    long: fc.constantFrom('1h', '15d', '1w', '1y', '100y', '1y2w3d4h5m6s7ms'),
  }),
});

/** The template with the decoration's values in every string field its nodes and edges have. */
export function decorate(template: Topology, d: Decoration): Topology {
  const t = structuredClone(template);
  t.metadata.description = d.description;
  if (Object.keys(d.images).length > 0) t.images = { ...t.images, ...d.images };
  for (const g of t.groups ?? []) {
    g.label = d.groupLabel;
    g.externalLabels = { ...g.externalLabels, ...d.labels };
  }
  // Alert rules only where an Alertmanager hears them: elsewhere they are a validate error.
  const alerting = new Set((t.edges ?? []).filter((e) => e.kind === 'alerting').map((e) => e.from));
  t.nodes = t.nodes.map((n) => decorateNode(n, d, alerting.has(n.id)));
  for (const e of t.edges ?? []) {
    e.notes = d.notes;
    if (e.kind === 'scrape') {
      e.job = `${d.job}${e.id}`;
      e.metricsPath = d.metricsPath;
    }
    if (e.kind === 'datasource') e.name = `${d.datasourceName}${e.id}`;
  }
  return t;
}

function decorateNode(node: TopologyNode, d: Decoration, alerts: boolean): TopologyNode {
  const n = { ...node, notes: d.notes };
  switch (n.kind) {
    case 'prometheus':
      return {
        ...n,
        retention: d.durations.long,
        externalLabels: { ...n.externalLabels, ...d.labels },
        recordingRules: [
          ...(n.recordingRules ?? []),
          { record: d.record, expr: 'sum(up)', labels: d.labels },
        ],
        ...(alerts
          ? {
              alertRules: [
                ...(n.alertRules ?? []),
                {
                  alert: d.alert,
                  expr: 'up == 0',
                  labels: d.alertLabels,
                  annotations: d.annotations,
                },
              ],
            }
          : {}),
      };
    case 'alertmanager': {
      const names = d.receivers.map((r) => r.name);
      return {
        ...n,
        replicas: d.replicas,
        receivers: d.receivers,
        route: {
          ...n.route,
          receiver: names[0],
          groupBy: d.groupBy,
          groupWait: d.durations.short,
          groupInterval: d.durations.short,
          repeatInterval: d.durations.long,
          routes: names.map((r) => ({ receiver: r, matchers: d.matchers, groupBy: d.groupBy })),
        },
      };
    }
    case 'grafana':
      return { ...n, plugins: d.plugins };
    case 'targets':
      return { ...n, labels: { ...n.labels, ...d.labels }, metricsPath: d.metricsPath };
    case 'influxdb':
    case 'clickhouse':
    case 'postgres':
    case 'redis':
    case 'mysql':
      return { ...n, database: d.word, user: d.word, version: d.version };
    case 'promtail':
      return { ...n, paths: d.paths, labels: { ...n.labels, ...d.labels }, version: d.version };
    case 'object-store':
    case 'loki':
    case 'mimir':
    case 'tempo':
    case 'thanos-compactor':
    case 'thanos-query':
    case 'thanos-store':
      return { ...n, version: d.version };
  }
}
