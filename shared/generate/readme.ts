// The export's README.md: what the design is, what each file is, how to run it and where each
// service answers. Made from the export's own data, so it cannot drift from the files.
import { NODE_KINDS } from '../kinds/index.ts';
import type { ImageKey } from '../model/schema.ts';
import { hostPortsByService, type HostPort } from './compose.ts';
import type { GenerateContext } from './context.ts';
import { secretVars, stackVars, WRITE_SECRETS_PATH } from './env.ts';
import { DEFAULT_EXPORTER } from './targets.ts';
import type { ExportResult, ServiceSpec } from './types.ts';

const FILES: Record<string, string> = {
  'docker-compose.yml': 'Every container of the design, on one network, ports on 127.0.0.1',
  '.env': 'The compose project name (no secrets)',
  '.env.example': 'Every variable the stack needs, with why; copy it to `.env` and fill it in',
  'topology.yaml': 'The design these files were generated from',
  'README.md': 'This file',
};

/** Top-level folders: each kind's own (shared/kinds/<kind>.ts), and the scripts. */
const FOLDERS: ReadonlyMap<string, string> = new Map([
  ...Object.values(NODE_KINDS).flatMap((m) =>
    m.exportFolder ? [[m.exportFolder.name, m.exportFolder.says] as const] : [],
  ),
  ['scripts', '`write-secrets.sh`: writes `secrets/<NAME>` from `.env`'],
]);

/** Escapes a table cell: `|` would end the cell, a line break the row. */
export function cell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** Schemes of the images whose main port does not speak HTTP, from their kinds' modules. */
const SCHEMES: ReadonlyMap<ImageKey, string> = new Map(
  Object.values(NODE_KINDS).flatMap((m) =>
    m.image !== null && m.urlScheme !== undefined ? [[m.image, m.urlScheme] as const] : [],
  ),
);

/** How a person reaches a published port from the host. */
export function hostUrl(s: ServiceSpec, p: HostPort): string {
  const scheme = SCHEMES.get(s.imageKey);
  if (scheme) return `${scheme}://127.0.0.1:${p.host}`;
  if (p.name.endsWith('grpc')) return `127.0.0.1:${p.host} (gRPC)`;
  return `http://127.0.0.1:${p.host}`;
}

