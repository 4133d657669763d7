// Design text -> model, or errors that say what and where: the path, the line and the column.
import jsyaml from 'js-yaml';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { z } from 'zod';
import { formatPath, type PathSegment } from './path.ts';
import { checkReferences } from './references.ts';
import { API_VERSION, TopologySchema, type Topology } from './schema.ts';
import { migrate } from './migrate.ts';

export interface ModelError {
  /** `nodes[3].replicas`, or `(document)` for the file as a whole. */
  path: string;
  /** 1-based; 0 when the place cannot be pinned to a line. */
  line: number;
  column: number;
  message: string;
}

export type ParseResult = { ok: true; topology: Topology } | { ok: false; errors: ModelError[] };

/** `file:line:column: path: message`, the shape editors and CI logs link from. */
export function formatModelError(e: ModelError, file = '<design>'): string {
  const where = e.line > 0 ? `${file}:${e.line}:${e.column}` : file;
  return e.path === '(document)' ? `${where}: ${e.message}` : `${where}: ${e.path}: ${e.message}`;
}

export function parseTopology(text: string): ParseResult {
  // js-yaml reads valid designs fast; the slower position-keeping parser of the `yaml` library runs
  // only when there is an error to place.
  let raw: unknown;
  try {
    raw = jsyaml.load(text);
  } catch (e) {
    if (e instanceof jsyaml.YAMLException) {
      return {
        ok: false,
        errors: [
          {
            path: '(document)',
            line: e.mark.line + 1,
            column: e.mark.column + 1,
            message: e.reason,
          },
        ],
      };
    }
    throw e;
  }
  const locate = lazyLocator(text);
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [
        {
          path: '(document)',
          line: 1,
          column: 1,
          message: 'a design is a YAML mapping with apiVersion, kind, metadata and nodes',
        },
      ],
    };
  }
  if (expandedSize(raw, new Map()) > MAX_EXPANDED_VALUES) {
    return {
      ok: false,
      errors: [
        {
          path: '(document)',
          line: 1,
          column: 1,
          message: `the design expands to more than ${MAX_EXPANDED_VALUES} values through YAML aliases`,
        },
      ],
    };
  }
  const migrated = migrate(raw as Record<string, unknown>);
  if (!migrated.ok) {
    const { line, column } = locate(['apiVersion']);
    return { ok: false, errors: [{ path: 'apiVersion', line, column, message: migrated.message }] };
  }
  const parsed = TopologySchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return {
      ok: false,
      errors: dedupe(parsed.error.issues.flatMap((i) => zodIssueErrors(i, migrated.doc, locate))),
    };
  }
  const refIssues = checkReferences(parsed.data);
  if (refIssues.length > 0) {
    return {
      ok: false,
      errors: refIssues.map((i) => ({
        path: formatPath(i.path),
        ...locate(i.path),
        message: i.message,
      })),
    };
  }
  return { ok: true, topology: parsed.data };
}

/** Aliases can make a small file stand for a huge tree ("billion laughs"): bound what it expands to. */
const MAX_EXPANDED_VALUES = 5_000_000;

function expandedSize(v: unknown, memo: Map<object, number>): number {
  if (v === null || typeof v !== 'object') return 1;
  const known = memo.get(v);
  if (known !== undefined) return known;
  memo.set(v, Infinity); // a cycle counts as too big
  let n = 1;
  for (const child of Object.values(v)) {
    n += expandedSize(child, memo);
    if (n > MAX_EXPANDED_VALUES) break;
  }
  memo.set(v, n);
  return n;
}

/** Where a path is in YAML text (line and column, 1-based; 0 when unknown), parsed on first use. */
export function lazyLocator(text: string): Locate {
  let locate: Locate | undefined;
  return (path, key) => {
    if (!locate) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: false });
      locate = locator(doc, lineCounter);
    }
    return locate(path, key);
  };
}

/**
 * Where each node, edge and group of a design starts in its text: id -> line and column. Used to
 * point findings at the file (the CLI's `file:line`); built only when asked for.
 */
export function sourcePositions(
  text: string,
  t: Topology,
): Map<string, { line: number; column: number }> {
  const locate = lazyLocator(text);
  const out = new Map<string, { line: number; column: number }>();
  const add = (id: string, path: PathSegment[]) => {
    if (!out.has(id)) out.set(id, locate(path));
  };
  (t.groups ?? []).forEach((g, i) => add(g.id, ['groups', i]));
  t.nodes.forEach((n, i) => add(n.id, ['nodes', i]));
  (t.edges ?? []).forEach((e, i) => add(e.id, ['edges', i]));
  return out;
}

export type Locate = (
  path: readonly PathSegment[],
  key?: string,
) => { line: number; column: number };

/** Finds the line and column of a path in the YAML document, or of its nearest existing ancestor. */
function locator(doc: Document, lc: LineCounter): Locate {
  return (path, key) => {
    let node: unknown = doc.contents;
    let found: unknown = node;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
        );
        if (!pair) break;
        node = pair.value;
        found = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        if (node === undefined) break;
        found = node;
      } else break;
    }
    if (key !== undefined && isMap(found)) {
      const pair = found.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key,
      );
      if (pair && isScalar(pair.key)) found = pair.key;
    }
    const range = (found as YamlNode | undefined)?.range;
    if (!range) return { line: 0, column: 0 };
    const pos = lc.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function zodIssueErrors(issue: z.core.$ZodIssue, root: unknown, locate: Locate): ModelError[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const at = (p: PathSegment[], message: string, key?: string): ModelError => ({
    path: formatPath(key === undefined ? p : [...p, key]),
    ...locate(p, key),
    message,
  });
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => at(path, `unknown key "${k}"`, k));
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[] };
      if (u.discriminator !== undefined) {
        const kind = valueAt(root, path);
        const what =
          path[0] === 'nodes' ? 'node kind' : path[0] === 'edges' ? 'edge kind' : u.discriminator;
        if (kind === undefined)
          return [
            {
              path: formatPath(path),
              ...locate(path.slice(0, -1)),
              message: `missing "${u.discriminator}"`,
            },
          ];
        return [
          at(
            path,
            `unknown ${what} ${JSON.stringify(kind)}; expected one of: ${(u.options ?? []).join(', ')}`,
          ),
        ];
      }
      return [at(path, issue.message)];
    }
    case 'invalid_type': {
      const present = valueAt(root, path) !== undefined;
      if (!present) {
        const last = path[path.length - 1];
        return [
          {
            path: formatPath(path),
            ...locate(path.slice(0, -1)),
            message: `missing required ${typeof last === 'string' ? `"${last}"` : 'item'}`,
          },
        ];
      }
      return [at(path, `expected ${issue.expected}, got ${describe(valueAt(root, path))}`)];
    }
    case 'invalid_value':
      if (path[path.length - 1] === 'apiVersion') {
        return [at(path, `must be exactly "${API_VERSION}"`)];
      }
      return [
        at(
          path,
          `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describe(valueAt(root, path))}`,
        ),
      ];
    default:
      return [at(path, issue.message)];
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function dedupe(errors: ModelError[]): ModelError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\0${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
