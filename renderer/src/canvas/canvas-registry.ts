// The mounted canvas's React Flow instance and element, and the drawn sizes of its nodes: view
// state shared by the canvas commands, never part of the design.
import type { ReactFlowInstance } from '@xyflow/react';
import type { CanvasNode, DesignRFEdge } from './derive.ts';
import { NODE_SIZE } from './kinds.ts';

export type CanvasInstance = ReactFlowInstance<CanvasNode, DesignRFEdge>;

let instance: CanvasInstance | null = null;
let pane: HTMLElement | null = null;

/** Drawn sizes of nodes, as React Flow measures them. */
export const measured = new Map<string, { width: number; height: number }>();

export function nodeSize(id: string): { width: number; height: number } {
  return measured.get(id) ?? NODE_SIZE;
}

export function registerCanvas(rf: CanvasInstance | null, el: HTMLElement | null): void {
  instance = rf;
  pane = el;
}

export function getCanvas(): { rf: CanvasInstance; el: HTMLElement } | null {
  return instance && pane ? { rf: instance, el: pane } : null;
}
