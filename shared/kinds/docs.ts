// docs/kinds.md, made from the kind modules so that it cannot drift from them
// (`node --import tsx scripts/gen-kinds-doc.ts` writes it; a test compares).
import { DEFAULT_IMAGES } from './images.ts';
import { EDGE_KINDS } from './edges.ts';
import { NODE_KINDS } from './nodes.ts';

/** Fields every node or edge has; the docs list only a kind's own. */
const NODE_COMMON = new Set(['id', 'kind', 'name', 'group', 'position', 'notes', 'suppress']);
const EDGE_COMMON = new Set(['id', 'kind', 'from', 'to', 'notes', 'suppress']);

const ownFields = (shape: Record<string, unknown>, common: ReadonlySet<string>): string =>
  Object.keys(shape)
    .filter((k) => !common.has(k))
    .map((k) => `\`${k}\``)
    .join(', ') || '—';

export function renderKindsMarkdown(): string {
  const out = [
    '# Node kinds and edge kinds',
    '',
    'Made from the kind modules (`shared/kinds/<kind>.ts`, `shared/kinds/edges.ts`) by',
    '`node --import tsx scripts/gen-kinds-doc.ts`; a test fails when this file is out of date.',
    'Every node has `id`, `kind`, `name` and optionally `group`, `position`, `notes`, `suppress`;',
    'every edge `id`, `kind`, `from`, `to` and optionally `notes`, `suppress`. Each kind below',
    'lists its fields beyond those.',
    '',
    '## Node kinds',
    '',
  ];
  for (const m of Object.values(NODE_KINDS)) {
    const image = m.image ? `, image \`${DEFAULT_IMAGES[m.image]}\`` : '';
    out.push(
      `### \`${m.kind}\`: ${m.label} (${m.tier})`,
      '',
      m.summary,
      '',
      `- fields: ${ownFields(m.schema.shape, NODE_COMMON)}`,
      `- port ${m.port}${image}`,
      '',
    );
  }
  out.push(
    '## Edge kinds',
    '',
    'An edge goes from the node that opens the connection to the one that answers it.',
    '',
  );
  for (const e of Object.values(EDGE_KINDS)) {
    out.push(
      `### \`${e.kind}\`: ${e.label}`,
      '',
      e.summary,
      '',
      `- from: ${e.from.join(', ')}`,
      `- to: ${e.to.join(', ')}`,
      ...(e.requires ? [`- and: ${e.requires.says}`] : []),
      `- fields: ${ownFields(e.schema.shape, EDGE_COMMON)}`,
      '',
    );
  }
  return out.join('\n');
}
