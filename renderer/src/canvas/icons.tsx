// The node kinds' icons: assets/icons/<kind>.svg, drawn with currentColor and inlined so they take
// the kind's colour and survive diagram export.
import { memo } from 'react';
import type { NodeKind } from '../../../shared/model/schema.ts';

const files = import.meta.glob<string>('../../../assets/icons/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ICONS = new Map<string, string>(
  Object.entries(files).map(([path, svg]) => [path.replace(/^.*\/(.+)\.svg$/, '$1'), svg]),
);

export const KindIcon = memo(function KindIcon({
  kind,
  colour,
  size = 18,
}: {
  kind: NodeKind | 'group';
  colour: string;
  size?: number;
}) {
  const svg = ICONS.get(kind) ?? ICONS.get('targets') ?? '';
  return (
    <span
      className="kind-icon"
      aria-hidden="true"
      style={{ color: colour, width: size, height: size }}
      // The SVGs are the project's own files, bundled at build time.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
});
