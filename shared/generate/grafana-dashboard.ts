// The overview dashboard every generated Grafana gets: per data source, the panels that tell an
// operator the source works — targets up and scrape cost for Prometheus-type sources, the
// recording-rule and federated series of a queried Prometheus, a listing for SQL and InfluxDB.
import type { Dashboard, DataSourceRef, Panel, RowPanel } from '@grafana/schema';
import type { NodeOf } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';
import { fitUid, type ResolvedDataSource } from './grafana-datasources.ts';

/** The dashboard JSON schema version of Grafana 12.1 (the default image). */
export const DASHBOARD_SCHEMA_VERSION = 41;
/** Recording-rule panels per queried Prometheus; a dashboard is an overview, not a catalog. */
const MAX_RULE_PANELS = 6;
const WIDTH = 12;
const HEIGHT = 8;

type PanelDraft = Omit<Panel, 'id' | 'gridPos' | 'datasource'>;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A PromQL selector for one metric name, whatever characters the design put in it. */
function metricSelector(name: string): string {
  return METRIC_NAME.test(name) ? name : `{__name__=${JSON.stringify(name)}}`;
}

function timeseries(title: string, targets: Record<string, unknown>[], unit?: string): PanelDraft {
  return {
    type: 'timeseries',
    title,
    targets,
    fieldConfig: { defaults: unit !== undefined ? { unit } : {}, overrides: [] },
    options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true } },
  };
}

function promQuery(expr: string, legendFormat?: string, refId = 'A'): Record<string, unknown> {
  return { refId, expr, ...(legendFormat !== undefined ? { legendFormat } : {}), range: true };
}

function text(title: string, content: string): PanelDraft {
  return { type: 'text', title, options: { mode: 'markdown', content } };
}

function sqlTable(title: string, rawSql: string): PanelDraft {
  return {
    type: 'table',
    title,
    targets: [{ refId: 'A', rawSql, format: 'table', rawQuery: true, editorMode: 'code' }],
  };
}

function prometheusPanels(ctx: GenerateContext, r: ResolvedDataSource): PanelDraft[] {
  const panels = [
    timeseries('Targets up by job', [promQuery('sum by (job) (up)', '{{job}}')]),
    timeseries(
      'Scrape duration by job',
      [promQuery('max by (job) (scrape_duration_seconds)', '{{job}}')],
      's',
    ),
  ];
  const source = r.source;
  if (source.kind !== 'prometheus') return panels;
  for (const rule of (source.recordingRules ?? []).slice(0, MAX_RULE_PANELS)) {
    panels.push(timeseries(rule.record, [promQuery(metricSelector(rule.record))]));
  }
  const matches = ctx
    .outgoing(source.id, 'federate')
    .flatMap((e) => e.match)
    .slice(0, 26);
  if (matches.length > 0) {
    panels.push(
      timeseries(
        'Federated series',
        matches.map((m, i) => promQuery(m, undefined, String.fromCharCode(65 + i))),
      ),
    );
  }
  return panels;
}

function panelsFor(ctx: GenerateContext, r: ResolvedDataSource): PanelDraft[] {
  switch (r.ds.type) {
    case 'prometheus':
      return prometheusPanels(ctx, r);
    case 'loki':
      return [
        {
          type: 'logs',
          title: 'Recent logs',
          targets: [{ refId: 'A', expr: '{job=~".+"}', queryType: 'range' }],
        },
      ];
    case 'influxdb':
      return [
        {
          type: 'table',
          title: 'Measurements',
          targets: [
            { refId: 'A', query: 'SHOW MEASUREMENTS', rawQuery: true, resultFormat: 'table' },
          ],
        },
      ];
    case 'grafana-clickhouse-datasource':
      return [
        {
          type: 'table',
          title: 'Tables',
          targets: [
            {
              refId: 'A',
              editorType: 'sql',
              format: 1,
              rawSql:
                'SELECT name, engine, total_rows FROM system.tables WHERE database = currentDatabase()',
            },
          ],
        },
      ];
    case 'grafana-postgresql-datasource':
      return [
        sqlTable(
          'Tables',
          "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
        ),
      ];
    case 'mysql':
      return [
        sqlTable(
          'Tables',
          'SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()',
        ),
      ];
    case 'alertmanager':
      return [
        text(
          'Alerts',
          'Firing alerts and silences of this Alertmanager are under **Alerting**: choose this data source there.',
        ),
      ];
    default:
      return [text('Traces', 'Search traces of this data source in **Explore**.')];
  }
}

export function overviewDashboard(
  ctx: GenerateContext,
  grafana: NodeOf<'grafana'>,
  sources: ResolvedDataSource[],
): Dashboard {
  const panels: (Panel | RowPanel)[] = [];
  let id = 1;
  let y = 0;
  if (sources.length === 0) {
    panels.push({
      ...text(
        'No data sources',
        'Connect this Grafana to what it should show with a `datasource` edge.',
      ),
      id: id++,
      gridPos: { x: 0, y, w: 24, h: 4 },
    });
  }
  for (const r of sources) {
    const ref: DataSourceRef = { type: r.ds.type, uid: r.ds.uid };
    panels.push({
      type: 'row',
      id: id++,
      title: r.ds.name,
      collapsed: false,
      panels: [],
      gridPos: { x: 0, y, w: 24, h: 1 },
    });
    y += 1;
    const own = panelsFor(ctx, r);
    own.forEach((p, i) => {
      panels.push({
        ...p,
        id: id++,
        datasource: ref,
        gridPos: { x: (i % 2) * WIDTH, y: y + Math.floor(i / 2) * HEIGHT, w: WIDTH, h: HEIGHT },
      });
    });
    y += Math.ceil(own.length / 2) * HEIGHT;
  }
  return {
    uid: fitUid(`fedstudio-${grafana.name}`),
    title: `${grafana.name} overview`,
    description: 'Generated by Federation Studio from the design; edits in Grafana are not kept.',
    tags: ['fedstudio'],
    editable: false,
    timezone: 'browser',
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    version: 1,
    annotations: { list: [] },
    templating: { list: [] },
    panels,
  };
}
