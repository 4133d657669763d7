// Helpers for rule tests: designs are written as YAML and go through the real parser.
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';
import { validate, type ValidateOptions } from './engine.ts';
import type { Finding } from './types.ts';

export function design(yamlText: string): Topology {
  const r = parseTopology(yamlText);
  if (!r.ok)
    throw new Error(
      `test design does not parse:\n${r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n')}`,
    );
  return r.topology;
}

/** Findings of one rule on a design given as the YAML of its nodes and edges. */
export function findingsOf(
  ruleId: string,
  yamlText: string,
  options: ValidateOptions = {},
): Finding[] {
  return validate(design(yamlText), undefined, options).findings.filter((f) => f.rule === ruleId);
}

/** A design's YAML with the usual head, so tests write only nodes, edges and groups. */
export function topo(body: string, name = 'test'): string {
  return `apiVersion: fedstudio/v1\nkind: Topology\nmetadata: { name: ${name} }\n${body}`;
}
