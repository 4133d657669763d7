// Findings as SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, Azure DevOps) read: one
// run of the tool "fedstudio", its rules with when/why/fix, and each finding at its file:line.
import type { Rule } from './rule.ts';
import type { Finding, Severity } from './types.ts';

/** A finding with the place in the design file it points at, when known. */
export type LocatedFinding = Finding & { line?: number; column?: number };

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A path as a SARIF uri-reference: forward slashes, each segment percent-encoded. */
export function sarifUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  return slashed
    .split('/')
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
}

export function toSarif(
  file: string,
  findings: readonly LocatedFinding[],
  rules: readonly Pick<Rule, 'id' | 'severity' | 'when' | 'why' | 'fix' | 'sources' | 'area'>[],
  tool: { version: string; informationUri?: string },
): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fedstudio',
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.when },
              fullDescription: { text: r.why },
              help: { text: `Fix: ${r.fix}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: [r.area, ...r.sources] },
            })),
          },
        },
        artifacts: [{ location: { uri: sarifUri(file) } }],
        results: findings.map((f) => {
          const ruleIndex = index.get(f.rule);
          return {
            ruleId: f.rule,
            ...(ruleIndex !== undefined ? { ruleIndex } : {}),
            level: LEVEL[f.severity],
            message: { text: `${f.message} Fix: ${f.fix}` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: sarifUri(file), index: 0 },
                  ...(f.line !== undefined && f.line > 0
                    ? {
                        region: {
                          startLine: f.line,
                          ...(f.column !== undefined && f.column > 0
                            ? { startColumn: f.column }
                            : {}),
                        },
                      }
                    : {}),
                },
              },
            ],
            // What the finding names, so a scanner tells two findings of one rule apart.
            partialFingerprints: { designItems: [...f.nodes, ...f.edges].join(',') || f.rule },
            ...(f.suppressed
              ? { suppressions: [{ kind: 'inSource', justification: 'suppressed in the design' }] }
              : {}),
          };
        }),
      },
    ],
  };
}
