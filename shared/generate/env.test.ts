// .env.example asks for exactly what the stack reads: the variables docker-compose.yml
// interpolates and the secret files it mounts, and nothing a tool would never see.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../templates/load.ts';
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { generateExport } from './index.ts';

function design(body: string): Topology {
  const parsed = parseTopology(
    `apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: env-test }\n${body}`,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

const listed = (example: string) =>
  [...example.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=$/gm)].map((m) => m[1] ?? '');

/** Variables docker-compose.yml makes compose read: unescaped `${VAR}` and mounted secrets. */
function readByCompose(composeText: string): Set<string> {
  const compose = yaml.load(composeText) as {
    services: Record<string, unknown>;
    secrets?: Record<string, unknown>;
  };
  const out = new Set(Object.keys(compose.secrets ?? {}));
  // `$$` is compose's literal dollar, so only a `${` after an even run of `$` is a reference.
  const refs = /(?<!\$)(?:\$\$)*\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
  for (const m of JSON.stringify(compose.services).matchAll(refs)) out.add(m[1] ?? '');
  return out;
}

describe('.env.example', () => {
  it('leaves out variables named only in free text or in files no tool expands', () => {
    const out = generateExport(
      design(`nodes:
  - id: p
    kind: prometheus
    name: prom
    externalLabels: { region: "\${REGION}" }
    notes: "page \${ONLY_IN_NOTES}"
    alertRules:
      - { alert: Down, expr: up == 0, annotations: { runbook: "https://wiki/\${ONLY_IN_RULES}" } }
  - { id: t, kind: targets, name: node, labels: { team: "\${ONLY_IN_TARGET_LABELS}" } }
edges:
  - { id: s, kind: scrape, from: p, to: t, notes: "\${ONLY_IN_EDGE_NOTES}" }
`),
    );
    const names = listed(out.files['.env.example'] ?? '');
    expect(names).toEqual(['REGION']);
    expect(out.vars.map((v) => v.name)).toEqual(['REGION']);
  });

  it('asks for every variable compose reads and for nothing else, in every template', () => {
    for (const tpl of loadTemplates()) {
      const out = generateExport(tpl.topology, { designText: tpl.text });
      const read = readByCompose(out.files['docker-compose.yml'] ?? '');
      const names = listed(out.files['.env.example'] ?? '').filter(
        (n) => n !== 'COMPOSE_PROJECT_NAME',
      );
      expect(new Set(names), tpl.id).toEqual(read);
    }
  });

  it('asks for every variable compose reads and for nothing else, with a ${VAR} in every kind', () => {
    const out = generateExport(
      design(`nodes:
  - { id: p, kind: prometheus, name: prom, externalLabels: { region: "eu-\${REGION}" } }
  - id: am
    kind: alertmanager
    name: am
    receivers:
      - { name: hook, type: webhook, url: "https://hooks.example.com/\${TEAM}/alert" }
      - { name: page, type: pagerduty, routingKey: "\${PD_KEY}" }
  - { id: g, kind: grafana, name: grafana, adminPassword: "\${GF_PW}", plugins: ["\${PLUGIN}"] }
  - { id: pg, kind: postgres, name: pg, user: "\${PG_USER}", password: "\${PG_PW}" }
  - { id: s3, kind: object-store, name: s3, accessKey: "\${S3_ACCESS}", secretKey: "\${S3_SECRET}" }
images: { redis: "\${REGISTRY}/redis:7" }
`),
    );
    const read = readByCompose(out.files['docker-compose.yml'] ?? '');
    const names = listed(out.files['.env.example'] ?? '').filter(
      (n) => n !== 'COMPOSE_PROJECT_NAME',
    );
    expect(new Set(names)).toEqual(read);
    for (const v of ['REGION', 'TEAM', 'PD_KEY', 'GF_PW', 'PLUGIN', 'PG_USER', 'PG_PW'])
      expect(names).toContain(v);
    expect(names).toContain('S3_ACCESS');
  });
});
