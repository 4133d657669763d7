// The export targets a person chooses between: docker-compose (one machine) or Kubernetes with the
// Prometheus Operator. The CLI, the host and the export dialog all choose through here.
import type { Topology } from '../../model/schema.ts';
import { generateExport } from '../index.ts';
import type { FileTree } from '../types.ts';
import { generateKubernetes } from './index.ts';

import type { ExportTarget } from '../../export-target.ts';

export type { ExportTarget } from '../../export-target.ts';

export interface TargetExport {
  files: FileTree;
  /** Variables (compose) or Secret keys (Kubernetes) a person must fill in. */
  vars: string[];
  /** What was made, for a one-line summary: "5 services" or "12 manifests". */
  summary: string;
  /** Where the variables are listed. */
  varsFile: string;
}

export function generateForTarget(
  t: Topology,
  target: ExportTarget,
  designText?: string,
): TargetExport {
  const options = designText !== undefined ? { designText } : {};
  if (target === 'kubernetes') {
    const k = generateKubernetes(t, options);
    const manifests = Object.keys(k.files).filter(
      (p) => p.endsWith('.yaml') && !p.endsWith('kustomization.yaml') && p !== 'topology.yaml',
    ).length;
    return {
      files: k.files,
      vars: k.secrets,
      summary: `${manifests} manifest files`,
      varsFile: 'secret.example.yaml',
    };
  }
  const c = generateExport(t, options);
  return {
    files: c.files,
    vars: c.vars.map((v) => v.name),
    summary: `${c.services.length} services`,
    varsFile: '.env.example',
  };
}
