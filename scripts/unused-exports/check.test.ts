import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type CheckInput, type InstalledPackage } from './check.ts';
import { readModule, type Resolver } from './modules.ts';

/** A tree of files in memory: relative imports resolve to the files that exist. */
function analyse(
  files: Record<string, string>,
  entries: string[],
  options: Partial<Omit<CheckInput, 'modules' | 'entries'>> = {},
) {
  const known = (f: string) => (f in files ? f : undefined);
  const resolver: Resolver = {
    module: (spec, from) =>
      spec.startsWith('.') ? known(path.posix.join(path.posix.dirname(from), spec)) : undefined,
    path: (text, from) => known(path.posix.join(path.posix.dirname(from), text)) ?? known(text),
  };
  const modules = Object.entries(files).map(([f, text]) => readModule(f, text, resolver));
  return check({
    modules,
    entries: new Set(entries),
    manifest: {},
    installed: () => ({ binaries: [], peers: [] }),
    ignoreExportsUsedInFile: false,
    ...options,
  });
}

describe('unused exports', () => {
  it('reports an export no other file imports, with its line, and not the one imported', () => {
    const found = analyse(
      {
        'main.ts': "import { used } from './lib.ts';\nused();",
        'lib.ts':
          'export function used() {}\n\nexport const unused = 1;\nexport type Unused = string;',
      },
      ['main.ts'],
    );
    expect(found.unusedExports).toEqual([
      { file: 'lib.ts', line: 3, name: 'unused' },
      { file: 'lib.ts', line: 4, name: 'Unused' },
    ]);
    expect(found.unusedFiles).toEqual([]);
  });

  it('follows re-exports (named, renamed, star) to the declaring file', () => {
    const found = analyse(
      {
        'main.ts': "import { a, renamed, type C } from './barrel.ts';",
        'barrel.ts':
          "export * from './a.ts';\nexport { b as renamed, d } from './b.ts';\nimport { c } from './c.ts';\nexport { c as C };",
        'a.ts': 'export const a = 1;\nexport const a2 = 2;',
        'b.ts': 'export const b = 1;\nexport const d = 1;',
        'c.ts': 'export type c = 1;',
      },
      ['main.ts'],
    );
    expect(found.unusedExports.map((e) => `${e.file}:${e.name}`)).toEqual([
      'barrel.ts:d',
      'a.ts:a2',
      'b.ts:d',
    ]);
  });

  it('counts a namespace import, a dynamic import and `import()` types as using everything', () => {
    const found = analyse(
      {
        'main.ts':
          "import * as ns from './ns.ts';\nawait import('./lazy.ts');\ntype T = import('./types.ts').Only;",
        'ns.ts': 'export const x = 1;',
        'lazy.ts': 'export const y = 1;',
        'types.ts': 'export type Only = 1;\nexport type Other = 2;',
      },
      ['main.ts'],
    );
    expect(found.unusedExports.map((e) => `${e.file}:${e.name}`)).toEqual(['types.ts:Other']);
  });

  it('keeps the exports of entries, and reports files no entry reaches', () => {
    const found = analyse(
      {
        'main.ts': "export const api = 1;\nnew Worker(new URL('./worker.ts', import.meta.url));",
        'worker.ts': "export const onMessage = 1;\nimport './side.ts';",
        'side.ts': 'export const s = 1;',
        'orphan.ts': 'export const o = 1;',
      },
      ['main.ts'],
    );
    expect(found.unusedFiles).toEqual(['orphan.ts']);
    expect(found.unusedExports.map((e) => `${e.file}:${e.name}`)).toEqual(['side.ts:s']);
  });

  it('spares exports their own file uses when asked, and those marked @public', () => {
    const files = {
      'main.ts': "import './lib.ts';",
      'lib.ts':
        'export interface Shape { n: number }\nexport function make(): Shape { return { n: 1 }; }\n/** @public */\nexport const kept = make();',
    };
    expect(analyse(files, ['main.ts']).unusedExports.map((e) => e.name)).toEqual(['Shape', 'make']);
    expect(analyse(files, ['main.ts'], { ignoreExportsUsedInFile: true }).unusedExports).toEqual(
      [],
    );
  });
});

describe('unused dependencies', () => {
  const installed: Record<string, InstalledPackage> = {
    lint: { binaries: ['lint-cli'], peers: [] },
    editor: { binaries: [], peers: ['editor-peer'] },
  };
  const found = analyse(
    { 'main.ts': "import 'editor/sub';\nimport x from '@scope/pkg/deep';" },
    ['main.ts'],
    {
      manifest: {
        dependencies: { editor: '1', 'editor-peer': '1', '@scope/pkg': '1', unused: '1' },
        devDependencies: { lint: '1', '@types/editor': '1', '@types/gone': '1', tsx: '1' },
        scripts: { check: 'lint-cli . && node --import tsx x.ts' },
      },
      installed: (d) => installed[d] ?? { binaries: [], peers: [] },
    },
  );

  it('counts imports, peers of used packages, tools run by scripts and their @types', () => {
    expect(found.unusedDependencies).toEqual(['unused', '@types/gone']);
  });
});