export function renderReadme(
  ctx: GenerateContext,
  result: Omit<ExportResult, 'vars'> & { vars: ExportResult['vars'] },
): string {
  const t = ctx.topology;
  const { files, services } = result;
  const vars = stackVars(t, result.vars);
  const out: string[] = [`# ${t.metadata.name}`, ''];
  if (t.metadata.description) out.push(t.metadata.description, '');
  out.push(
    `Exported by Federation Studio from \`topology.yaml\`: ${t.nodes.length} design nodes, ` +
      `${services.length} containers.`,
    '',
    '## Files',
    '',
  );
  const top = new Set(Object.keys(files).map((p) => p.split('/')[0] ?? p));
  top.add('README.md');
  const rows = [...top].sort().map((name) => {
    const isFolder = !(name in files) && name !== 'README.md';
    return isFolder
      ? [
          `\`${name}/\``,
          FOLDERS.get(name) ?? 'Generated configuration mounted read-only into its containers',
        ]
      : [`\`${name}\``, FILES[name] ?? 'Generated file'];
  });
  const secrets = secretVars(services);
  if (secrets.length > 0)
    rows.push([
      '`secrets/`',
      'Not exported: one file per secret, written by you or the script below',
    ]);
  out.push(...table(['Path', 'What it is'], rows), '');

  out.push('## Run it', '', '```sh', 'cp .env.example .env    # then fill in every value');
  if (secrets.length > 0) out.push(`sh ${WRITE_SECRETS_PATH}   # writes secrets/<NAME> from .env`);
  out.push(
    'docker compose up -d    # or, with Compose v1: docker-compose up -d',
    'docker compose ps',
    'docker compose down     # add -v to delete the data volumes too',
    '```',
    '',
  );
  if (vars.length > 0) {
    out.push(
      `\`.env\` needs ${vars.length} variable(s): ${vars.map((v) => `\`${v.name}\``).join(', ')}.`,
    );
    if (secrets.length > 0)
      out.push(
        `These are also read from files under \`secrets/\`: ${secrets.map((s) => `\`${s}\``).join(', ')}.`,
      );
    out.push('');
  }

  out.push(
    '## Services',
    '',
    'Every port is published on 127.0.0.1 only. Host ports start at the container port and count up ' +
      'when an earlier service took it.',
    '',
  );
  const portsByService = hostPortsByService(services);
  const svcRows = services.map((s) => {
    const node = ctx.node(s.nodeId);
    const urls = (portsByService.get(s.name) ?? []).map((p, _i, all) =>
      all.length === 1 ? hostUrl(s, p) : `${p.name}: ${hostUrl(s, p)}`,
    );
    return [
      `\`${s.name}\``,
      `${node.name} (${NODE_KINDS[node.kind].label})`,
      s.image,
      urls.join(', ') || '—',
    ];
  });
  out.push(...table(['Service', 'Design node', 'Image', 'URL'], svcRows), '');

  out.push(
    '## Instance names',
    '',
    'A node stands for `replicas` x `shards` servers, named from the node name: one server keeps the ' +
      'name; replicas are `<name>-0`, `<name>-1`, ...; shards are `<name>-shard-0`, ...; both are ' +
      '`<name>-shard-<s>-<r>`. Each carries its `shard` / `replica` external label. A Prometheus ' +
      'with a Thanos sidecar has a `<server>-sidecar` container beside each server.',
    '',
  );
  const multi = t.nodes.filter((n) => n.kind !== 'targets' && ctx.instances(n).length > 1);
  if (multi.length > 0) {
    out.push(
      ...table(
        ['Node', 'Servers'],
        multi.map((n) => [
          n.name,
          ctx
            .instances(n)
            .map((i) => i.name)
            .join(', '),
        ]),
      ),
      '',
    );
  }

  const targets = ctx.nodesOfKind('targets');
  if (targets.length > 0) {
    out.push(
      '## Scrape targets',
      '',
      'Each targets node is found the way its `discovery` says (file by default, or static, or service discovery: DNS, ' +
        'Consul, Kubernetes, EC2). With file discovery a job reads ' +
        "`prometheus/<server>/targets/<job>.json`: the design's `addresses`, or examples " +
        '(`*.example.invalid`) to replace with the real machines: the one thing to fill in. Probe ' +
        'nodes (blackbox exporter) probe their targets through the blackbox exporter the stack runs ' +
        'with `blackbox/<node>/blackbox.yml`. The lab runs a few real exporters in their place and ' +
        'says where its configs differ.',
      '',
      ...table(
        ['Targets', 'Exporter', 'Discovery', 'Targets listed'],
        targets.map((n) => {
          const listed = n.exporter === 'blackbox' ? (n.probe?.targets ?? []) : (n.addresses ?? []);
          const type = n.discovery?.type ?? 'file';
          return [
            n.name,
            n.exporter ?? DEFAULT_EXPORTER,
            type,
            listed.length > 0
              ? listed.join(', ')
              : type === 'file' || type === 'static'
                ? 'examples to replace'
                : 'discovered',
          ];
        }),
      ),
      '',
    );
  }

  out.push(
    '## Regenerate',
    '',
    'Edit `topology.yaml` (or open it in Federation Studio), then:',
    '',
    '```sh',
    'npx fedstudio validate topology.yaml',
    'npx fedstudio export topology.yaml --out <dir> --force',
    '```',
    '',
    'Generated files are overwritten: change the design, not the output.',
    '',
  );
  return out.join('\n');
}
