// A command's state for React: re-renders only when whether it can run changes.
import { useSyncExternalStore } from 'react';
import type { CommandId } from '../../../shared/commands.ts';
import { useFileUi } from '../files/file-ui.ts';
import { useLab } from '../lab/lab-store.ts';
import { designStore } from '../store/design-store.ts';
import { isEnabled } from './registry.ts';

function subscribe(onChange: () => void): () => void {
  // The file UI changes once the session has bound the host, which the file commands wait for.
  const stops = [designStore.subscribe(onChange), useLab.subscribe(onChange)];
  stops.push(useFileUi.subscribe(onChange));
  return () => stops.forEach((stop) => stop());
}

export function useCommandEnabled(id: CommandId): boolean {
  return useSyncExternalStore(subscribe, () => isEnabled(id));
}
