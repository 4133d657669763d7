// Design text -> model, or errors that say what and where: the path, the line and the column.
import type { z } from 'zod';
import { lazyLocator, type Locate } from '../model/locate.ts';
import type { ModelError } from '../model/model-error.ts';
import { formatPath, type PathSegment } from '../model/path.ts';
import { checkReferences } from './references.ts';
import { API_VERSION, TopologySchema, type Topology } from '../model/schema.ts';
import { migrate } from '../model/migrate.ts';
import { MAX_EXPANDED_VALUES, shapeProblem } from '../model/value-shape.ts';
import { loadYaml, MAX_NESTING } from '../model/yaml-load.ts';
import { normalizeText } from '../model/yaml-text.ts';

export { sourcePositions } from '../model/item-positions.ts';
export type { ModelError } from '../model/model-error.ts';

/** An anchor (`&name`) may be in the text: an alias can only repeat an anchored value. */
const MAY_ANCHOR = /(?:^|[\s[{,])&[^\s[\]{},]/m;

export type ParseResult = { ok: true; topology: Topology } | { ok: false; errors: ModelError[] };

/** `file:line:column: path: message`, the shape editors and CI logs link from. */
export function formatModelError(e: ModelError, file = '<design>'): string {
  const where = e.line > 0 ? `${file}:${e.line}:${e.column}` : file;
  return e.path === '(document)' ? `${where}: ${e.message}` : `${where}: ${e.path}: ${e.message}`;
}

export function parseTopology(input: string): ParseResult {
  const text = normalizeText(input);
  // js-yaml reads valid designs fast; the slower position-keeping parser of the `yaml` library runs
  // only when there is an error to place.
  const loaded = loadYaml(text);
  if (!loaded.ok) return loaded;
  const raw = loaded.value;
  const locate = lazyLocator(text);
  const whole = (message: string, at = locate([])): ParseResult => ({
    ok: false,
    errors: [{ path: '(document)', ...(at.line > 0 ? at : { line: 1, column: 1 }), message }],
  });
  if (raw === null) {
    return whole(
      'no design in the file: a design is a YAML mapping with apiVersion, kind, metadata and nodes',
      { line: 1, column: 1 },
    );
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return whole('a design is a YAML mapping with apiVersion, kind, metadata and nodes');
  }
  // Without anchors nothing is shared: the parse bounded the depth, and the text's own nodes
  // bound the size; the walk then only looks for `__proto__`, which the text would show.
  const shape =
    MAY_ANCHOR.test(text) || loaded.nodes > MAX_EXPANDED_VALUES || text.includes('__proto__')
      ? shapeProblem(raw)
      : undefined;
  if (shape?.kind === 'too-big') {
    return whole(
      `the design expands to more than ${MAX_EXPANDED_VALUES} values through YAML aliases`,
    );
  }
  if (shape?.kind === 'too-deep') {
    const message = `nested more than ${MAX_NESTING} levels deep through YAML aliases`;
    const path = formatPath(shape.path);
    return { ok: false, errors: [{ path, ...locate(shape.path), message }] };
  }
  if (shape?.kind === 'proto-key') {
    const path = formatPath([...shape.path, '__proto__']);
    const at = locate(shape.path, '__proto__');
    return {
      ok: false,
      errors: [{ path, ...at, message: '"__proto__" cannot be a key in a design' }],
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
  const missing = (p: PathSegment[]): ModelError => {
    const last = p[p.length - 1];
    return {
      path: formatPath(p),
      ...locate(p.slice(0, -1)),
      message: `missing required ${typeof last === 'string' ? `"${last}"` : 'item'}`,
    };
  };
  // Zod's own message serves every other issue code, present and future.
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- see above
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
    case 'invalid_type':
      if (valueAt(root, path) === undefined) return [missing(path)];
      return [at(path, `expected ${issue.expected}, got ${describe(valueAt(root, path))}`)];
    case 'invalid_value':
      if (valueAt(root, path) === undefined) return [missing(path)];
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

/**
 * A schema's refusal of `root` (read from `text`) in the design file's words: "missing required
 * "match"", "unknown key "x"", with line and column. The inspector's YAML tab uses it for one item.
 */
export function schemaErrors(error: z.ZodError, root: unknown, text: string): ModelError[] {
  const locate = lazyLocator(text);
  return dedupe(error.issues.flatMap((i) => zodIssueErrors(i, root, locate)));
}
