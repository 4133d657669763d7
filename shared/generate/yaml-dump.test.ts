import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { hostileText } from './hostile-designs.ts';
import { dumpYaml, type YamlDumpOptions } from './yaml-dump.ts';

const jsYaml = (v: unknown, o: YamlDumpOptions) =>
  yaml.dump(v, { lineWidth: -1, noRefs: true, quotingType: o.quotingType });

// Strings at the edges of plain style: implicit types, indicators, YAML 1.1 words, spacing.
const EDGES = [
  '',
  'a',
  'true',
  'True',
  'FALSE',
  'yes',
  'No',
  'ON',
  'y',
  'null',
  'Null',
  '~',
  '0',
  '012',
  '0x1F',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '-.INF',
  '.NaN',
  '2026-12-03',
  '2026-12-03T10:00:00Z',
  '1:20',
  '<<',
  '-a',
  '--flag=1',
  '- a',
  'a:',
  'a:b',
  'a: b',
  'http://127.0.0.1:9090/-/ready',
  './x:/etc/x:ro',
  '/dev/null',
  'a #b',
  'a#b',
  '#a',
  ' a',
  'a ',
  'a\tb',
  'a\nb',
  'a\n',
  'a\n\n',
  '\n',
  '\n a',
  ' a\nb',
  'a\n\n  b\n',
  'set -e\nexec "$@"\n',
  'a\tb\nc',
  'a\u0085\nb',
  'a,b',
  '[a]',
  '{a}',
  "it's",
  'say "hi"',
  '${VAR}',
  '$$',
  'é',
  '日本',
  '🙂',
  '\u2028',
  '\u0085',
  '\u0007',
  'x'.repeat(1100),
];

const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constantFrom(...EDGES), hostileText),
    fc.integer(),
    fc.constantFrom(0.5, -0, NaN, Infinity, 1e21, true, false, null, undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...EDGES), hostileText), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

describe('dumpYaml', () => {
  for (const quotingType of ['"', "'"] as const) {
    it(`writes what js-yaml writes (quoting ${quotingType})`, () => {
      for (const s of EDGES) {
        expect(dumpYaml(s, { quotingType })).toBe(jsYaml(s, { quotingType }));
        const nested = { k: [s, { [s]: s, list: [[s], []], empty: {} }], [s]: 1 };
        expect(dumpYaml(nested, { quotingType })).toBe(jsYaml(nested, { quotingType }));
      }
      fc.assert(
        fc.property(data, (v) => {
          expect(dumpYaml(v, { quotingType })).toBe(jsYaml(v, { quotingType }));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('rewrites string values, never keys, as js-yaml would see them rewritten', () => {
    const double = (s: string) => s.replaceAll('$', () => '$$');
    const doc = { $a: ['$x', { $b: '$y' }], multi: 'a$\nb' };
    expect(dumpYaml({ $a: ['$x', { $b: '$y' }] }, { quotingType: '"' }, double)).toBe(
      jsYaml({ $a: ['$$x', { $b: '$$y' }] }, { quotingType: '"' }),
    );
    expect(dumpYaml(doc, { quotingType: '"' }, double)).toBe(
      jsYaml({ $a: ['$$x', { $b: '$$y' }], multi: 'a$$\nb' }, { quotingType: '"' }),
    );
  });
});
