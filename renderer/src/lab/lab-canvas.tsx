// The lab on the canvas: hooks the node card and the edge read their live state through, and the
// node's status dot. The canvas files call these in small, separate additions.
import { useLab } from './lab-store.ts';
import {
  edgeLabState,
  LAB_COLOURS,
  nodeLabState,
  nodeLabSummary,
  type EdgeLabState,
  type NodeLabState,
} from './lab-view.ts';
import './lab-canvas.css';

export const useNodeLabState = (nodeId: string): NodeLabState | null =>
  useLab((s) => nodeLabState(s, nodeId));

export const useEdgeLabState = (edgeId: string): EdgeLabState | null =>
  useLab((s) => edgeLabState(s, edgeId));

/** The stroke colour of an edge in a lab state. */
export const labEdgeColour = (state: EdgeLabState): string => LAB_COLOURS[state];

/** A dot in the node card's head: green all healthy, amber starting, red some down. */
export function LabNodeDot({ nodeId, state }: { nodeId: string; state: NodeLabState }) {
  const summary = useLab((s) => nodeLabSummary(s, nodeId));
  return (
    <span
      className={`lab-node-dot lab-node-${state}`}
      data-testid={`lab-dot-${nodeId}`}
      title={`Lab: ${summary ?? state}`}
      role="img"
      aria-label={`lab ${state}`}
      style={{ background: LAB_COLOURS[state] }}
    />
  );
}
