// The node kinds' icons (renderer/src/kinds/), drawn with currentColor and inlined so they take
// the kind's colour and survive diagram export.
import { memo } from 'react';
import groupIcon from '../../../assets/icons/group.svg?raw';
import type { NodeKind } from '../../../shared/model/schema.ts';
import { NODE_VIEWS } from '../kinds/index.ts';

export const KindIcon = memo(function KindIcon({
  kind,
  colour,
  size = 18,
}: {
  kind: NodeKind | 'group';
  colour: string;
  size?: number;
}) {
  const svg = kind === 'group' ? groupIcon : NODE_VIEWS[kind].icon;
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
