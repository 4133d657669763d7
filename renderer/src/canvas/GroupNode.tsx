// A group (datacenter, region, team): a labelled rectangle behind its members. It is not React
// Flow's parent of them: positions stay absolute in the model, and moving it moves them.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BadgeView } from './BadgeView.tsx';
import { onGroupResize, onGroupResizeEnd, onGroupResizeStart } from './canvas-commands.ts';
import type { GroupRFNode } from './derive.ts';
import { KindIcon } from './icons.tsx';
import './nodes.css';

function GroupNodeView({ id, data, selected }: NodeProps<GroupRFNode>) {
  const g = data.group;
  const labels = Object.entries(g.externalLabels ?? {});
  return (
    <div className={`group-box${selected ? ' group-box-selected' : ''}`} title={g.notes}>
      <NodeResizer
        isVisible={selected}
        minWidth={120}
        minHeight={80}
        lineClassName="group-resize-line"
        handleClassName="group-resize-handle"
        onResizeStart={() => onGroupResizeStart()}
        onResize={(_e, p) => onGroupResize(id, p, false)}
        onResizeEnd={(_e, p) => onGroupResizeEnd(id, p)}
      />
      <div className="group-box-head">
        <KindIcon kind="group" colour="var(--muted)" size={14} />
        <span className="group-box-label">{g.label ?? g.id}</span>
        {labels.map(([k, v]) => (
          <span key={k} className="group-box-labelpair">
            {k}={v}
          </span>
        ))}
        {data.badge && <BadgeView id={id} badge={data.badge} />}
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
