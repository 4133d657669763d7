// grafana.ini: a small serializer (ini is text; values from the design must not become config)
// and the settings a Grafana node gets from its design: admin, shared database, cache, HA alerting.
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { dataStoreConnection } from './datastores.ts';

type GrafanaNode = NodeOf<'grafana'>;
export type IniValue = string | number | boolean;
export type IniSections = Record<string, Record<string, IniValue>>;

/** Port of Grafana's alerting gossip (unified_alerting HA). */
export const GRAFANA_HA_PORT = 9094;
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Sections -> `[section]` and `key = value` lines. Names must be plain words; a value that would
 * be read differently (a line break, surrounding blanks or quotes) is refused or quoted.
 */
export function renderIni(sections: IniSections): string {
  const out: string[] = [];
  for (const [section, entries] of Object.entries(sections)) {
    if (!NAME.test(section))
      throw new Error(`grafana.ini: invalid section name ${JSON.stringify(section)}`);
    if (out.length > 0) out.push('');
    out.push(`[${section}]`);
    for (const [key, raw] of Object.entries(entries)) {
      if (!NAME.test(key))
        throw new Error(`grafana.ini: invalid key ${JSON.stringify(key)} in [${section}]`);
      out.push(`${key} = ${iniValue(section, key, String(raw))}`);
    }
  }
  return out.join('\n') + '\n';
}

function iniValue(section: string, key: string, value: string): string {
  if (/[\r\n]/.test(value)) {
    throw new Error(
      `grafana.ini: the value of ${key} in [${section}] contains a line break, which would start a new setting: ${JSON.stringify(value)}`,
    );
  }
  if (value !== value.trim() || /^["'`]/.test(value)) {
    // go-ini trims blanks and strips quotes unless the value is wrapped in triple quotes.
    if (value.includes('"""')) {
      throw new Error(
        `grafana.ini: the value of ${key} in [${section}] cannot be quoted: ${JSON.stringify(value)}`,
      );
    }
    return `"""${value}"""`;
  }
  return value;
}

/** `${VAR}` -> Grafana's `$__env{VAR}`, recording VAR so the service passes it in. */
function fromEnv(value: string, vars: Set<string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, v: string) => {
    vars.add(v);
    return `$__env{${v}}`;
  });
}

/** The variable holding a Grafana's admin password when the design names none. */
export function generatedAdminVar(node: GrafanaNode): string {
  return `${node.name.toUpperCase().replace(/-/g, '_')}_ADMIN_PASSWORD`;
}

function databaseSection(
  store: NodeOf<'postgres'> | NodeOf<'mysql'>,
  vars: Set<string>,
): Record<string, IniValue> {
  const c = dataStoreConnection(store);
  const postgres = store.kind === 'postgres';
  return {
    type: postgres ? 'postgres' : 'mysql',
    host: `${c.host}:${c.port}`,
    ...(c.database !== undefined ? { name: fromEnv(c.database, vars) } : {}),
    ...(c.user !== undefined ? { user: fromEnv(c.user, vars) } : {}),
    ...(c.passwordVar !== undefined ? { password: fromEnv(`\${${c.passwordVar}}`, vars) } : {}),
    ...(postgres ? { ssl_mode: 'disable' } : {}),
  };
}

export interface GrafanaIni {
  text: string;
  /** Variables the file reads with `$__env{}`: the service must pass each in. */
  vars: string[];
}

export function grafanaIni(ctx: GenerateContext, node: GrafanaNode, adminVar: string): GrafanaIni {
  const vars = new Set<string>([adminVar]);
  const sections: IniSections = {
    server: { http_port: 3000 },
    security: { admin_user: 'admin', admin_password: `$__env{${adminVar}}` },
    analytics: {
      reporting_enabled: false,
      check_for_updates: false,
      check_for_plugin_updates: false,
    },
  };
  const backends = ctx.outgoing(node.id, 'backend').map((e) => ctx.node(e.to));
  const sql = backends.find((n) => n.kind === 'postgres' || n.kind === 'mysql');
  if (sql) {
    sections.database = databaseSection(sql, vars);
  }
  const redis = backends.find((n) => n.kind === 'redis');
  if (redis) {
    const c = dataStoreConnection(redis);
    const password =
      c.passwordVar !== undefined ? `,password=${fromEnv(`\${${c.passwordVar}}`, vars)}` : '';
    sections.remote_cache = { type: 'redis', connstr: `addr=${c.host}:${c.port}${password}` };
  }
  const instances = ctx.instances(node);
  sections.unified_alerting = {
    enabled: true,
    ...(instances.length > 1
      ? {
          // Each replica advertises its own name through GF_UNIFIED_ALERTING_HA_ADVERTISE_ADDRESS.
          ha_listen_address: `0.0.0.0:${GRAFANA_HA_PORT}`,
          ha_peers: instances.map((i) => `${i.name}:${GRAFANA_HA_PORT}`).join(','),
        }
      : {}),
  };
  return { text: renderIni(sections), vars: [...vars].sort() };
}
