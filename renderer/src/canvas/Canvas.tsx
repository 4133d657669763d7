// The canvas: a controlled React Flow view of the store's topology. RF's nodes and edges are
// derived (see derive.ts); RF's changes come back as commands on the store. A drag is the one
// exception: while it lasts, the moved positions live here and only the moved nodes and their
// edges change; its end is one command on the store (one undo step).
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type IsValidConnection,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { allowedEdgeKinds } from '../../../shared/kinds/index.ts';
import { addEdge, moveItems, regroupNodes, type XY } from '../../../shared/design/edit.ts';
import type { NodeKind } from '../../../shared/model/schema.ts';
import { useAnalysis } from '../analysis/analysis-store.ts';
import { designStore, useDesign } from '../store/design-store.ts';
import { useTheme } from '../theme/theme.ts';
import { addKindAt, autoLayout, fitView } from './canvas-commands.ts';
import { measured, nodeSize, registerCanvas, type CanvasInstance } from './canvas-registry.ts';
import { DesignEdge } from './DesignEdge.tsx';
import { DesignNode } from './DesignNode.tsx';
import { CanvasDeriver, type CanvasNode, type DesignRFEdge } from './derive.ts';
import { movedEdges, movedNodes, withGroupMembers } from './drag-view.ts';
import { GroupNode } from './GroupNode.tsx';
import { BIG_DESIGN, GRID, NODE_LOOKS } from './kinds.ts';
import { useFocus, useLoadWatcher } from './canvas-effects.ts';
import { setGesture, useCanvasGesture } from '../store/gesture.ts';
import { useMovingClass } from './moving.ts';
import './canvas.css';

const nodeTypes: NodeTypes = { design: DesignNode, groupBox: GroupNode };
const edgeTypes: EdgeTypes = { design: DesignEdge };
export const KIND_MIME = 'application/x-fedstudio-kind';

const store = () => designStore.getState();

function select(changes: readonly (NodeChange<CanvasNode> | EdgeChange<DesignRFEdge>)[]): void {
  let ids: Set<string> | null = null;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    ids ??= new Set(store().selection.ids);
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
  }
  if (ids) store().select([...ids]);
}

/**
 * Takes RF's changes: the positions of a drag in progress into `moved` (a new map when any
 * moved, else null); sizes into `measured`, returning whether one changed; selections to the store.
 */
function onNodesChange(
  changes: NodeChange<CanvasNode>[],
  moving: ReadonlyMap<string, XY> | null,
): { moved: Map<string, XY> | null; resized: boolean } {
  let moved: Map<string, XY> | null = null;
  let resized = false;
  for (const c of changes) {
    if (c.type === 'position' && c.dragging && c.position) {
      moved ??= new Map(moving ?? []);
      moved.set(c.id, c.position);
    } else if (c.type === 'dimensions' && c.dimensions && !c.resizing) {
      const old = measured.get(c.id);
      if (old?.width === c.dimensions.width && old.height === c.dimensions.height) continue;
      measured.set(c.id, c.dimensions);
      resized = true;
    }
  }
  select(changes);
  return { moved, resized };
}

function onEdgesChange(changes: EdgeChange<DesignRFEdge>[]): void {
  select(changes);
}

const onNodeDragStart: OnNodeDrag<CanvasNode> = () => store().checkpoint();

const onNodeDragStop: OnNodeDrag<CanvasNode> = (_e, _n, nodes) => {
  const moves = new Map(nodes.map((n) => [n.id, n.position]));
  const dragged = nodes.filter((n) => n.type === 'design').map((n) => n.id);
  store().apply({
    label: 'Move',
    undoable: true,
    run: (t) => regroupNodes(moveItems(t, moves), dragged, nodeSize),
  });
};

function onConnect(c: Connection): void {
  store().apply({ label: 'Connect', undoable: true, run: (t) => addEdge(t, c.source, c.target) });
}

const isValidConnection: IsValidConnection<DesignRFEdge> = (c) => {
  if (c.source === c.target) return false;
  const nodes = store().topology.nodes;
  const a = nodes.find((n) => n.id === c.source);
  const b = nodes.find((n) => n.id === c.target);
  return !!a && !!b && allowedEdgeKinds(a, b).length > 0;
};

function isKind(k: string): k is NodeKind | 'group' {
  return k === 'group' || k in NODE_LOOKS;
}

