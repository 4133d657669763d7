// The host API's implementation on the Node side, shared by the web host and Electron's
// main process. Paths from the renderer are confined to the workspace unless a native dialog
// chose them.
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { HostApi, HostArgs, HostResult } from '../../shared/host-api.ts';
import type { AppState } from './app-state.ts';
import { diskRevision, pathError, readDesignFile, saveDesignChecked } from './design-files.ts';
import { createDesignWork, type DesignWork, type DesignWorkOptions } from './design-work.ts';
import { ExportRefused, writeExport } from './export-writer.ts';
import { HostError, printable } from './host-errors.ts';
import { createLabServices, dockerLabRunner, type LabRunner } from './host-lab.ts';
import { listTemplates, readTemplate, templateIdOf } from './templates.ts';

/** Native dialogs, where the host has them (Electron); the web host has none. */
export interface Dialogs {
  chooseOpen(): Promise<string | null>;
  /** A file to save to; if it exists, the dialog has asked the user to replace it. */
  chooseSave(suggested?: string): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
}

/**
 * Which paths from the renderer the host accepts. The web host: its workspace only. Electron:
 * the files and folders the user chose in native dialogs (and the recent files).
 */
export interface PathPolicy {
  /** An absolute path for `p`, or a HostError ('forbidden', or 'invalid-args' for a bad path). */
  resolve(p: string): string;
  /**
   * The user picked this path in a native dialog. A file grants that file alone (saving it
   * again, not its neighbours); a folder (the export target) grants the folder and what is in it.
   */
  grant?(abs: string, kind: 'file' | 'folder'): void;
}

/** Refuses what can never be a file name, before any file system call sees it. */
function usablePath(p: string): void {
  if (p.includes('\0'))
    throw new HostError('invalid-args', `${printable(p)}: a path cannot contain a NUL byte`);
}

export function workspacePolicy(workspace: string): PathPolicy {
  const root = path.resolve(workspace);
  return {
    resolve(p) {
      usablePath(p);
      const abs = path.resolve(root, p);
      if (!isInside(root, abs))
        throw new HostError('forbidden', `${p} is outside the workspace ${root}`);
      return abs;
    },
  };
}

/** Files and folders granted by native dialogs (and given at start); nothing else. */
export function grantedFoldersPolicy(
  initial: string[] = [],
  initialFiles: string[] = [],
): PathPolicy {
  const roots = new Set(initial.map((r) => path.resolve(r)));
  // Both the path as chosen and its real path: a link chosen in the dialog stays usable.
  const files = new Set<string>();
  const grantFile = (f: string) => {
    files.add(path.resolve(f));
    files.add(realOf(f));
  };
  initialFiles.forEach(grantFile);
  return {
    resolve(p) {
      usablePath(p);
      if (!path.isAbsolute(p))
        throw new HostError('forbidden', `${p}: choose files through the Open and Save dialogs`);
      const abs = path.resolve(p);
      if (files.has(abs) || files.has(realOf(abs))) return abs;
      for (const r of roots) if (isInside(r, abs)) return abs;
      throw new HostError(
        'forbidden',
        `${p} is not a file or folder you chose; open or save it through the dialog`,
      );
    },
    grant(abs, kind) {
      if (kind === 'file') grantFile(abs);
      else roots.add(path.resolve(abs));
    },
  };
}

