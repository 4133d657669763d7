// Every string that ends up in a generated file is checked when the design is read: what the real
// tools would refuse is an error with its path and line, and its near miss is accepted.
import { describe, expect, it } from 'vitest';
import { matcherProblem, re2Problem } from './fields.ts';
import { parseTopology, type ModelError } from '../design/parse.ts';

const HEAD = 'apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: t }\n';

function errorsOf(body: string): ModelError[] {
  const r = parseTopology(HEAD + body);
  return r.ok ? [] : r.errors;
}

/** A design with one node whose YAML is `node` (indented under `nodes:`). */
function node(yaml: string): string {
  return `nodes:\n  - id: n\n    name: n\n${yaml.replace(/^/gm, '    ')}\n`;
}

const am = (receiver: string, extra = '') =>
  node(`kind: alertmanager\nreceivers:\n  - ${receiver}\n${extra}`);

// [what, design refused, path of the error, its message, near miss accepted]
const CASES: [string, string, string, RegExp, string][] = [
  [
    'a recording rule name that is not a metric name',
    node('kind: prometheus\nrecordingRules:\n  - { record: "job:up.total:sum", expr: "sum(up)" }'),
    'nodes[0].recordingRules[0].record',
    /metric name/,
    node('kind: prometheus\nrecordingRules:\n  - { record: "job:up_total:sum", expr: "sum(up)" }'),
  ],
  [
    'an annotation key that is not a label name',
    node(
      'kind: prometheus\nalertRules:\n  - { alert: A, expr: "up == 0", annotations: { "run-book": x } }',
    ),
    'nodes[0].alertRules[0].annotations.run-book',
    /label name/,
    node(
      'kind: prometheus\nalertRules:\n  - { alert: A, expr: "up == 0", annotations: { run_book: x } }',
    ),
  ],
  [
    'a user label that is reserved for Prometheus',
    node('kind: targets\nlabels: { __path__: /x }'),
    'nodes[0].labels.__path__',
    /reserved/,
    node('kind: targets\nlabels: { _path_: /x }'),
  ],
  [
    'an annotation that is a broken Go template',
    node(
      'kind: prometheus\nalertRules:\n  - { alert: A, expr: "up == 0", annotations: { summary: "{{ $labels.job" } }',
    ),
    'nodes[0].alertRules[0].annotations.summary',
    /alert template: a "\{\{" has no matching "\}\}"/,
    node(
      'kind: prometheus\nalertRules:\n  - { alert: A, expr: "up == 0", annotations: { summary: "{{ $labels.job }}" } }',
    ),
  ],
  [
    'an alert label with an unknown template function',
    node(
      'kind: prometheus\nalertRules:\n  - { alert: A, expr: "up == 0", labels: { sev: "{{ humanise $value }}" } }',
    ),
    'nodes[0].alertRules[0].labels.sev',
    /function "humanise" is not defined/,
    node(
      'kind: prometheus\nalertRules:\n  - { alert: A, expr: "up == 0", labels: { sev: "{{ humanize $value }}" } }',
    ),
  ],
  [
    'a webhook URL with a scheme other than http(s)',
    am('{ name: r, type: webhook, url: "ftp://hooks.example.org/x" }'),
    'nodes[0].receivers[0].url',
    /http:\/\/ or https:\/\//,
    am('{ name: r, type: webhook, url: "https://hooks.example.org/x?a=1" }'),
  ],
  [
    'a slack URL with a blank in it',
    am('{ name: r, type: slack, url: "https://hooks.slack.com/a b" }'),
    'nodes[0].receivers[0].url',
    /no spaces/,
    am('{ name: r, type: slack, url: "${SLACK_URL}" }'),
  ],
  [
    'a smarthost without a port',
    am('{ name: r, type: email, to: ops@example.org, smarthost: smtp.example.org }'),
    'nodes[0].receivers[0].smarthost',
    /host:port/,
    am('{ name: r, type: email, to: ops@example.org, smarthost: "smtp.example.org:587" }'),
  ],
  [
    'an empty email sender',
    am('{ name: r, type: email, to: ops@example.org, from: "" }'),
    'nodes[0].receivers[0].from',
    /must not be empty/,
    am('{ name: r, type: email, to: ops@example.org, from: "a@b" }'),
  ],
  [
    'a route matcher Alertmanager cannot read',
    am(
      '{ name: r, type: webhook, url: "http://h:1/" }',
      'route:\n  routes:\n    - { receiver: r, matchers: ["severity=page,team"] }',
    ),
    'nodes[0].route.routes[0].matchers[0]',
    /Alertmanager matcher/,
    am(
      '{ name: r, type: webhook, url: "http://h:1/" }',
      'route:\n  routes:\n    - { receiver: r, matchers: [\'severity="page,team"\'] }',
    ),
  ],
  [
    'a Promtail path that climbs out of its folder',
    node('kind: promtail\npaths: ["/var/log/../../etc/*"]'),
    'nodes[0].paths[0]',
    /"\." or "\.\." segments/,
    node('kind: promtail\npaths: ["/var/log/app/*.log"]'),
  ],
  [
    'a Promtail path with ":" that would split the mount',
    node('kind: promtail\npaths: ["/var/log:/etc/*"]'),
    'nodes[0].paths[0]',
    /":"/,
    node('kind: promtail\npaths: ["/var/log/etc/*"]'),
  ],
  [
    'an image reference with a space',
    'images: { prometheus: "prom/prometheus:v2 --privileged" }\nnodes: []\n',
    'images.prometheus',
    /Docker image reference/,
    'images: { prometheus: "registry.example.org:5000/prom/prometheus:v2.53.0" }\nnodes: []\n',
  ],
  [
    'a version that is not an image tag',
    node('kind: loki\nversion: "3.0 latest"'),
    'nodes[0].version',
    /image tag/,
    node('kind: loki\nversion: "3.0.0-rc.1"'),
  ],
  [
    'a plugin id that would inject another install',
    node('kind: grafana\nplugins: ["grafana-clock-panel,evil-app"]'),
    'nodes[0].plugins[0]',
    /Grafana plugin id/,
    node('kind: grafana\nplugins: ["grafana-clock-panel"]'),
  ],
  [
    'a data store user with a line break',
    node('kind: postgres\nuser: "grafana\\nadmin_password = x"'),
    'nodes[0].user',
    /letters, digits/,
    node('kind: postgres\nuser: "${PG_USER}"'),
  ],
  [
    'a metrics path with a query',
    node('kind: targets\nmetricsPath: "/metrics?x=1"'),
    'nodes[0].metricsPath',
    /URL path/,
    node('kind: targets\nmetricsPath: "/probe/metrics"'),
  ],
  [
    'a receiver URL with a "%" that is not an escape',
    am('{ name: r, type: webhook, url: "http://h/a%zz" }'),
    'nodes[0].receivers[0].url',
    /http:\/\/ or https:\/\//,
    am('{ name: r, type: webhook, url: "http://h/a%2Fb" }'),
  ],
  [
    'a group_by with "..." and other labels',
    node('kind: alertmanager\nroute: { groupBy: ["...", alertname] }'),
    'nodes[0].route.groupBy',
    /cannot be listed with other labels/,
    node('kind: alertmanager\nroute: { groupBy: ["..."] }'),
  ],
  [
    'a group_by that lists a label twice',
    node('kind: alertmanager\nroute: { groupBy: [alertname, alertname] }'),
    'nodes[0].route.groupBy',
    /twice/,
    node('kind: alertmanager\nroute: { groupBy: [alertname, job] }'),
  ],
  [
    'a zero repeat interval',
    node('kind: alertmanager\nroute: { repeatInterval: 0s }'),
    'nodes[0].route.repeatInterval',
    /longer than zero/,
    node('kind: alertmanager\nroute: { repeatInterval: 1ms, groupWait: 0s }'),
  ],
  [
    "a duration out of Prometheus's range",
    node('kind: prometheus\nretention: 99999999999999y'),
    'nodes[0].retention',
    /at most 100y/,
    node('kind: prometheus\nretention: 100y'),
  ],
];

describe('string fields that reach generated files', () => {
  it.each(CASES)('refuses %s, at its path and line', (_what, bad, path, message, good) => {
    const errors = errorsOf(bad);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
    expect(hit?.line).toBeGreaterThan(3);
    expect(errorsOf(good)).toEqual([]);
  });
});

describe('Alertmanager matchers', () => {
  it.each([
    ['severity="page"', null],
    ['severity = page', null],
    ['team=~"db|web"', null],
    ['msg="a \\"quoted\\" word"', null],
    ['msg="back\\\\slash"', null],
    ['severity', /write name="value"/],
    ['severity=page"', /unescaped double quote/],
    ['a="b', /no closing double quote/],
    ['a="b"c"', /unescaped double quote/],
    ['a=b}', /quote a value/],
    ['a=~"(x"', /not a regular expression/],
    ['a=~"(?=x)"', /not RE2/],
  ])('%s', (text, problem) => {
    const got = matcherProblem(text);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });

  it('leaves regexes RE2 reads alone', () => {
    expect(re2Problem('[a-z]+\\d{2,3}')).toBeNull();
    expect(re2Problem('(a)\\1')).toMatch(/not RE2/);
  });
});
