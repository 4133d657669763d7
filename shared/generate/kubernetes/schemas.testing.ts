// Test helper: checks every document of a Kubernetes export against the Kubernetes and Prometheus
// Operator schemas (kubernetes-models), so the export is judged by the APIs, not by opinion.
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
import type { FileTree } from '../types.ts';
import type { Manifest } from './meta.ts';

interface Validating {
  validate(): void;
}
type ModelClass = new (data: never) => Validating;

const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace as unknown as ModelClass,
  'v1/ConfigMap': ConfigMap as unknown as ModelClass,
  'v1/Secret': Secret as unknown as ModelClass,
  'v1/Service': Service as unknown as ModelClass,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim as unknown as ModelClass,
  'apps/v1/StatefulSet': StatefulSet as unknown as ModelClass,
  'apps/v1/Deployment': Deployment as unknown as ModelClass,
  'monitoring.coreos.com/v1/Prometheus': Prometheus as unknown as ModelClass,
  'monitoring.coreos.com/v1/Alertmanager': Alertmanager as unknown as ModelClass,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule as unknown as ModelClass,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor as unknown as ModelClass,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor as unknown as ModelClass,
  'monitoring.coreos.com/v1alpha1/ScrapeConfig': ScrapeConfig as unknown as ModelClass,
  'monitoring.coreos.com/v1alpha1/AlertmanagerConfig': AlertmanagerConfig as unknown as ModelClass,
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
