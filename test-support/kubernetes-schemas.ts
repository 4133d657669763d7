// Checks every document of a Kubernetes export against the Kubernetes and Prometheus
// Operator schemas (kubernetes-models), so the export is judged by the APIs, not by opinion.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { Alertmanager } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Alertmanager';
import { Prometheus } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Prometheus';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { AlertmanagerConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig';
import { ScrapeConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/ScrapeConfig';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import type { FileTree } from '../shared/generate/types.ts';
import type { Manifest } from '../shared/generate/kubernetes/meta.ts';

interface Validating {
  validate(): void;
}
type ModelClass = new (data: never) => Validating;

const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/StatefulSet': StatefulSet,
  'apps/v1/Deployment': Deployment,
  'monitoring.coreos.com/v1/Prometheus': Prometheus,
  'monitoring.coreos.com/v1/Alertmanager': Alertmanager,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'monitoring.coreos.com/v1alpha1/ScrapeConfig': ScrapeConfig,
  'monitoring.coreos.com/v1alpha1/AlertmanagerConfig': AlertmanagerConfig,
};

/** Every Kubernetes document of an export (kustomization files are Kustomize's, not the API's). */
export function manifestsOf(files: FileTree): { path: string; doc: Manifest }[] {
  return Object.entries(files)
    .filter(
      ([p]) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml') && p !== 'topology.yaml',
    )
    .flatMap(([path, text]) =>
      yaml
        .loadAll(text)
        .filter((d) => d !== null && d !== undefined)
        .map((doc) => ({ path, doc: doc as Manifest })),
    );
}

/** Schema errors of every document, as `path kind/name: message`; empty when all validate. */
export function schemaErrors(files: FileTree): string[] {
  const errors: string[] = [];
  for (const { path, doc } of manifestsOf(files)) {
    const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
    const where = `${path} ${doc.kind}/${doc.metadata.name}`;
    if (!Model) {
      errors.push(`${where}: no schema known for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(withModelQuirks(doc) as never).validate();
    } catch (e) {
      errors.push(`${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return errors;
}

/**
 * kubernetes-models 6.0.0 types the operator's embedded claim (`storage.volumeClaimTemplate`) as a
 * resource of its own that must carry `apiVersion: monitoring.coreos.com/v1` and `kind:
 * EmbeddedPersistentVolumeClaim`; the operator's published CRD leaves both optional and nobody
 * writes them. The checked copy gets them so the rest of the claim is still validated.
 */
function withModelQuirks(doc: Manifest): Manifest {
  const storage = (doc.spec as { storage?: { volumeClaimTemplate?: object } } | undefined)?.storage;
  if (!storage?.volumeClaimTemplate) return doc;
  const copy = structuredClone(doc);
  const spec = copy.spec as { storage: { volumeClaimTemplate: object } };
  spec.storage.volumeClaimTemplate = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'EmbeddedPersistentVolumeClaim',
    ...spec.storage.volumeClaimTemplate,
  };
  return copy;
}

/**
 * The kubernetes-models validators accept fields the CRD does not define (the API server would
 * silently prune them), so the fields we write are also checked against the property names the
 * models declare: `spec` of each operator resource, and the nested objects we fill.
 */
const OPERATOR_MODELS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../node_modules/@kubernetes-models/prometheus-operator/monitoring.coreos.com',
);

const declared = new Map<string, Set<string>>();
function declaredFields(model: string): Set<string> {
  let names = declared.get(model);
  if (!names) {
    const text = readFileSync(path.join(OPERATOR_MODELS, `${model}.d.ts`), 'utf8');
    const body = text.slice(text.indexOf('export declare class'));
    names = new Set([...body.matchAll(/^ {4}"([A-Za-z0-9]+)"\??:/gm)].map((m) => m[1] ?? ''));
    declared.set(model, names);
  }
  return names;
}

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** Which model each object we write must match, reached from a resource's spec. */
function fieldChecks(doc: Manifest): [string, Obj][] {
  const spec = (doc.spec ?? {}) as Obj;
  switch (`${doc.apiVersion}/${doc.kind}`) {
    case 'monitoring.coreos.com/v1/Prometheus':
      return [
        ['v1/PrometheusSpec', spec],
        ...list(spec.remoteWrite).map((r): [string, Obj] => ['v1/RemoteWriteSpec', r]),
        ...list(spec.remoteWrite)
          .filter((r) => r.queueConfig)
          .map((r): [string, Obj] => ['v1/QueueConfig', r.queueConfig as Obj]),
        ...(spec.thanos ? [['v1/ThanosSpec', spec.thanos as Obj] as [string, Obj]] : []),
        ...list((spec.alerting as Obj | undefined)?.alertmanagers).map((a): [string, Obj] => [
          'v1/AlertmanagerEndpoints',
          a,
        ]),
      ];
    case 'monitoring.coreos.com/v1/Alertmanager':
      return [['v1/AlertmanagerSpec', spec]];
    case 'monitoring.coreos.com/v1/PrometheusRule':
      return [['v1/PrometheusRuleSpec', spec]];
    case 'monitoring.coreos.com/v1alpha1/ScrapeConfig':
      return [
        ['v1alpha1/ScrapeConfigSpec', spec],
        ...list(spec.staticConfigs).map((s): [string, Obj] => ['v1alpha1/StaticConfig', s]),
        ...list(spec.relabelings).map((r): [string, Obj] => ['v1/RelabelConfig', r]),
      ];
    case 'monitoring.coreos.com/v1alpha1/AlertmanagerConfig': {
      const receivers = list(spec.receivers);
      const byKey = (key: string, model: string) =>
        receivers.flatMap((r) => list(r[key]).map((c): [string, Obj] => [model, c]));
      return [
        ['v1alpha1/AlertmanagerConfigSpec', spec],
        ['v1alpha1/Route', spec.route as Obj],
        ...list((spec.route as Obj).routes).map((r): [string, Obj] => ['v1alpha1/Route', r]),
        ...receivers.map((r): [string, Obj] => ['v1alpha1/Receiver', r]),
        ...byKey('webhookConfigs', 'v1alpha1/WebhookConfig'),
        ...byKey('slackConfigs', 'v1alpha1/SlackConfig'),
        ...byKey('emailConfigs', 'v1alpha1/EmailConfig'),
        ...byKey('pagerdutyConfigs', 'v1alpha1/PagerDutyConfig'),
      ];
    }
    default:
      return [];
  }
}

/** Fields we write that the operator's schema does not define, as `path kind/name: model.field`. */
export function undeclaredFields(files: FileTree): string[] {
  const out: string[] = [];
  for (const { path: p, doc } of manifestsOf(files)) {
    for (const [model, obj] of fieldChecks(doc)) {
      const known = declaredFields(model);
      for (const key of Object.keys(obj)) {
        if (!known.has(key)) out.push(`${p} ${doc.kind}/${doc.metadata.name}: ${model}.${key}`);
      }
    }
  }
  return out;
}
