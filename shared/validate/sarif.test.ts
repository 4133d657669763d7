import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseTopology, sourcePositions } from '../design/parse.ts';
import { validate } from './engine.ts';
import { focusOf } from './focus.ts';
import { githubAnnotations } from './github-annotations.ts';
import { RULES } from './rules/index.ts';
import { toSarif, type LocatedFinding } from './sarif.ts';

// The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that we emit, written out
// with the schema's own constraints: closed objects (additionalProperties: false), required
// members, level's enum, 1-based lines, uri-reference URIs, unique artifact index >= -1.
const message = z.strictObject({ text: z.string().min(1) });
const level = z.enum(['none', 'note', 'warning', 'error']);
const uriReference = z.string().refine((u) => !/[\s\\]/.test(u) && !/%(?![0-9A-F]{2})/i.test(u), {
  message: 'not a uri-reference',
});
const SarifLog = z.strictObject({
  $schema: z.url(),
  version: z.literal('2.1.0'),
  runs: z.array(
    z.strictObject({
      tool: z.strictObject({
        driver: z.strictObject({
          name: z.string().min(1),
          version: z.string().optional(),
          informationUri: z.url().optional(),
          rules: z.array(
            z.strictObject({
              id: z.string().min(1),
              shortDescription: message,
              fullDescription: message,
              help: message,
              defaultConfiguration: z.strictObject({ level }),
              properties: z.strictObject({ tags: z.array(z.string()) }),
            }),
          ),
        }),
      }),
      artifacts: z.array(z.strictObject({ location: z.strictObject({ uri: uriReference }) })),
      results: z.array(
        z.strictObject({
          ruleId: z.string(),
          ruleIndex: z.number().int().min(-1).optional(),
          level,
          message,
          locations: z.array(
            z.strictObject({
              physicalLocation: z.strictObject({
                artifactLocation: z.strictObject({
                  uri: uriReference,
                  index: z.number().int().min(-1),
                }),
                region: z
                  .strictObject({
                    startLine: z.number().int().min(1),
                    startColumn: z.number().int().min(1).optional(),
                  })
                  .optional(),
              }),
            }),
          ),
          partialFingerprints: z.record(z.string(), z.string()),
          suppressions: z
            .array(
              z.strictObject({
                kind: z.enum(['inSource', 'external']),
                justification: z.string().optional(),
              }),
            )
            .optional(),
        }),
      ),
    }),
  ),
});

const TEMPLATES = path.resolve(import.meta.dirname, '../../templates');

function located(text: string): LocatedFinding[] {
  const parsed = parseTopology(text);
  if (!parsed.ok) throw new Error('does not parse');
  const positions = sourcePositions(text, parsed.topology);
  return validate(parsed.topology).findings.map((f) => {
    const at = positions.get(focusOf(parsed.topology, f));
    return at ? { ...f, line: at.line, column: at.column } : f;
  });
}

const BROKEN = `apiVersion: fedstudio/v1
kind: Topology
metadata:
  name: broken
nodes:
  - id: global
    kind: prometheus
    name: global
  - id: leaf
    kind: prometheus
    name: leaf
edges:
  - id: fed
    kind: federate
    from: global
    to: leaf
    match: ['{__name__=~".+"}']
`;

describe('SARIF output', () => {
  it('fits SARIF 2.1.0 for every template and a design with errors', () => {
    const designs = readdirSync(TEMPLATES)
      .filter((f) => f.endsWith('.topology.yaml'))
      .map((f) => ({
        file: `templates/${f}`,
        text: readFileSync(path.join(TEMPLATES, f), 'utf8'),
      }));
    designs.push({ file: 'designs\\odd name %.topology.yaml', text: BROKEN });
    for (const d of designs) {
      const log = toSarif(d.file, located(d.text), RULES, { version: '0.1.0' });
      const r = SarifLog.safeParse(log);
      expect(r.success ? [] : r.error.issues, d.file).toEqual([]);
    }
  });

  it('puts each finding at its rule, level and line', () => {
    const findings = located(BROKEN);
    const log = SarifLog.parse(toSarif('x.topology.yaml', findings, RULES, { version: '1' }));
    const run = log.runs[0]!;
    const result = run.results.find((r) => r.ruleId === 'fed-match-everything');
    expect(result?.level).toBe('error');
    expect(run.tool.driver.rules[result!.ruleIndex!]?.id).toBe('fed-match-everything');
    // The federate edge starts on line 13 of the design.
    expect(result?.locations[0]?.physicalLocation.region?.startLine).toBe(13);
    expect(run.artifacts[0]?.location.uri).toBe('x.topology.yaml');
  });
});

describe('GitHub annotations', () => {
  it('writes one workflow command per active finding, escaped', () => {
    const findings: LocatedFinding[] = [
      {
        rule: 'fed-match-everything',
        severity: 'error',
        message: 'global federates 100% of leaf,\nall of it',
        nodes: ['global'],
        edges: ['fed'],
        fix: 'Match job: rules.',
        line: 13,
        column: 5,
      },
      { rule: 'am-single', severity: 'info', message: 'one', nodes: [], edges: [], fix: 'two' },
      {
        rule: 'global-single',
        severity: 'warning',
        message: 'accepted',
        nodes: [],
        edges: [],
        fix: 'x',
        suppressed: true,
      },
    ];
    expect(githubAnnotations('a,b:c.yaml', findings)).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=13,col=5,title=fed-match-everything::global federates 100%25 of leaf,%0Aall of it Fix: Match job: rules.\n' +
        '::notice file=a%2Cb%3Ac.yaml,title=am-single::one Fix: two\n',
    );
    expect(githubAnnotations('a.yaml', [])).toBe('');
  });
});
