// Small helpers shared by the data-store, exporter and extended-kind generators.
import yaml from 'js-yaml';
import { NODE_KINDS } from '../kinds/index.ts';
import type { ImageKey, TopologyNode } from '../model/schema.ts';
import type { GenerateContext } from './context.ts';

/** The image of a kind, with `version` replacing its tag when the node sets one. */
export function imageOf(ctx: GenerateContext, key: ImageKey, version?: string): string {
  const image = ctx.image(key);
  if (version === undefined) return image;
  const at = image.indexOf('@');
  const base = at >= 0 ? image.slice(0, at) : image;
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const repo = colon > slash ? base.slice(0, colon) : base;
  return `${repo}:${version}`;
}

/** `<NAME>_<SUFFIX>` for a node name: uppercase, `-` -> `_` (names are DNS labels). */
export function nodeVar(name: string, suffix: string): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_${suffix}`;
}

/** The variable name inside a `${VAR}` secret field. */
export function varOf(ref: string): string {
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(ref);
  if (!m?.[1]) throw new Error(`"${ref}" is not a \${VAR} reference`);
  return m[1];
}

/** The port a node's service listens on: its own `port`, else the catalog's. */
export function portOf(node: TopologyNode): number {
  const own = 'port' in node && typeof node.port === 'number' ? node.port : undefined;
  return own ?? NODE_KINDS[node.kind].port;
}

export function dumpYaml(value: unknown, header: string): string {
  return `# ${header}\n${yaml.dump(value, { lineWidth: -1, noRefs: true, quotingType: '"' })}`;
}
