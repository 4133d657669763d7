// From every file's facts: the files no entry reaches, the exports nobody imports, and the
// dependencies nothing uses.
import type { ModuleFacts } from './modules.ts';

export interface Findings {
  unusedFiles: string[];
  /** file:line: name */
  unusedExports: { file: string; line: number; name: string }[];
  unusedDependencies: string[];
}

export interface PackageManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

export interface CheckInput {
  modules: ModuleFacts[];
  /** knip's ignoreExportsUsedInFile: an export its own file uses is not reported. */
  ignoreExportsUsedInFile: boolean;
  /** Files whose exports are their callers' business: CLIs, mains, tests, configs. */
  entries: Set<string>;
  manifest: PackageManifest;
  /** What the installed dependency's package.json says. */
  installed: (dependency: string) => InstalledPackage;
}

export interface InstalledPackage {
  /** Command names it installs (`bin`), to spot tools run by scripts. */
  binaries: string[];
  /** Packages it expects its user to install (`peerDependencies`). */
  peers: string[];
}

export function check({ modules, manifest, installed, ...input }: CheckInput): Findings {
  const keepUsedInFile = input.ignoreExportsUsedInFile;
  const entries = new Set(input.entries);
  const byFile = new Map(modules.map((m) => [m.file, m]));
  const used = new Map<string, Set<string>>(modules.map((m) => [m.file, new Set<string>()]));

  const seen = new Set<string>();
  const markUsed = (file: string, name: string): void => {
    const key = `${file}\0${name}`;
    const facts = byFile.get(file);
    if (!facts || seen.has(key)) return;
    seen.add(key);
    const names = used.get(file);
    if (name === '*') {
      for (const own of facts.ownExports.keys()) names?.add(own);
      for (const [exported, via] of facts.reExports) {
        names?.add(exported);
        markUsed(via.from, via.name);
      }
      for (const star of facts.starExports) markUsed(star, '*');
      return;
    }
    if (facts.ownExports.has(name)) {
      names?.add(name);
      return;
    }
    const via = facts.reExports.get(name);
    if (via) {
      names?.add(name);
      markUsed(via.from, via.name);
      return;
    }
    for (const star of facts.starExports) markUsed(star, name);
  };

  const reached = new Set<string>();
  const pending = [...entries].filter((e) => byFile.has(e));
  for (const m of modules) for (const p of m.pathReferences) pending.push(p);
  for (const file of pending) entries.add(file);
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === undefined || reached.has(file)) continue;
    reached.add(file);
    const facts = byFile.get(file);
    if (!facts) continue;
    for (const use of facts.uses) pending.push(use.from);
    for (const via of facts.reExports.values()) pending.push(via.from);
    pending.push(...facts.starExports, ...facts.pathReferences);
  }

  for (const m of modules) {
    if (!reached.has(m.file)) continue;
    if (entries.has(m.file)) markUsed(m.file, '*');
    for (const use of m.uses) if (use.name !== '') markUsed(use.from, use.name);
  }

  const unusedExports: Findings['unusedExports'] = [];
  for (const m of modules) {
    if (!reached.has(m.file) || entries.has(m.file)) continue;
    const names = used.get(m.file) ?? new Set();
    const exported = [
      ...m.ownExports,
      ...[...m.reExports].map(([name, via]) => [name, via.line] as const),
    ];
    for (const [name, line] of exported) {
      if (keepUsedInFile && m.usedInFile.has(name)) continue;
      if (!names.has(name) && !m.publicExports.has(name)) {
        unusedExports.push({ file: m.file, line, name });
      }
    }
  }

  return {
    unusedFiles: modules.map((m) => m.file).filter((f) => !reached.has(f)),
    unusedExports,
    unusedDependencies: unusedDependencies(modules, manifest, installed),
  };
}

function unusedDependencies(
  modules: ModuleFacts[],
  manifest: PackageManifest,
  installed: (dependency: string) => InstalledPackage,
): string[] {
  const imported = new Set(modules.flatMap((m) => [...m.packages]));
  const scriptWords = new Set(
    Object.values(manifest.scripts ?? {}).flatMap((s) => s.split(/[\s&|;=]+/)),
  );
  const usedDirectly = (dep: string): boolean => {
    if (imported.has(dep) || scriptWords.has(dep)) return true;
    if (installed(dep).binaries.some((b) => scriptWords.has(b))) return true;
    // @types/x serves x; @types/node serves the Node side named in tsconfig's `types`.
    const typed = /^@types\/(.+)$/.exec(dep)?.[1];
    if (typed !== undefined)
      return typed === 'node' || imported.has(typed.replace(/^(.+)__/, '@$1/'));
    return false;
  };
  const all = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.devDependencies ?? {}),
  ];
  // A used package's peers are used too: it imports them, through our install.
  const used = new Set(all.filter(usedDirectly));
  const pending = [...used];
  for (let dep = pending.pop(); dep !== undefined; dep = pending.pop()) {
    for (const peer of installed(dep).peers) {
      if (!used.has(peer)) {
        used.add(peer);
        pending.push(peer);
      }
    }
  }
  return all.filter((dep) => !used.has(dep));
}
