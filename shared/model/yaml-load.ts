// Normalized design text -> plain data, refusing at its place everything YAML forbids or a design
// cannot hold: forbidden characters, a second document, nesting deep enough to exhaust the stack,
// tags, and keys that are lists or mappings.
import jsyaml from 'js-yaml';
import { Parser, type CST } from 'yaml';
import type { ModelError } from './model-error.ts';
import { documentError, forbiddenCharacter } from './yaml-text.ts';

/**
 * How deep a design may nest, counted in YAML nodes. Designs nest a handful of levels; the bound
 * is checked while js-yaml descends, so a hostile file is refused before the parser's recursion
 * (or any later walk) can run out of stack.
 */
export const MAX_NESTING = 64;

/** `nodes`: how many YAML nodes the text holds (keys too), aliases counted once. */
export type YamlLoad =
  { ok: true; value: unknown; nodes: number } | { ok: false; errors: ModelError[] };

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deeply nested');
  }
}

/** Core YAML 1.2 only: no timestamps, binary or merge keys, the same reading as the locator's. */
const SCHEMA = jsyaml.CORE_SCHEMA;

export function loadYaml(text: string): YamlLoad {
  const bad = forbiddenCharacter(text);
  if (bad) return { ok: false, errors: [bad] };
  let docs: unknown[];
  let depth = 0;
  let nodes = 0;
  try {
    docs = jsyaml.loadAll(text, null, {
      schema: SCHEMA,
      listener: (event, state) => {
        if (event === 'close') depth--;
        else if ((nodes++, ++depth > MAX_NESTING)) throw new TooDeep(state.position);
      },
    });
  } catch (e) {
    if (e instanceof TooDeep) {
      const at = nodeStart(text, e.offset);
      return fail(text, at, `nested more than ${MAX_NESTING} levels deep`);
    }
    if (e instanceof jsyaml.YAMLException) return { ok: false, errors: [yamlError(text, e)] };
    throw e;
  }
  // Empty documents (a trailing `---`, a comment-only one) carry nothing and are let be; a second
  // document with content would be silently ignored, so it is refused.
  const filled = docs.filter((d) => d !== null && d !== undefined);
  if (filled.length > 1) {
    return fail(
      text,
      secondDocumentOffset(text),
      'a design file holds one YAML document; a second one starts here',
    );
  }
  const keyAt = MAYBE_COMPLEX_KEY.test(text) ? complexKeyOffset(text) : undefined;
  if (keyAt !== undefined) {
    return fail(text, keyAt, 'a key must be a plain string, not a list or a mapping');
  }
  return { ok: true, value: filled[0] ?? null, nodes };
}

function fail(text: string, offset: number, message: string): YamlLoad {
  return { ok: false, errors: [documentError(text, offset, message)] };
}

function yamlError(text: string, e: jsyaml.YAMLException): ModelError {
  if (e.reason.startsWith('unknown tag')) {
    const tag = unknownTag(text);
    if (tag) {
      return documentError(
        text,
        tag.offset,
        `unknown tag ${tag.source}; a design uses plain YAML values, without tags`,
      );
    }
  }
  const message = e.reason === 'duplicated mapping key' ? 'duplicate key' : e.reason;
  // js-yaml adds a line break to text without one: an error at the very end points at the end.
  // Not every js-yaml error carries a mark, whatever its type says.
  const mark = e.mark as jsyaml.YAMLException['mark'] | undefined;
  return documentError(text, Math.min(mark?.position ?? 0, text.length), message);
}

/** The offset where the node js-yaml is about to read starts: past spaces, breaks and comments. */
export function nodeStart(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') i++;
    else if (c === '#') {
      const eol = text.indexOf('\n', i);
      if (eol === -1) return text.length;
      i = eol;
    } else return Math.min(i, text.length);
  }
}

/** The yaml library's concrete syntax tree (iterative, so safe on any depth), token by token. */
function* cstTokens(text: string): Generator<CST.Token> {
  const stack: CST.Token[] = [...new Parser().parse(text)].reverse();
  for (let t = stack.pop(); t !== undefined; t = stack.pop()) {
    yield t;
    const children: (CST.Token | null | undefined)[] = [];
    if (t.type === 'document') children.push(...t.start, t.value);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const item of t.items)
        children.push(...item.start, item.key, ...(item.sep ?? []), item.value);
    } else if (t.type === 'block-scalar') children.push(...t.props);
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c) stack.push(c);
    }
  }
}

function secondDocumentOffset(text: string): number {
  let seen = 0;
  for (const t of new Parser().parse(text)) {
    if (t.type !== 'document' || t.value === undefined) continue;
    if (++seen === 2) return t.start.find((s) => s.type === 'doc-start')?.offset ?? t.value.offset;
  }
  return 0;
}

const CORE_TAGS = new Set(['!', '!!str', '!!int', '!!float', '!!bool', '!!null', '!!seq', '!!map']);

function unknownTag(text: string): { offset: number; source: string } | undefined {
  for (const t of cstTokens(text)) {
    if (t.type === 'tag' && !CORE_TAGS.has(t.source)) return { offset: t.offset, source: t.source };
  }
  return undefined;
}

// Cheap filter for the CST walk below: an explicit key `? `, or a flow collection closing just
// before a `:`. Designs almost never match, so the walk rarely runs.
const MAYBE_COMPLEX_KEY = /(?:^|[\s[{,])\?(?:\s|$)|[\]}]\s*:(?:\s|$)/m;

/** js-yaml turns a list or mapping key into a string ("a,b", "[object Object]"): find one. */
function complexKeyOffset(text: string): number | undefined {
  for (const t of cstTokens(text)) {
    if (t.type !== 'block-map' && t.type !== 'flow-collection') continue;
    for (const item of t.items) {
      const k = item.key;
      if (k && (k.type === 'block-map' || k.type === 'block-seq' || k.type === 'flow-collection')) {
        return k.offset;
      }
    }
  }
  return undefined;
}
