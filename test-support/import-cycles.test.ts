import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { featureFolder, findCycles, folderGraph, formatCycles } from './import-cycles.ts';
import { readImportGraph, type ImportEdge } from './import-graph.ts';
import { SOURCE_ROOTS } from './source-roots.ts';

const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });

describe('findCycles', () => {
  it('finds a cycle, with a walk around it, and none in a tree', () => {
    const cycles = findCycles(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')],
    );
    expect(cycles).toEqual([
      { path: ['a', 'b', 'c', 'a'], typeOnly: false, members: ['a', 'b', 'c'] },
    ]);
    expect(findCycles(['a', 'b', 'c'], [edge('a', 'b'), edge('a', 'c'), edge('b', 'c')])).toEqual(
      [],
    );
  });

  it('counts a cycle made of type imports alone, and says so', () => {
    const cycles = findCycles(['a', 'b'], [edge('a', 'b', true), edge('b', 'a', true)]);
    expect(cycles).toEqual([{ path: ['a', 'b', 'a'], typeOnly: true, members: ['a', 'b'] }]);
    expect(formatCycles('file cycle', cycles)).toBe('file cycle (types only): a > b > a');
  });

  it('names every member tied into a cycle beyond the walk it shows', () => {
    const cycles = findCycles(
      ['a', 'b', 'c'],
      [edge('a', 'b'), edge('b', 'a'), edge('b', 'c'), edge('c', 'a')],
    );
    expect(formatCycles('folder cycle', cycles)).toBe('folder cycle: a > b > a (tied: a, b, c)');
  });

  it('finds a module that imports itself and every separate cycle', () => {
    const cycles = findCycles(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'a'), edge('b', 'c'), edge('c', 'b'), edge('c', 'd')],
    );
    expect(cycles.map((c) => c.path)).toEqual([
      ['a', 'a'],
      ['b', 'c', 'b'],
    ]);
  });
});

describe('folderGraph', () => {
  it('joins files into feature folders and leaves tests out', () => {
    expect(featureFolder('renderer/src/files/dialogs/OpenDialog.tsx')).toBe('renderer/src/files');
    expect(featureFolder('shared/validate/rules/am-single.ts')).toBe('shared/validate');
    expect(featureFolder('shared/host-api.ts')).toBe('shared/host-api.ts');
    const folders = folderGraph({
      files: ['x/a/1.ts', 'x/b/2.ts', 'x/b/2.test.ts'],
      edges: [edge('x/a/1.ts', 'x/b/2.ts'), edge('x/b/2.test.ts', 'x/a/1.ts')],
    });
    expect(folders.edges).toEqual([edge('x/a', 'x/b')]);
    expect(findCycles(folders.nodes, folders.edges)).toEqual([]);
  });
});

describe('readImportGraph', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every way one module names another, and which are for types only', () => {
    const files: Record<string, string> = {
      'a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
      'b.ts': "export * from './c.ts';\nexport type B = import('./d.ts').D;\n",
      'c.ts': "import { type E, e } from './e.ts';\nexport const c: E = e;\n",
      'd.ts': "export type D = 1;\nexport const load = () => import('./a.ts');\n",
      'e.ts':
        "import { x } from 'zod';\nimport raw from './a.ts?raw';\nexport type E = 1;\nexport const e = 1 as const;\nexport { x, raw };\n",
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const graph = readImportGraph(dir, ['.']);
    const text = graph.edges.map((e) => `${e.from}>${e.to}${e.typeOnly ? ' type' : ''}`).sort();
    expect(text).toEqual([
      'a.ts>b.ts type',
      'b.ts>c.ts',
      'b.ts>d.ts type',
      'c.ts>e.ts',
      'd.ts>a.ts',
    ]);
    expect(findCycles(graph.files, graph.edges).map((c) => c.path)).toEqual([
      ['a.ts', 'b.ts', 'd.ts', 'a.ts'],
    ]);
  });
});

describe('the code base', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const graph = readImportGraph(root, SOURCE_ROOTS);

  it('has no import cycle between files, type imports included', () => {
    expect(formatCycles('file cycle', findCycles(graph.files, graph.edges))).toBe('');
  });

  it('has no import cycle between feature folders', () => {
    const folders = folderGraph(graph);
    const cycles = findCycles(folders.nodes, folders.edges);
    expect(formatCycles('folder cycle', cycles)).toBe('');
  });

  it('keeps shared UI pieces in a leaf folder and the host behind renderer/src/host', () => {
    const outside = (from: string, to: string) =>
      graph.edges.filter((e) => e.from.startsWith(from) && !e.to.startsWith(to));
    expect(outside('renderer/src/ui/', 'renderer/src/ui/')).toEqual([]);
    const hostImports = outside('renderer/src/host/', 'renderer/src/host/').filter((e) =>
      e.to.startsWith('renderer/'),
    );
    expect(hostImports).toEqual([]);
    const reachingHost = graph.files.filter(
      (f) =>
        f.startsWith('renderer/src/') &&
        !f.startsWith('renderer/src/host/') &&
        /window\.fedstudio|fetch\(|\.\/api\//.test(readFileSync(path.join(root, f), 'utf8')),
    );
    expect(reachingHost).toEqual([]);
  });
});
