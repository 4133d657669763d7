// While an edge is being drawn over a node that cannot take it, says at the cursor why, and
// which way it would be allowed (connection-hint.ts).
import { useEffect, useState } from 'react';
import { designStore } from '../store/design-store.ts';
import { connecting } from './canvas-keys.ts';
import { refusalReason } from '../canvas/connection-hint.ts';

interface Hint {
  text: string;
  x: number;
  y: number;
}

function nodeIdAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('.react-flow__node-design');
  return el?.dataset['id'] ?? null;
}

/** The hint for the pointer at (x, y), from the handles React Flow marks while connecting. */
function hintAt(x: number, y: number): string | null {
  if (!connecting()) return null;
  const start = document.querySelector<HTMLElement>('.react-flow__handle.connectingfrom');
  const fromId = start?.dataset['nodeid'];
  const over = document.querySelector<HTMLElement>('.react-flow__handle.connectingto');
  const toId = over?.dataset['nodeid'] ?? nodeIdAt(x, y);
  if (!fromId || !toId || over?.classList.contains('valid')) return null;
  const nodes = designStore.getState().topology.nodes;
  const a = nodes.find((n) => n.id === fromId);
  const b = nodes.find((n) => n.id === toId);
  if (!a || !b) return null;
  // Drawn from a node's upper (target) handle, the edge runs towards the starting node.
  return start.classList.contains('target') ? refusalReason(b, a) : refusalReason(a, b);
}

export function ConnectionHint() {
  const [hint, setHint] = useState<Hint | null>(null);
  useEffect(() => {
    let frame = 0;
    const onMove = (e: MouseEvent) => {
      const { clientX: x, clientY: y } = e;
      cancelAnimationFrame(frame);
      // After React Flow has marked the handles for this move.
      frame = requestAnimationFrame(() => {
        const text = hintAt(x, y);
        setHint(text ? { text, x, y } : null);
      });
    };
    const onUp = () => {
      cancelAnimationFrame(frame);
      setHint(null);
    };
    document.addEventListener('mousemove', onMove, { passive: true });
    document.addEventListener('mouseup', onUp);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('mousemove', onMove);
      document.removeEventListener('mouseup', onUp);
    };
  }, []);
  if (!hint) return null;
  return (
    <div
      className="connection-hint"
      role="status"
      data-testid="connection-hint"
      style={{ left: hint.x + 14, top: hint.y + 18 }}
    >
      {hint.text}
    </div>
  );
}
