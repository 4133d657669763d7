// The one contract between the renderer and whatever hosts it (the web host over HTTP, the
// Electron preload over IPC). Each method has a zod schema for its arguments and its
// result; hosts validate every call's arguments at the boundary, and answer with an envelope.
import { z } from 'zod';
import { COMMAND_IDS, type CommandId } from './commands.ts';
import { EXPORT_TARGETS } from './generate/kubernetes/export-target.ts';

// A NUL byte can never be part of a file name; refusing it here keeps it out of every fs call.
const Path = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[^\0]*$/, { message: 'a path cannot contain a NUL byte' });

/**
 * What a design file held when it was read or written: `sha256:<hex>` of its bytes. Saves name
 * the revision they were based on, so a file changed since by someone else is not overwritten.
 */
export const Revision = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, { message: 'must be a revision' });

export const TemplateInfo = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  nodes: z.number(),
  edges: z.number(),
});

export const OpenedDesign = z.object({ path: Path, text: z.string(), revision: Revision });

export const RecentFile = z.object({ path: Path, openedAt: z.string() });

export const Recovery = z.object({
  /** The design file the unsaved text belongs to, if it has one. */
  path: Path.nullable(),
  text: z.string(),
  savedAt: z.string(),
});

/** A lab is named after its design's metadata.name (the runner's folder and labels use it). */
const LabName = z
  .string()
  .max(63)
  .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, { message: 'must be a lab name (a design name)' });

export const LAB_EVENT_TYPES = [
  'plan',
  'files',
  'network',
  'volume',
  'pull',
  'create',
  'reuse',
  'remove',
  'start',
  'healthy',
  'edges',
  'cleanup',
  'error',
  'done',
] as const;

/** A runner progress event (shared/lab LabEvent) with the host's sequence number. */
export const LabEventEntry = z.object({
  seq: z.number().int().nonnegative(),
  type: z.enum(LAB_EVENT_TYPES),
  instance: z.string().optional(),
  message: z.string(),
});

export const LabStatusResult = z.object({
  name: z.string(),
  instances: z.array(
    z.object({
      node: z.string(),
      name: z.string(),
      state: z.enum(['running', 'created', 'restarting', 'exited', 'paused', 'dead', 'missing']),
      health: z.enum(['healthy', 'unhealthy', 'starting', 'unknown']),
      url: z.string().nullable(),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.string(),
      /** No lab container stands for the edge's targets (shared/lab LabEdge.external). */
      external: z.boolean().optional(),
      up: z.number(),
      down: z.number(),
      lastError: z.string().nullable(),
    }),
  ),
  /** Where the lab's configs differ from the export (shared/lab LabDifference). */
  differences: z
    .array(
      z.object({
        server: z.string(),
        job: z.string(),
        edgeId: z.string(),
        nodeId: z.string(),
        files: z.array(z.string()),
        changes: z.array(z.string()),
      }),
    )
    .optional(),
});

