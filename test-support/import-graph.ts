// The project's import graph, read with the TypeScript compiler so that `import type`, `export ...
// from`, `import('...')` calls and `import('...').T` type queries all count: a cycle made of type
// imports alone still ties two modules together.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  from: string;
  to: string;
  /** True when the module needs the target for its types only (erased at build time). */
  typeOnly: boolean;
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
}

const SOURCE = /\.(ts|tsx|mts|cts)$/;

function listSources(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listSources(root, path, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
}

interface Specifier {
  text: string;
  typeOnly: boolean;
}

function importsOf(source: ts.SourceFile): Specifier[] {
  const found: Specifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      found.push({
        text: node.moduleSpecifier.text,
        typeOnly:
          clause !== undefined &&
          (clause.phaseModifier === ts.SyntaxKind.TypeKeyword || allNamedTypes),
      });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const allNamedTypes =
        clause !== undefined &&
        ts.isNamedExports(clause) &&
        clause.elements.length > 0 &&
        clause.elements.every((e) => e.isTypeOnly);
      found.push({ text: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || allNamedTypes });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ text: node.argument.literal.text, typeOnly: true });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ text: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Reads every TypeScript source under `dirs` (relative to `root`); edges stay inside that set. */
export function readImportGraph(root: string, dirs: readonly string[]): ImportGraph {
  const files: string[] = [];
  for (const dir of dirs) listSources(root, dir, files);
  const normalized = files.map((f) => f.split(sep).join('/')).sort();
  const known = new Set(normalized);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  const host = ts.createCompilerHost(options);
  const edges: ImportEdge[] = [];
  for (const file of normalized) {
    const absolute = resolve(root, file);
    const text = readFileSync(absolute, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const source = ts.createSourceFile(absolute, text, ts.ScriptTarget.Latest, true, kind);
    const seen = new Map<string, boolean>();
    for (const spec of importsOf(source)) {
      if (!spec.text.startsWith('.')) continue;
      // Vite suffixes (`?raw`, `?url`) load assets, not modules.
      if (spec.text.includes('?')) continue;
      const resolved = ts.resolveModuleName(spec.text, absolute, options, host).resolvedModule;
      const target = resolved
        ? relative(root, resolved.resolvedFileName).split(sep).join('/')
        : relative(root, resolve(dirname(absolute), spec.text))
            .split(sep)
            .join('/');
      if (!known.has(target)) continue;
      // A module imported for values anywhere needs it at run time.
      seen.set(target, (seen.get(target) ?? true) && spec.typeOnly);
    }
    for (const [to, typeOnly] of seen) edges.push({ from: file, to, typeOnly });
  }
  return { files: normalized, edges };
}
