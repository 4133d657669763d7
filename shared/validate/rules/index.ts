// Every rule of RULES.md, in its order, then the project's own. One module per rule, named by its id.
import type { Rule } from '../rule.ts';
import { fedMatchEverything } from './fed-match-everything.ts';
import { fedMatchInvalid } from './fed-match-invalid.ts';
import { fedRawSeries } from './fed-raw-series.ts';
import { fedHonorLabels } from './fed-honor-labels.ts';
import { fedExternalLabelsMissing } from './fed-external-labels-missing.ts';
import { fedExternalLabelsClash } from './fed-external-labels-clash.ts';
import { fedCycle } from './fed-cycle.ts';
import { fedHaDuplicates } from './fed-ha-duplicates.ts';
import { fedPartialShardGroup } from './fed-partial-shard-group.ts';
import { fedInterval } from './fed-interval.ts';
import { fedAsProxy } from './fed-as-proxy.ts';
import { alertTooHigh } from './alert-too-high.ts';
import { alertNoAlertmanager } from './alert-no-alertmanager.ts';
import { amSingle } from './am-single.ts';
import { amNoReceivers } from './am-no-receivers.ts';
import { shardModulusMismatch } from './shard-modulus-mismatch.ts';
import { shardIndexGap } from './shard-index-gap.ts';
import { shardIndexDuplicate } from './shard-index-duplicate.ts';
import { shardDoubleScrape } from './shard-double-scrape.ts';
import { shardMissingLabel } from './shard-missing-label.ts';
import { capSeries } from './cap-series.ts';
import { capTargets } from './cap-targets.ts';
import { scrapeIntervalLong } from './scrape-interval-long.ts';
import { scrapeTimeoutGtInterval } from './scrape-timeout-gt-interval.ts';
import { ruleInvalidPromql } from './rule-invalid-promql.ts';
import { ruleNameConvention } from './rule-name-convention.ts';
import { ruleLabelsClashExternal } from './rule-labels-clash-external.ts';
import { grafanaHaSqlite } from './grafana-ha-sqlite.ts';
import { grafanaNoDatasource } from './grafana-no-datasource.ts';
import { grafanaDatasourcePartial } from './grafana-datasource-partial.ts';
import { grafanaChainDepth } from './grafana-chain-depth.ts';
import { grafanaChainCycle } from './grafana-chain-cycle.ts';
import { grafanaChainAuth } from './grafana-chain-auth.ts';
import { thanosCompactorSingleton } from './thanos-compactor-singleton.ts';
import { thanosQueryDedup } from './thanos-query-dedup.ts';
import { thanosSidecarObjstore } from './thanos-sidecar-objstore.ts';
import { targetsUnscraped } from './targets-unscraped.ts';
import { nodeIsolated } from './node-isolated.ts';
import { globalSingle } from './global-single.ts';
import { secretLiteral } from './secret-literal.ts';
import { varNotExpanded } from './var-not-expanded.ts';
import { k8sFederateCrossCluster } from './k8s-federate-cross-cluster.ts';
import { labTooLarge } from './lab-too-large.ts';
import { portsExhausted } from './ports-exhausted.ts';
import { relabelInvalid } from './relabel-invalid.ts';
import { tlsInsecureSkipVerify } from './tls-insecure-skip-verify.ts';
import { targetsExternal } from './targets-external.ts';
import { discoveryStaticEmpty } from './discovery-static-empty.ts';

export const RULES: readonly Rule[] = [
  fedMatchEverything,
  fedMatchInvalid,
  fedRawSeries,
  fedHonorLabels,
  fedExternalLabelsMissing,
  fedExternalLabelsClash,
  fedCycle,
  fedHaDuplicates,
  fedPartialShardGroup,
  fedInterval,
  fedAsProxy,
  k8sFederateCrossCluster,
  alertTooHigh,
  alertNoAlertmanager,
  amSingle,
  amNoReceivers,
  shardModulusMismatch,
  shardIndexGap,
  shardIndexDuplicate,
  shardDoubleScrape,
  shardMissingLabel,
  capSeries,
  capTargets,
  scrapeIntervalLong,
  scrapeTimeoutGtInterval,
  ruleInvalidPromql,
  ruleNameConvention,
  ruleLabelsClashExternal,
  grafanaHaSqlite,
  grafanaNoDatasource,
  grafanaDatasourcePartial,
  grafanaChainDepth,
  grafanaChainCycle,
  grafanaChainAuth,
  thanosCompactorSingleton,
  thanosQueryDedup,
  thanosSidecarObjstore,
  targetsUnscraped,
  nodeIsolated,
  globalSingle,
  secretLiteral,
  varNotExpanded,
  // The project's own, after RULES.md's.
  labTooLarge,
  portsExhausted,
  relabelInvalid,
  discoveryStaticEmpty,
  tlsInsecureSkipVerify,
  targetsExternal,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