function onDragOver(e: DragEvent): void {
  if (!e.dataTransfer.types.includes(KIND_MIME)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
}

function CanvasView() {
  const topology = useDesign((s) => s.topology);
  const selectionIds = useDesign((s) => s.selection.ids);
  const findings = useAnalysis((s) => s.findingsById);
  // A group being resized changes the store on every move: edges then re-route only where needed.
  const gesture = useCanvasGesture((s) => s.active);
  const theme = useTheme((s) => s.theme);
  const wrapper = useRef<HTMLDivElement>(null);
  const rf = useRef<CanvasInstance | null>(null);
  const deriver = useMemo(() => new CanvasDeriver(), []);
  // The positions of the nodes a drag in progress has moved, null between drags.
  const [moved, setMoved] = useState<ReadonlyMap<string, XY> | null>(null);
  const movedNow = useRef(moved);

  // Bumped when RF measures nodes, so the derived nodes carry their sizes (minimap, fit, export).
  const [measureTick, setMeasureTick] = useState(0);
  const nodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const r = onNodesChange(changes, movedNow.current);
    if (r.moved) setMoved((movedNow.current = r.moved));
    if (r.resized) setMeasureTick((n) => n + 1);
  }, []);
  const selected = useMemo(() => new Set(selectionIds), [selectionIds]);
  const derivedNodes = useMemo(
    () => deriver.deriveNodes(topology, selected, findings, measured, measureTick),
    [deriver, topology, selected, findings, measureTick],
  );
  const derivedEdges = useMemo(
    () => deriver.deriveEdges(topology, selected, findings, nodeSize, measureTick, gesture),
    [deriver, topology, selected, findings, measureTick, gesture],
  );
  const shown = useMemo(() => moved && withGroupMembers(topology, moved), [topology, moved]);
  const nodes = useMemo(
    () => (shown ? movedNodes(derivedNodes, shown) : derivedNodes),
    [derivedNodes, shown],
  );
  const edges = useMemo(
    () => (shown ? movedEdges(topology, derivedEdges, shown, nodeSize) : derivedEdges),
    [topology, derivedEdges, shown],
  );
  const moving = useMovingClass(wrapper);

  useLoadWatcher();
  useFocus(rf);

  const onInit = useCallback((instance: CanvasInstance) => {
    rf.current = instance;
    registerCanvas(instance, wrapper.current);
    if (store().topology.nodes.some((n) => !n.position)) void autoLayout('load');
    else requestAnimationFrame(() => fitView());
  }, []);
  useEffect(() => () => registerCanvas(null, null), []);

  const onDrop = useCallback((e: DragEvent) => {
    const kind = e.dataTransfer.getData(KIND_MIME);
    if (!kind || !rf.current) return;
    e.preventDefault();
    if (!isKind(kind)) return;
    addKindAt(kind, rf.current.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  }, []);

  const dragStart: OnNodeDrag<CanvasNode> = useCallback((e, n, ns) => {
    setGesture(true);
    onNodeDragStart(e, n, ns);
  }, []);
  const dragStop: OnNodeDrag<CanvasNode> = useCallback((e, n, ns) => {
    // The store takes the positions in the same render that lets go of the local ones.
    onNodeDragStop(e, n, ns);
    setMoved((movedNow.current = null));
    setGesture(false);
  }, []);

  return (
    <div
      className="canvas"
      data-testid="canvas"
      ref={wrapper}
      onDrop={onDrop}
      onDragOver={onDragOver}
    >
      <ReactFlow<CanvasNode, DesignRFEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={nodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={dragStart}
        onNodeDragStop={dragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onInit={onInit}
        onMoveStart={moving.start}
        onMoveEnd={moving.end}
        colorMode={theme}
        snapToGrid
        snapGrid={[GRID, GRID]}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        elevateNodesOnSelect={false}
        elevateEdgesOnSelect
        onlyRenderVisibleElements={topology.nodes.length > BIG_DESIGN}
        connectionLineType={ConnectionLineType.Bezier}
        connectionRadius={30}
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
      >
        <Background
          variant={BackgroundVariant.Dots}
          gap={GRID * 2}
          size={1.4}
          color="var(--grid)"
        />
        <MiniMap
          style={{ width: 170, height: 110 }}
          pannable
          zoomable
          nodeColor={miniColour}
          nodeStrokeWidth={0}
          maskColor="var(--minimap-mask)"
        />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function miniColour(n: CanvasNode): string {
  return n.type === 'design' ? NODE_LOOKS[n.data.node.kind].colour : 'var(--minimap-group)';
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}
