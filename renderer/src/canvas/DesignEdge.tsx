// An edge: coloured and dashed per kind, an arrow toward the answerer, its kind as a small label,
// and a badge when findings name it. Labels hide when zoomed far out.
import {
  BaseEdge,
  EdgeLabelRenderer,
  getBezierPath,
  useStore,
  type EdgeProps,
  type ReactFlowState,
} from '@xyflow/react';
import { memo } from 'react';
import { labEdgeColour, useEdgeLabState } from '../lab/lab-canvas.tsx';
import { BadgeView } from './BadgeView.tsx';
import { pathOf } from './edge-routes.ts';
import type { DesignRFEdge } from './derive.ts';
import { EDGE_LOOKS } from './kinds.ts';

const zoomedOut = (s: ReactFlowState) => s.transform[2] < 0.45;

function DesignEdgeView(props: EdgeProps<DesignRFEdge>) {
  const { id, data, selected, markerEnd } = props;
  // The routed path when there is one (both ends drawn); React Flow's own curve otherwise.
  const route = data?.route;
  const [path, lx, ly] = route
    ? [pathOf(route.points), route.label.x, route.label.y]
    : getBezierPath(props);
  const far = useStore(zoomedOut);
  // The lab's live state of this edge: up green, down red, pending amber.
  const lab = useEdgeLabState(id);
  if (!data) return null;
  const look = EDGE_LOOKS[data.edge.kind];
  const stroke = lab ? labEdgeColour(lab) : look.colour;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={14}
        className={selected ? 'de-selected' : undefined}
        data-lab-state={lab ?? undefined}
        style={{
          stroke,
          strokeWidth: selected ? look.width + 1.2 : look.width,
          ...(look.dash ? { strokeDasharray: look.dash } : {}),
        }}
      />
      {(!far || data.badge || selected) && (
        <EdgeLabelRenderer>
          <div
            className={`de-label nodrag nopan${selected ? ' de-label-selected' : ''}`}
            data-testid={`edge-${id}`}
            data-lab-state={lab ?? undefined}
            style={{
              transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)`,
              borderColor: look.colour,
            }}
          >
            <span style={{ color: look.colour }}>{look.label}</span>
            {data.badge && <BadgeView id={id} badge={data.badge} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const DesignEdge = memo(DesignEdgeView);
