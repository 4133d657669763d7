// Whether a canvas gesture (a node drag, a group resize) is under way. A drag keeps its positions
// in the canvas until it ends; a resize changes the topology on every pointer move, box only.
// Views whose output does not depend on positions (findings, preview) wait for the end.
import { create } from 'zustand';

export const useCanvasGesture = create<{ active: boolean }>()(() => ({ active: false }));

export function setGesture(active: boolean): void {
  if (useCanvasGesture.getState().active !== active) useCanvasGesture.setState({ active });
}
