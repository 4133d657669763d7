// The designer's keyboard shortcuts: the keys of the command table (shared/commands.ts), run by
// the command registry's rules (they stand aside in text fields and dialogs; save works anywhere).
import { useEffect } from 'react';
import { handleKey } from '../commands/dispatch.ts';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
