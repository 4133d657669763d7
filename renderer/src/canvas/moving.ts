// While the view pans or zooms, the canvas carries the class `moving`: its CSS then keeps the
// moving viewport on its own compositor layer (a pan frame repaints nothing) and takes the nodes
// and edges out of hit testing (the pointer is busy moving the view, not pointing at them).
import { useMemo, type RefObject } from 'react';

export function useMovingClass(wrapper: RefObject<HTMLElement | null>): {
  start: () => void;
  end: () => void;
} {
  return useMemo(
    () => ({
      start: () => wrapper.current?.classList.add('moving'),
      end: () => wrapper.current?.classList.remove('moving'),
    }),
    [wrapper],
  );
}
