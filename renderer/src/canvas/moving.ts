// While the view is dragged about, the canvas carries the class `moving`: its CSS then keeps the
// moving viewport on its own compositor layer (a pan frame repaints nothing) and takes the nodes
// and edges out of hit testing (the pointer is busy moving the view, not pointing at them).
// Wheel zooms go without: a zoom changes what is drawn at each step, and a fixed layer would only
// be re-rastered at every one.
import { useMemo, type RefObject } from 'react';

export function useMovingClass(wrapper: RefObject<HTMLElement | null>): {
  start: (e: Event | null) => void;
  end: () => void;
} {
  return useMemo(
    () => ({
      start: (e: Event | null) => {
        if (e && e.type !== 'wheel') wrapper.current?.classList.add('moving');
      },
      end: () => wrapper.current?.classList.remove('moving'),
    }),
    [wrapper],
  );
}
