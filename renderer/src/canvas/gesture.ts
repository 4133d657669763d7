// Whether a canvas gesture (a node drag, a group resize) is under way. While it is, the topology
// changes on every pointer move with positions only: views whose output does not depend on
// positions (preview, YAML, problems) may keep their last result until it ends.
import { create } from 'zustand';

export const useCanvasGesture = create<{ active: boolean }>()(() => ({ active: false }));

export function setGesture(active: boolean): void {
  if (useCanvasGesture.getState().active !== active) useCanvasGesture.setState({ active });
}
