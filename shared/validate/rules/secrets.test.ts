import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';

const am = (receivers: string) => `nodes:
  - id: am
    kind: alertmanager
    name: am
    receivers:
${receivers}
`;

describe('secret-literal', () => {
  it.each([
    [
      'a password in a webhook URL',
      `      - { name: r, type: webhook, url: "https://ops:hunter2@hooks.example.com/alert" }`,
      'a password in a URL',
    ],
    [
      'a Slack webhook secret',
      `      - { name: r, type: slack, url: "https://hooks.slack.com/services/T024BE7LD/B01ABCDEF/aB3dE5gH7jK9mN1pQ3rS5tU7" }`,
      'Slack webhook',
    ],
    [
      'a Slack token in a channel',
      `      - { name: r, type: slack, url: "\${SLACK}", channel: "xoxb-123456789012-abcdefghijkl" }`,
      'Slack token',
    ],
    [
      'a PagerDuty key in its URL',
      `      - { name: r, type: pagerduty, routingKey: "\${PD}", url: "https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue" }`,
      'PagerDuty',
    ],
    [
      'a bearer token',
      `      - { name: r, type: webhook, url: "https://h.example.com/?auth=Bearer%20abcdef0123456789" }`,
      'bearer token',
    ],
    [
      'an AWS access key',
      `      - { name: r, type: email, to: ops@example.com, authUsername: AKIAIOSFODNN7EXAMPLE }`,
      'AWS access key',
    ],
    [
      'a GitHub token',
      `      - { name: r, type: webhook, url: "https://api.github.com/?t=ghp_abcdefghijklmnopqrstuvwxyz0123456789" }`,
      'GitHub token',
    ],
  ])('reports %s, without repeating it', (_what, receiver, said) => {
    const f = findingsOf('secret-literal', topo(am(receiver)));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.nodes).toEqual(['am']);
    expect(f[0]?.message).toContain('alertmanager "am" receivers[0]');
    expect(f[0]?.message).toContain(said);
    expect(f[0]?.message).not.toMatch(/hunter2|aB3dE5|xoxb-1|0123456789abcdef0|AKIA|ghp_/);
  });

  it('looks everywhere: labels, annotations, notes and images, keyed as PagerDuty keys', () => {
    const f = findingsOf(
      'secret-literal',
      topo(`images: { grafana: "registry.example.com/grafana:11" }
nodes:
  - id: p
    kind: prometheus
    name: prom
    notes: "pull with https://bot:s3cr3t@git.example.com/rules.git"
    alertRules:
      - { alert: Down, expr: up == 0, annotations: { routing_key: 0123456789abcdef0123456789abcdef } }
groups: [ { id: g, externalLabels: { token: "Bearer abcdefgh12345678" } } ]
`),
    );
    expect(f.map((x) => x.message).sort()).toEqual([
      'group "g" externalLabels.token holds a bearer token',
      'prometheus "prom" alertRules[0].annotations.routing_key holds a PagerDuty key',
      'prometheus "prom" notes holds a password in a URL (user:password@)',
    ]);
  });

  it('accepts ${VAR} references, placeholder URLs and URLs without a password', () => {
    const f = findingsOf(
      'secret-literal',
      topo(
        am(`      - { name: a, type: webhook, url: "https://\${HOOK_USER}:\${HOOK_PASSWORD}@hooks.example.com/alert" }
      - { name: b, type: webhook, url: "https://hooks.example.com/\${TEAM}/alert" }
      - { name: c, type: slack, url: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" }
      - { name: d, type: slack, url: "https://hooks.slack.com/services/\${SLACK_PATH}" }
      - { name: e, type: email, to: "oncall@example.com", smarthost: "smtp.example.com:587", authUsername: alertmanager }
      - { name: f, type: webhook, url: "https://user@hooks.example.com/a?key=\${KEY}" }
      - { name: g, type: pagerduty, routingKey: "\${PD_KEY}", url: "https://events.pagerduty.com/v2/enqueue" }
      - { name: h, type: webhook, url: "https://h.example.com/?auth=Bearer%20\${TOKEN}" }
      - { name: i, type: email, to: "ops@example.com", from: "Bearer authentication desk <am@example.com>" }`),
      ),
    );
    expect(f).toEqual([]);
  });
});

describe('var-not-expanded', () => {
  it('reports a ${VAR} in rule files, scrape configs and Promtail, naming the field and why', () => {
    const f = findingsOf(
      'var-not-expanded',
      topo(`nodes:
  - id: p
    kind: prometheus
    name: prom
    alertRules:
      - { alert: Down, expr: up == 0, labels: { team: "\${TEAM}" }, annotations: { runbook: "https://wiki/\${WIKI}/down" } }
  - { id: t, kind: targets, name: node, labels: { env: "\${ENV}" } }
  - { id: l, kind: promtail, name: logs, paths: ["/var/log/\${APP}/*.log"] }
edges:
  - { id: s, kind: scrape, from: p, to: t, job: "node-\${ENV}" }
`),
    );
    expect(f.map((x) => x.message).sort()).toEqual([
      'prometheus "prom" alertRules[0].annotations.runbook holds ${WIKI}, which stays as written: Prometheus reads rule files as written and expands no variables in them',
      'prometheus "prom" alertRules[0].labels.team holds ${TEAM}, which stays as written: Prometheus reads rule files as written and expands no variables in them',
      'promtail "logs" paths[0] holds ${APP}, which stays as written: Promtail reads its config as written (no -config.expand-env)',
      'scrape edge "s" job holds ${ENV}, which stays as written: Prometheus expands variables in external labels only, not in scrape configs',
      'targets "node" labels.env holds ${ENV}, which stays as written: Prometheus expands variables in external labels only, not in scrape configs',
    ]);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(f.find((x) => x.message.startsWith('scrape'))?.edges).toEqual(['s']);
  });

  it('accepts ${VAR}s where they are filled in, and in free text', () => {
    const f = findingsOf(
      'var-not-expanded',
      topo(`metadata: { name: ok, description: "uses \${NOTHING}" }
images: { prometheus: "\${REGISTRY}/prometheus:v3" }
groups: [ { id: g, label: "team \${X}", externalLabels: { dc: "\${DC}" } } ]
nodes:
  - { id: p, kind: prometheus, name: prom, group: g, externalLabels: { region: "eu-\${REGION}" }, notes: "\${IN_NOTES}" }
  - id: am
    kind: alertmanager
    name: am
    receivers: [ { name: r, type: webhook, url: "https://hooks.example.com/\${TEAM}/alert" } ]
  - { id: gr, kind: grafana, name: grafana, adminPassword: "\${GF}", plugins: ["\${PLUGIN}"] }
  - { id: pg, kind: postgres, name: pg, user: "\${PG_USER}", database: "\${PG_DB}", version: "\${PG_VERSION}" }
edges:
  - { id: d, kind: datasource, from: gr, to: p, name: "prom \${DC}" }
`).replace('metadata: { name: test }\n', ''),
    );
    expect(f).toEqual([]);
  });
});
