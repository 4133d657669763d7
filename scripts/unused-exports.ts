// The unused-export check of `npm test`: files no entry point reaches, exports no other file
// imports, dependencies nothing uses. Entry points and the project's files come from knip.json,
// so the same configuration serves knip itself once it is installed.
//   node --import tsx scripts/unused-exports.ts
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { check, type InstalledPackage, type PackageManifest } from './unused-exports/check.ts';
import { readModule, type Resolver } from './unused-exports/modules.ts';

const root = path.resolve(import.meta.dirname, '..');

interface KnipConfig {
  entry: string[];
  project: string[];
  ignore?: string[];
  ignoreDependencies?: string[];
  ignoreExportsUsedInFile?: boolean;
}

/** A glob of knip.json (`**`, `*`, `{a,b}`) as a regular expression over /-separated paths. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const skippedFolders = new Set(['node_modules', 'dist', 'out', 'coverage', 'test-results']);

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((d) => {
    if (d.name.startsWith('.') || skippedFolders.has(d.name)) return [];
    const full = path.join(folder, d.name);
    return d.isDirectory() ? listFiles(full) : [full];
  });
}

const matchesAny = (patterns: RegExp[], file: string) =>
  patterns.some((p) => p.test(path.relative(root, file).split(path.sep).join('/')));

function main(): number {
  const config = JSON.parse(readFileSync(path.join(root, 'knip.json'), 'utf8')) as KnipConfig;
  const manifest = JSON.parse(
    readFileSync(path.join(root, 'package.json'), 'utf8'),
  ) as PackageManifest;
  const project = config.project.map(globToRegExp);
  const ignored = (config.ignore ?? []).map(globToRegExp);
  const entryPatterns = config.entry.map(globToRegExp);
  const files = listFiles(root).filter((f) => matchesAny(project, f) && !matchesAny(ignored, f));
  const fileSet = new Set(files);

  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    allowJs: true,
  };
  const known = (file: string | undefined) =>
    file !== undefined && fileSet.has(file) ? file : undefined;
  const resolver: Resolver = {
    module: (specifier, from) => {
      if (!specifier.startsWith('.')) return undefined;
      const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
      return known(resolved ? path.resolve(resolved.resolvedFileName) : undefined);
    },
    path: (text, from) =>
      known(path.resolve(path.dirname(from), text)) ?? known(path.resolve(root, text)),
  };
  const installed = (dependency: string): InstalledPackage => {
    const manifestFile = path.join(root, 'node_modules', dependency, 'package.json');
    // An optional peer nobody installed.
    if (!existsSync(manifestFile)) return { binaries: [], peers: [] };
    const pkg = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      bin?: string | Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    return {
      binaries:
        typeof pkg.bin === 'string'
          ? [dependency.replace(/^@[^/]+\//, '')]
          : Object.keys(pkg.bin ?? {}),
      peers: Object.keys(pkg.peerDependencies ?? {}),
    };
  };

  const modules = files.map((f) => readModule(f, readFileSync(f, 'utf8'), resolver));
  const entries = new Set(files.filter((f) => matchesAny(entryPatterns, f)));
  const findings = check({
    modules,
    entries,
    manifest,
    installed,
    ignoreExportsUsedInFile: config.ignoreExportsUsedInFile ?? false,
  });
  const ignoredDependencies = new Set(config.ignoreDependencies ?? []);
  const dependencies = findings.unusedDependencies.filter((d) => !ignoredDependencies.has(d));

  const rel = (f: string) => path.relative(root, f);
  for (const f of findings.unusedFiles) console.log(`${rel(f)}: no entry point reaches this file`);
  for (const e of findings.unusedExports) {
    console.log(`${rel(e.file)}:${e.line}: export ${e.name} is imported nowhere`);
  }
  for (const d of dependencies) console.log(`package.json: dependency ${d} is used nowhere`);
  const count = findings.unusedFiles.length + findings.unusedExports.length + dependencies.length;
  if (count > 0) {
    console.log(
      `\n${count} unused. Remove them, drop the \`export\`, or mark an export kept for outside callers with /** @public */.`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
