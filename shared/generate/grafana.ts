// Grafana nodes -> per node: grafana.ini, provisioning for data sources and dashboards, an overview
// dashboard; and one container per replica. Replicas share the files; each advertises itself to
// the others for HA alerting.
import yaml from 'js-yaml';
import { NODE_KINDS } from '../kinds/index.ts';
import { SINGLE_VAR_REF } from '../model/primitives.ts';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { overviewDashboard } from './grafana-dashboard.ts';
import { CLICKHOUSE_PLUGIN, GRAFANA_PORT, grafanaDataSources } from './grafana-datasources.ts';
import { GRAFANA_HA_PORT, generatedAdminVar, grafanaIni } from './grafana-ini.ts';
import type { FileTree, GeneratedPart, ServiceSpec } from './types.ts';

type GrafanaNode = NodeOf<'grafana'>;

const DASHBOARDS_DIR = '/var/lib/grafana/dashboards';

/** Where a node's files live in the export. */
export function grafanaDir(node: GrafanaNode): string {
  return `grafana/${node.name}`;
}

/**
 * Grafana expands `$VAR` and `${VAR}` from its environment in provisioning files. `${VAR}`
 * references of the design stay (and are recorded, so the service passes them in); any other `$`
 * becomes `$$`, Grafana's escape for a literal dollar.
 */
export function forGrafanaProvisioning<T>(value: T, vars: Set<string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$/g, (m, name: string | undefined) => {
        if (name === undefined) return '$$';
        vars.add(name);
        return m;
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

function dumpYaml(value: unknown): string {
  return yaml.dump(value, { lineWidth: -1, noRefs: true, quotingType: '"' });
}

export function generateGrafana(ctx: GenerateContext): GeneratedPart {
  const files: FileTree = {};
  const services: ServiceSpec[] = [];
  const extraVars: { name: string; why: string }[] = [];
  for (const node of ctx.nodesOfKind('grafana')) {
    const dir = grafanaDir(node);
    const envVars = new Set<string>();
    const sources = grafanaDataSources(ctx, node);
    files[`${dir}/provisioning/datasources/datasources.yml`] = dumpYaml(
      forGrafanaProvisioning({ apiVersion: 1, datasources: sources.map((s) => s.ds) }, envVars),
    );
    files[`${dir}/provisioning/dashboards/dashboards.yml`] = dumpYaml(
      forGrafanaProvisioning(
        {
          apiVersion: 1,
          providers: [
            {
              name: 'fedstudio',
              orgId: 1,
              folder: 'Federation Studio',
              type: 'file',
              disableDeletion: true,
              allowUiUpdates: false,
              updateIntervalSeconds: 30,
              options: { path: DASHBOARDS_DIR, foldersFromFilesStructure: false },
            },
          ],
        },
        envVars,
      ),
    );
    files[`${dir}/dashboards/overview.json`] =
      JSON.stringify(overviewDashboard(ctx, node, sources), null, 2) + '\n';

    const designVar =
      node.adminPassword !== undefined ? SINGLE_VAR_REF.exec(node.adminPassword)?.[1] : undefined;
    const adminVar = designVar ?? generatedAdminVar(node);
    if (designVar === undefined) {
      extraVars.push({ name: adminVar, why: `admin password of Grafana ${node.name}` });
    }
    const ini = grafanaIni(ctx, node, adminVar);
    files[`${dir}/grafana.ini`] = ini.text;

    const plugins = [...(node.plugins ?? [])];
    if (
      sources.some((s) => s.ds.type === CLICKHOUSE_PLUGIN) &&
      !plugins.includes(CLICKHOUSE_PLUGIN)
    ) {
      plugins.push(CLICKHOUSE_PLUGIN);
    }
    const passed = [...new Set([...ini.vars, ...envVars])].sort();
    const environment: Record<string, string> = Object.fromEntries(
      passed.map((v) => [v, `\${${v}}`]),
    );
    if (plugins.length > 0) environment.GF_INSTALL_PLUGINS = plugins.join(',');

    const instances = ctx.instances(node);
    for (const instance of instances) {
      services.push({
        name: instance.name,
        nodeId: node.id,
        imageKey: 'grafana',
        image: ctx.image('grafana'),
        environment: {
          ...environment,
          ...(instances.length > 1
            ? { GF_UNIFIED_ALERTING_HA_ADVERTISE_ADDRESS: `${instance.name}:${GRAFANA_HA_PORT}` }
            : {}),
        },
        mounts: [
          { source: `${dir}/grafana.ini`, target: '/etc/grafana/grafana.ini' },
          { source: `${dir}/provisioning`, target: '/etc/grafana/provisioning' },
          { source: `${dir}/dashboards`, target: DASHBOARDS_DIR },
        ],
        volumes: [{ name: `${instance.name}-data`, target: '/var/lib/grafana' }],
        ports: [{ container: GRAFANA_PORT, name: 'web' }],
        health: NODE_KINDS.grafana.health,
        dependsOn: ctx.dependsOn(node.id),
      });
    }
  }
  return { files, services, ...(extraVars.length > 0 ? { vars: extraVars } : {}) };
}
