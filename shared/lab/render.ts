// Configs that need secret values at start. The exported stack renders them inside the container
// with a `/bin/sh -c` script (shared/generate/alertmanager.ts); the lab's images may have no
// shell, and the lab knows the values anyway, so it renders them on the host and runs the program
// directly.
import yaml from 'js-yaml';
import {
  cleanSecretValue,
  dumpAlertmanagerYaml,
  renderPlaceholders,
  type SecretRenderPlan,
} from '../generate/alertmanager-render.ts';
import type { FileTree, ServiceSpec } from '../generate/types.ts';
import type { LabPlan, LabRenderedFile } from './types.ts';

export interface RenderedLaunch {
  /** The program's arguments only: the program is the image's own ENTRYPOINT (the runner reads it). */
  command: string[];
  binds: { source: string; target: string }[];
  /** Other files of the replaced mount, copied beside the rendered one. */
  copies: FileTree;
  file: LabRenderedFile;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * The lab's launch of a service with a secret render plan: the mount holding the template is
 * replaced by a lab folder holding the rendered file under the template's own name, and the
 * program reads that instead of the in-container output. The render plan's program path is the
 * upstream image's; another image may keep its program elsewhere, so only the arguments are kept.
 */
export function renderedLaunch(
  s: ServiceSpec,
  plan: SecretRenderPlan,
  files: FileTree,
): RenderedLaunch {
  const dir = dirname(plan.template);
  const mount = s.mounts.find((m) => m.target === dir);
  if (!mount) throw new Error(`${s.name}: no mount holds its config template ${plan.template}`);
  const renderedDir = `${mount.source}.rendered`;
  const templatePath = `${mount.source}/${basename(plan.template)}`;
  const template = files[templatePath];
  if (template === undefined) throw new Error(`${s.name}: no generated file ${templatePath}`);
  const copies: FileTree = {};
  for (const [p, text] of Object.entries(files)) {
    if (p.startsWith(`${mount.source}/`) && p !== templatePath) {
      copies[`${renderedDir}/${p.slice(mount.source.length + 1)}`] = text;
    }
  }
  const [program, ...args] = plan.exec;
  if (program === undefined) throw new Error(`${s.name}: the render plan runs no program`);
  return {
    command: args.map((a) => a.split(plan.output).join(plan.template)),
    binds: s.mounts.map((m) => (m === mount ? { source: renderedDir, target: m.target } : m)),
    copies,
    file: {
      path: `${renderedDir}/${basename(plan.template)}`,
      template,
      placeholders: Object.fromEntries(renderPlaceholders(plan)),
    },
  };
}

function replaceStrings(v: unknown, swap: (s: string) => string): unknown {
  if (typeof v === 'string') return swap(v);
  if (Array.isArray(v)) return v.map((x) => replaceStrings(x, swap));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceStrings(x, swap)]));
  }
  return v;
}

/**
 * The rendered files of a plan with the lab's values. Works on the parsed YAML, not the text, so
 * a value holding `:` or `#` stays one string. Every placeholder in a string is replaced, in one
 * pass (a value is never searched for placeholders); values are cleaned as the container does.
 */
export function renderLabFiles(plan: LabPlan, values: Record<string, string>): FileTree {
  const out: FileTree = {};
  for (const r of plan.rendered) {
    const names = Object.keys(r.placeholders).sort((a, b) => b.length - a.length);
    if (names.length === 0) {
      out[r.path] = r.template;
      continue;
    }
    const any = new RegExp(
      names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      'g',
    );
    const swap = (s: string) =>
      s.replace(any, (placeholder) => {
        const v = r.placeholders[placeholder] ?? '';
        const value = values[v];
        if (value === undefined) throw new Error(`no value for ${v}, which ${r.path} needs`);
        return cleanSecretValue(value);
      });
    const doc = replaceStrings(yaml.load(r.template), swap);
    out[r.path] = dumpAlertmanagerYaml(doc, false);
  }
  return out;
}
