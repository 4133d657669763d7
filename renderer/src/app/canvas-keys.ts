// Keys on the canvas that React Flow would otherwise take: Escape cancels an edge being drawn,
// and the arrow keys move the selection as a command (one undo step) even while a node card has
// the focus (React Flow moves it by itself there, outside the store).
import { useEffect } from 'react';
import { handleKey } from '../commands/dispatch.ts';

/** An edge is being drawn (React Flow draws its line only then). */
export function connecting(): boolean {
  return document.querySelector('.react-flow__connectionline') !== null;
}

/**
 * Ends the edge being drawn without making it: the pointer "leaves" far from any handle, then
 * is released there, so React Flow finds nothing to connect to and tidies up as after a miss.
 */
function cancelConnection(): void {
  const far = { clientX: -1e5, clientY: -1e5, bubbles: true };
  document.dispatchEvent(new MouseEvent('mousemove', far));
  document.dispatchEvent(new MouseEvent('mouseup', far));
}

function onNodeCard(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.react-flow__node') !== null;
}

export function useCanvasKeys(): void {
  useEffect(() => {
    // Capture: before React Flow's own handlers on the node card see the key.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && connecting()) {
        e.preventDefault();
        e.stopPropagation();
        cancelConnection();
      } else if (e.key.startsWith('Arrow') && onNodeCard(e.target)) {
        e.stopPropagation();
        if (handleKey(e)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
