// A node card: icon, name, kind, what it stands for, and its findings' badge.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { LabNodeDot, useNodeLabState } from '../lab/lab-canvas.tsx';
import { BadgeView } from './BadgeView.tsx';
import type { DesignRFNode } from './derive.ts';
import { KindIcon } from './icons.tsx';
import { NODE_LOOKS } from './kinds.ts';
import { nodeDetail, nodeTags } from './node-detail.ts';
import './nodes.css';

function DesignNodeView({ id, data, selected }: NodeProps<DesignRFNode>) {
  const n = data.node;
  const look = NODE_LOOKS[n.kind];
  const detail = nodeDetail(n);
  const tags = nodeTags(n);
  // The lab's live state of this node, when a lab runs.
  const lab = useNodeLabState(id);
  return (
    <div
      className={`dn${selected ? ' dn-selected' : ''}`}
      style={{ '--kind': look.colour } as CSSProperties}
      title={n.notes}
      data-lab-state={lab ?? undefined}
    >
      <Handle type="target" position={Position.Top} className="dn-handle" />
      <div className="dn-head">
        <KindIcon kind={n.kind} colour={look.colour} />
        <div className="dn-titles">
          <div className="dn-name">{n.name}</div>
          <div className="dn-kind">{look.label}</div>
        </div>
        {lab && <LabNodeDot nodeId={id} state={lab} />}
        {data.badge && <BadgeView id={id} badge={data.badge} />}
      </div>
      {(detail || tags.length > 0) && (
        <div className="dn-detail">
          {detail && <span>{detail}</span>}
          {tags.map((t) => (
            <span key={t} className="dn-tag">
              {t}
            </span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} className="dn-handle" />
    </div>
  );
}

export const DesignNode = memo(DesignNodeView);