export const HOST_METHODS = {
  /** Which host this is, its workspace, and the design it was asked to open at start. */
  hostInfo: {
    args: z.object({}),
    result: z.object({
      kind: z.enum(['web', 'electron']),
      workspace: z.string(),
      initialFile: OpenedDesign.nullable(),
    }),
  },
  listTemplates: { args: z.object({}), result: z.array(TemplateInfo) },
  readTemplate: {
    args: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/) }),
    result: z.object({ text: z.string() }),
  },
  /** Design files the host can offer to open (web: those in its workspace). */
  listDesigns: { args: z.object({}), result: z.array(z.object({ path: Path })) },
  /** Opens a design; with no path the host asks the user (a native dialog), null if cancelled. */
  openDesign: { args: z.object({ path: Path.optional() }), result: OpenedDesign.nullable() },
  /**
   * Saves atomically; with no path the host asks where (save as), null if cancelled. When the
   * file exists, its revision on disk must be `expectedRevision` (the one opened or last saved),
   * else the host answers `conflict`; `overwrite` replaces it whatever it holds.
   */
  saveDesign: {
    args: z.object({
      path: Path.optional(),
      text: z.string().max(64 * 1024 * 1024),
      expectedRevision: Revision.optional(),
      overwrite: z.boolean().optional(),
    }),
    result: z.object({ path: Path, revision: Revision }).nullable(),
  },
  /** The revision of a design file on disk now; null when there is no such file. */
  designRevision: {
    args: z.object({ path: Path }),
    result: z.object({ revision: Revision.nullable() }),
  },
  recentFiles: { args: z.object({}), result: z.array(RecentFile) },
  /** Exports the configs of a design into a folder (confined to the workspace in web mode). */
  exportConfigs: {
    args: z.object({
      text: z.string().max(64 * 1024 * 1024),
      outDir: Path.optional(),
      force: z.boolean().optional(),
      /** docker-compose (the default) or Kubernetes with the Prometheus Operator. */
      target: z.enum(EXPORT_TARGETS).optional(),
    }),
    result: z
      .object({
        outDir: z.string(),
        written: z.number(),
        kept: z.array(z.string()),
        /** Files fedstudio did not write (or that were edited) that a forced export replaced. */
        replaced: z.array(z.string()).default([]),
        /** Files of the previous export that the design no longer generates. */
        removed: z.array(z.string()).default([]),
        notes: z.array(z.string()).default([]),
        vars: z.array(z.string()),
      })
      .nullable(),
  },
  /** Tells the host the window's title and whether work is unsaved (it asks before closing). */
  setDocumentState: {
    args: z.object({ title: z.string().max(300), dirty: z.boolean() }),
    result: z.object({ ok: z.literal(true) }),
  },
  /** Crash recovery: the last autosaved text of an unsaved design. */
  putRecovery: { args: Recovery, result: z.object({ ok: z.literal(true) }) },
  getRecovery: { args: z.object({}), result: Recovery.nullable() },
  clearRecovery: { args: z.object({}), result: z.object({ ok: z.literal(true) }) },
  /**
   * Starts the local lab of a design on Docker and answers at once; the launch runs in the host
   * (one at a time) and reports through labProgress.
   */
  labUp: {
    args: z.object({ text: z.string().max(64 * 1024 * 1024) }),
    /** `nodes`: the design's nodes that run containers in the lab. */
    result: z.object({ started: z.literal(true), name: z.string(), nodes: z.array(z.string()) }),
  },
  /** The launch's events after sequence number `since`, whether it still runs, and its error. */
  labProgress: {
    args: z.object({ since: z.number().int().min(0) }),
    result: z.object({
      name: z.string().nullable(),
      events: z.array(LabEventEntry),
      running: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  },
  /** Each instance's state, health and URL and each edge's targets; null when no lab runs. */
  labStatus: { args: z.object({ name: LabName }), result: LabStatusResult.nullable() },
  /** Removes the lab's containers and network (and volumes and its folder with `volumes`). */
  labDown: {
    args: z.object({ name: LabName, volumes: z.boolean() }),
    result: z.object({ containers: z.number(), networks: z.number(), volumes: z.number() }),
  },
  /** The last lines a lab container wrote. */
  labLogs: {
    args: z.object({
      name: LabName,
      instance: z
        .string()
        .max(200)
        .regex(/^[A-Za-z0-9][-A-Za-z0-9_.]*$/),
      lines: z.number().int().min(1).max(5000),
    }),
    result: z.object({ text: z.string() }),
  },
} as const;

export type HostMethod = keyof typeof HOST_METHODS;
export type HostArgs<M extends HostMethod> = z.input<(typeof HOST_METHODS)[M]['args']>;
export type HostResult<M extends HostMethod> = z.infer<(typeof HOST_METHODS)[M]['result']>;

/** The renderer's view of its host: one async function per method. */
export type HostApi = { [M in HostMethod]: (args: HostArgs<M>) => Promise<HostResult<M>> };

export const HostErrorCode = z.enum([
  'invalid-args',
  'not-found',
  'refused',
  'design-invalid',
  'forbidden',
  /** The file changed on disk since it was opened; details name both revisions. */
  'conflict',
  'internal',
]);
export type HostErrorCode = z.infer<typeof HostErrorCode>;

export const HostErrorBody = z.object({
  code: HostErrorCode,
  message: z.string(),
  /** design-invalid: `file:line:column: path: message` lines; conflict: the two revisions. */
  details: z.array(z.string()).optional(),
});
export type HostErrorBody = z.infer<typeof HostErrorBody>;

/** What every call answers: its result, or an error with its message. */
export type Envelope<T> = { result: T } | { error: HostErrorBody };

export const TemplateInfoList = z.array(TemplateInfo);
export type TemplateInfo = z.infer<typeof TemplateInfo>;
export type OpenedDesign = z.infer<typeof OpenedDesign>;
export type RecentFile = z.infer<typeof RecentFile>;
export type Recovery = z.infer<typeof Recovery>;
export type LabEventEntry = z.infer<typeof LabEventEntry>;
export type LabStatusResult = z.infer<typeof LabStatusResult>;

/** Commands a host's native menus send to the renderer (Electron): the ids of the command table. */
export const MENU_COMMANDS = COMMAND_IDS;
export type MenuCommand = CommandId;
/** A menu command; `open` may name the file to open (Open Recent, a second launch, a file association). */
export const MenuMessage = z.object({
  command: z.enum(MENU_COMMANDS),
  path: z.string().min(1).optional(),
  /** The item's key chose it, not a click: the renderer applies the rules of keys. */
  viaKey: z.boolean().optional(),
});
export type MenuMessage = z.infer<typeof MenuMessage>;

/** Events from the host, where it has any (Electron's preload exposes `onMenu`). */
export interface HostEvents {
  onMenu(listener: (message: MenuMessage) => void): () => void;
}

/** What the Electron preload exposes as `window.fedstudio`: envelopes, so errors keep their code. */
export interface HostBridge extends HostEvents {
  invoke(method: HostMethod, args: unknown): Promise<Envelope<unknown>>;
}

/** IPC channel of a host method (renderer -> main, invoke/handle). */
export const ipcChannel = (method: HostMethod): string => `fedstudio:${method}`;
/** IPC channel of menu commands (main -> renderer). */
export const MENU_CHANNEL = 'fedstudio:menu';
