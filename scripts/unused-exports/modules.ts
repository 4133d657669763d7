// What one source file exports and what it takes from others, read from its syntax alone (no
// type checking), so the whole tree is read in a second or two.
import ts from 'typescript';

/** A name another module asks of a file; '*' asks for all of it (namespace or dynamic import). */
export interface Use {
  from: string;
  name: string;
}

export interface ModuleFacts {
  file: string;
  /** Names declared here and exported, with the line of the declaration. */
  ownExports: Map<string, number>;
  /** `export { a as b } from './x'`: b -> x's a (a is '*' for `export * as b`). */
  reExports: Map<string, Use & { line: number }>;
  /** `export * from './x'`. */
  starExports: string[];
  /** Names taken from other project files; name '' only links the file (side-effect import). */
  uses: Use[];
  /** Packages imported by name (first path segment, or two for a scope). */
  packages: Set<string>;
  /** Project files named by path in a string (worker entries, config references). */
  pathReferences: string[];
  /** Exports marked `@public` in their doc comment: kept for callers outside the tree. */
  publicExports: Set<string>;
  /** Own exports this file itself refers to (besides declaring them). */
  usedInFile: Set<string>;
}

/** Finds the project file a specifier means, or undefined (a package, or outside the tree). */
export type Resolve = (specifier: string, fromFile: string) => string | undefined;

export interface Resolver {
  /** An import specifier. */
  module: Resolve;
  /** A file name in a string: relative to the file, or to the repository's root. */
  path: Resolve;
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  }
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) return ['default'];
    return statement.name && ts.isIdentifier(statement.name) ? [statement.name.text] : [];
  }
  return [];
}

function isPublic(node: ts.Node, source: ts.SourceFile): boolean {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  return ranges.some((r) => /@public\b/.test(source.text.slice(r.pos, r.end)));
}

export function readModule(file: string, text: string, resolver: Resolver): ModuleFacts {
  const kind = file.endsWith('.tsx')
    ? ts.ScriptKind.TSX
    : /\.[mc]?js$/.test(file)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const facts: ModuleFacts = {
    file,
    ownExports: new Map(),
    reExports: new Map(),
    starExports: [],
    uses: [],
    packages: new Set(),
    pathReferences: [],
    publicExports: new Set(),
    usedInFile: new Set(),
  };
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  /** Local names bound by imports, so `import { a } ...; export { a }` counts as a re-export. */
  const imported = new Map<string, Use>();

  const target = (specifier: ts.Expression | undefined): string | undefined => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return undefined;
    const pkg = packageName(specifier.text);
    if (pkg !== undefined) facts.packages.add(pkg);
    return resolver.module(specifier.text, file);
  };

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = target(statement.moduleSpecifier);
      if (from === undefined) continue;
      const clause = statement.importClause;
      if (!clause) facts.uses.push({ from, name: '' });
      if (clause?.name) imported.set(clause.name.text, { from, name: 'default' });
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        imported.set(bindings.name.text, { from, name: '*' });
      } else if (bindings) {
        for (const e of bindings.elements) {
          imported.set(e.name.text, { from, name: (e.propertyName ?? e.name).text });
        }
      }
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      const from = target(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (statement.moduleSpecifier && from === undefined) continue;
      if (!clause) {
        if (from !== undefined) facts.starExports.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        if (from !== undefined)
          facts.reExports.set(clause.name.text, { from, name: '*', line: line(clause) });
      } else {
        for (const e of clause.elements) {
          const local = (e.propertyName ?? e.name).text;
          const via = from !== undefined ? { from, name: local } : imported.get(local);
          if (via) facts.reExports.set(e.name.text, { ...via, line: line(e) });
          else facts.ownExports.set(e.name.text, line(e));
          if (isPublic(statement, source)) facts.publicExports.add(e.name.text);
        }
      }
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      facts.ownExports.set('default', line(statement));
      continue;
    }
    if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const name of declaredNames(statement)) {
        facts.ownExports.set(name, line(statement));
        if (isPublic(statement, source)) facts.publicExports.add(name);
      }
    }
  }
  // Everything imported is used by this file (unused imports are lint's business).
  facts.uses.push(...imported.values());

  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isReference(node)) facts.usedInFile.add(node.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const from = target(node.arguments[0]);
      if (from !== undefined) facts.uses.push({ from, name: '*' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const from = target(node.argument.literal);
      const first = node.qualifier ? firstIdentifier(node.qualifier) : '*';
      if (from !== undefined) facts.uses.push({ from, name: first });
    } else if (ts.isStringLiteralLike(node) && /\.(tsx?|mjs)$/.test(node.text)) {
      const parent = node.parent;
      const isSpecifier =
        ts.isImportDeclaration(parent) ||
        ts.isExportDeclaration(parent) ||
        ts.isLiteralTypeNode(parent) ||
        (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword);
      if (!isSpecifier) {
        const referenced = resolver.path(node.text, file);
        if (referenced !== undefined) facts.pathReferences.push(referenced);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const name of facts.usedInFile)
    if (!facts.ownExports.has(name)) facts.usedInFile.delete(name);
  return facts;
}

/** `a` of `import('./x').a.b`. */
function firstIdentifier(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : firstIdentifier(name.left);
}

/** An identifier that names something already declared, not a declaration or a member name. */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isExportSpecifier(parent) || ts.isImportSpecifier(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  const named = parent as ts.Node & { name?: ts.Node };
  return (
    !(
      ts.isDeclarationStatement(parent) ||
      ts.isVariableDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isParameter(parent)
    ) || named.name !== node
  );
}
