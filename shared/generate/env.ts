// .env (the compose project name only), .env.example (every variable, each with why) and, when a
// service mounts secret files, scripts/write-secrets.sh to write them from .env.
import type { Topology } from '../model/schema.ts';
import { VAR_REF } from '../model/primitives.ts';
import { referencedVars } from '../model/vars.ts';
import type { GenerateContext } from './context.ts';
import type { ExportResult, ServiceSpec } from './types.ts';

export const WRITE_SECRETS_PATH = 'scripts/write-secrets.sh';

/** The why index.ts gives a variable the design itself references. */
const DESIGN_WHY = 'referenced by the design';

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function renderEnv(ctx: GenerateContext): string {
  return `COMPOSE_PROJECT_NAME=${ctx.topology.metadata.name}\n`;
}

/**
 * Variables the design's values use. Free text (notes, the description) is not configuration, so
 * a `${VAR}` written there is not asked for.
 */
export function designVars(t: Topology): string[] {
  const strip = <T extends { notes?: string }>(x: T) => ({ ...x, notes: undefined });
  return referencedVars({
    ...t,
    metadata: { ...t.metadata, description: undefined },
    groups: (t.groups ?? []).map(strip),
    nodes: t.nodes.map(strip),
    edges: (t.edges ?? []).map(strip),
  });
}

/** Where the design uses each variable, e.g. `alertmanager "am" (receivers[0].url)`; free text left out. */
export function designVarUses(t: Topology): Map<string, string[]> {
  const uses = new Map<string, Set<string>>();
  // The path is kept as segments and spelled out only where a variable is found: a design of
  // thousands of nodes has hundreds of thousands of values and few variables.
  const path: (string | number)[] = [];
  const spelled = () =>
    path.reduce<string>(
      (s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s === '' ? seg : `${s}.${seg}`),
      '',
    );
  const walk = (v: unknown, owner: string) => {
    if (typeof v === 'string') {
      if (!v.includes('$')) return;
      for (const m of v.matchAll(VAR_REF)) {
        if (!m[1]) continue;
        const list = uses.get(m[1]) ?? new Set<string>();
        list.add(`${owner} (${spelled()})`);
        uses.set(m[1], list);
      }
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        path.push(i);
        walk(x, owner);
        path.pop();
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'notes' || k === 'description') continue;
        path.push(k);
        walk(x, owner);
        path.pop();
      }
    }
  };
  for (const n of t.nodes) walk({ ...n, id: undefined, name: undefined }, `${n.kind} "${n.name}"`);
  for (const e of t.edges ?? []) walk(e, `${e.kind} edge "${e.id}"`);
  for (const g of t.groups ?? []) walk(g, `group "${g.id}"`);
  walk({ defaults: t.defaults, images: t.images }, 'the design');
  return new Map([...uses].map(([name, list]) => [name, [...list]]));
}

/**
 * The variables a person must fill in: those of the export, less any the design names only in
 * free text (notes, description), with design references saying where they are used.
 */
export function stackVars(t: Topology, vars: ExportResult['vars']): ExportResult['vars'] {
  const uses = designVarUses(t);
  const referenced = new Set(referencedVars(t));
  return vars.flatMap((v) => {
    const where = uses.get(v.name);
    if (!where && referenced.has(v.name) && v.why === DESIGN_WHY) return [];
    return [
      where && v.why === DESIGN_WHY ? { name: v.name, why: `used by ${where.join(', ')}` } : v,
    ];
  });
}

/**
 * Variables the stack reads, sorted: those docker-compose.yml interpolates (compose expands
 * `${VAR}` in every value it gives a container: image, command, environment, mounts) and the
 * secret files it mounts. A `${VAR}` left in a file no tool expands is not read, so not asked for.
 */
export function usedVars(services: readonly ServiceSpec[]): string[] {
  const found = new Set<string>();
  for (const s of services) {
    const interpolated = [
      s.image,
      s.user,
      s.command,
      s.entrypoint,
      s.environment,
      s.hostMounts,
      s.health,
    ];
    for (const v of referencedVars(interpolated)) found.add(v);
    for (const v of s.secrets ?? []) found.add(v);
  }
  return [...found].sort();
}

/** Secret names mounted by any service, sorted. */
export function secretVars(services: readonly ServiceSpec[]): string[] {
  return [...new Set(services.flatMap((s) => s.secrets ?? []))].sort();
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function renderEnvExample(
  ctx: GenerateContext,
  vars: ExportResult['vars'],
  services: readonly ServiceSpec[] = [],
): string {
  const secrets = new Set(secretVars(services));
  const lines = [
    `# Variables of the "${oneLine(ctx.topology.metadata.name)}" stack. Copy this file and fill in every value:`,
    '#   cp .env.example .env',
    '# docker compose reads .env next to docker-compose.yml. Keep the filled-in .env out of git:',
    '# it holds secrets.',
  ];
  if (secrets.size > 0) {
    lines.push(
      '# Variables marked "secret file" are also read by their containers from secrets/<NAME>:',
      `# after filling in .env, run  sh ${WRITE_SECRETS_PATH}  (see README.md).`,
    );
  }
  lines.push('', '# Names the containers, networks and volumes of this stack.');
  lines.push(`COMPOSE_PROJECT_NAME=${ctx.topology.metadata.name}`);
  for (const v of stackVars(ctx.topology, vars)) {
    if (!VAR_NAME.test(v.name)) throw new Error(`"${v.name}" is not a variable name`);
    lines.push('', `# ${oneLine(v.why)}`);
    if (secrets.has(v.name)) lines.push(`# secret file: also written to secrets/${v.name}`);
    lines.push(`${v.name}=`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A POSIX script that writes each secret file docker-compose.yml mounts (./secrets/<NAME>) from
 * the value in .env; null when no service uses secret files.
 */
export function renderWriteSecrets(services: readonly ServiceSpec[]): string | null {
  const names = secretVars(services);
  if (names.length === 0) return null;
  for (const n of names) if (!VAR_NAME.test(n)) throw new Error(`"${n}" is not a variable name`);
  return [
    '#!/bin/sh',
    '# Generated by Federation Studio. Writes every secret file docker-compose.yml mounts, from .env.',
    '# Run it from anywhere after filling in .env:  sh scripts/write-secrets.sh',
    'set -eu',
    'cd "$(dirname "$0")/.."',
    'if [ ! -f .env ]; then',
    '  echo "no .env: run  cp .env.example .env  and fill it in first" >&2',
    '  exit 1',
    'fi',
    'umask 077',
    'mkdir -p secrets',
    "# Only you can open the folder; the files inside stay readable by the containers' own",
    '# non-root users (a bind-mounted file is reached without passing through its folder).',
    'chmod 700 secrets',
    'write_secret() {',
    '  value=$(sed -n "s/^$1=//p" .env | tail -n 1)',
    '  # One pair of surrounding quotes is syntax, as compose reads .env.',
    '  case $value in',
    '    \\"*\\") value=${value#\\"}; value=${value%\\"} ;;',
    "    \\'*\\') value=${value#\\'}; value=${value%\\'} ;;",
    '  esac',
    '  if [ -z "$value" ]; then',
    '    echo "$1 is not set in .env" >&2',
    '    exit 1',
    '  fi',
    '  printf \'%s\' "$value" > "secrets/$1"',
    '  chmod 644 "secrets/$1"',
    '  echo "wrote secrets/$1"',
    '}',
    ...names.map((n) => `write_secret ${n}`),
    '',
  ].join('\n');
}