/** Whether `abs` is `root` or below it, after following symbolic links on both. */
function isInside(root: string, abs: string): boolean {
  const rel = path.relative(realOf(root), realOf(abs));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The real path of `p`: its deepest existing ancestor resolved through links, plus the rest. A
 * dangling link counts as not existing (its own name stays), so it is judged where it is.
 */
function realOf(p: string): string {
  const rest: string[] = [];
  let cur = path.resolve(p);
  while (!existsSync(cur)) {
    const parent = path.dirname(cur);
    if (parent === cur) return path.resolve(p);
    rest.unshift(path.basename(cur));
    cur = parent;
  }
  return path.join(realpathSync(cur), ...rest);
}

export interface HostServicesOptions {
  kind: 'web' | 'electron';
  /** The folder the renderer's relative paths resolve in, and which they may not leave. */
  workspace: string;
  /** Defaults to the workspace policy. */
  paths?: PathPolicy;
  state: AppState;
  initialFile?: string;
  dialogs?: Dialogs;
  templatesDir?: string;
  /** The window title and unsaved flag, for hosts that show or guard them (Electron). */
  onDocumentState?: (state: { title: string; dirty: boolean }) => void;
  /** The lab runner (default: the dockerode one); tests inject a fake. */
  lab?: LabRunner;
  /** Image overrides for the lab, FEDSTUDIO_IMAGE_<KIND> (default: the process's environment). */
  labEnv?: Record<string, string | undefined>;
  /**
   * Time and memory limits for checking, exporting and planning a design, which run in worker
   * threads. Without them the host uses the process's shared design workers (60 s, 1536 MB).
   */
  designWork?: DesignWorkOptions;
}

let sharedDesignWork: DesignWork | null = null;

const DESIGN_FILE = /\.(topology\.)?ya?ml$/;

export function createHostServices(o: HostServicesOptions): HostApi {
  const workspace = path.resolve(o.workspace);
  const policy = o.paths ?? workspacePolicy(workspace);
  /** A path from the renderer, resolved by the policy or refused. */
  const confined = (p: string): string => policy.resolve(p);
  /** A path the user chose in a native dialog: trusted, and its folder granted. */
  const chosen = (
    p: string | null | undefined,
    kind: 'file' | 'folder',
  ): string | null | undefined => {
    if (p) policy.grant?.(path.resolve(p), kind);
    return p;
  };

  /** Reads a design as it is, with the revision of the bytes read; bad paths as HostErrors. */
  const open = async (file: string) => {
    const { text, revision } = await readDesignFile(file);
    // Off the event loop, like every other parse: a file can hold any text.
    await work.check(text, file);
    // A template opens as an unsaved copy: not a recent file, and never saved over.
    const template = templateIdOf(file, o.templatesDir);
    if (template !== null) return { path: file, text, revision, template };
    await o.state.touchRecent(file);
    return { path: file, text, revision };
  };

  const work = o.designWork
    ? createDesignWork(o.designWork)
    : (sharedDesignWork ??= createDesignWork());

  // The lab: launch in the background, one at a time per host; status, stop and logs.
  const labEnv = o.labEnv ?? process.env;
  const lab = createLabServices({
    runner: o.lab ?? dockerLabRunner,
    plan: (text) => work.planLab(text, labEnv),
  });

  const api: HostApi = {
    async hostInfo() {
      let initialFile: HostResult<'hostInfo'>['initialFile'] = null;
      if (o.initialFile) {
        // The text as it is, valid or not: the renderer parses it and shows where it is wrong,
        // and a broken design must not keep the app from starting.
        const file = path.resolve(workspace, o.initialFile);
        initialFile = { path: file, ...(await readDesignFile(file)) };
        const template = templateIdOf(file, o.templatesDir);
        if (template !== null) initialFile.template = template;
        else await o.state.touchRecent(file);
      }
      return { kind: o.kind, workspace, initialFile };
    },
    async listTemplates() {
      return (await listTemplates(o.templatesDir)).map(({ file: _f, ...t }) => t);
    },
    async readTemplate({ id }) {
      try {
        return { text: await readTemplate(id, o.templatesDir) };
      } catch (e) {
        throw new HostError('not-found', (e as Error).message);
      }
    },
    async listDesigns() {
      const out: { path: string }[] = [];
      const walk = async (dir: string, depth: number) => {
        const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const e of entries) {
          if (e.name.startsWith('.') || e.name === 'node_modules') continue;
          const abs = path.join(dir, e.name);
          if (e.isDirectory() && depth < 2) await walk(abs, depth + 1);
          else if (e.isFile() && e.name.endsWith('.topology.yaml')) out.push({ path: abs });
        }
      };
      await walk(workspace, 0);
      return out.sort((a, b) => a.path.localeCompare(b.path));
    },
    async openDesign({ path: p }: HostArgs<'openDesign'>) {
      const file = p !== undefined ? confined(p) : chosen(await o.dialogs?.chooseOpen(), 'file');
      if (file === undefined) throw new HostError('invalid-args', 'name the design file to open');
      if (file === null) return null;
      return open(file);
    },
    async saveDesign({ path: p, text, expectedRevision, overwrite }) {
      await work.check(text, p ?? 'design');
      const file = p !== undefined ? confined(p) : chosen(await o.dialogs?.chooseSave(), 'file');
      if (file === undefined)
        throw new HostError('invalid-args', 'name the file to save the design in');
      if (file === null) return null;
      if (!DESIGN_FILE.test(file))
        throw new HostError('invalid-args', `${file}: a design file ends in .topology.yaml`);
      // Save As into a new folder of the workspace creates it (the path was confined above).
      await mkdir(path.dirname(file), { recursive: true }).catch(async (e: unknown) => {
        throw await pathError(e, path.dirname(file));
      });
      const revision = await saveDesignChecked(file, text, {
        expectedRevision,
        // The native save dialog already asked whether to replace an existing file.
        overwrite: (overwrite ?? false) || p === undefined,
      });
      await o.state.touchRecent(file);
      return { path: file, revision };
    },
    async designRevision({ path: p }) {
      return { revision: await diskRevision(confined(p)) };
    },
    async recentFiles() {
      return o.state.recent();
    },
    async exportConfigs({ text, outDir, force, target }) {
      // An invalid design is refused before the user is asked for a folder.
      if (outDir === undefined) await work.check(text, 'design');
      const dir =
        outDir !== undefined ? confined(outDir) : chosen(await o.dialogs?.chooseFolder(), 'folder');
      if (dir === undefined) throw new HostError('invalid-args', 'name the folder to export into');
      if (dir === null) return null;
      // An export folder is the export's own: never the workspace itself or a folder around it,
      // where the design files live.
      if (dir === workspace || workspace.startsWith(dir + path.sep))
        throw new HostError(
          'forbidden',
          `${dir} holds the workspace; export into a folder of its own`,
        );
      const result = await work.exportFiles(text, target);
      try {
        const w = await writeExport(dir, result.files, { force: force ?? false });
        return {
          outDir: w.outDir,
          written: w.written,
          kept: w.kept,
          replaced: w.replaced,
          removed: w.removed,
          notes: w.notes,
          vars: result.vars,
        };
      } catch (e) {
        if (e instanceof ExportRefused) throw new HostError('refused', e.message);
        throw e;
      }
    },
    setDocumentState(state) {
      o.onDocumentState?.(state);
      return Promise.resolve({ ok: true as const });
    },
    async putRecovery(r) {
      await o.state.putRecovery(r);
      return { ok: true as const };
    },
    async getRecovery() {
      return o.state.recovery();
    },
    async clearRecovery() {
      await o.state.clearRecovery();
      return { ok: true as const };
    },
    ...lab,
  };
  return api;
}
