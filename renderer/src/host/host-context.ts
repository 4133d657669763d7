import { createContext, useContext } from 'react';
import type { HostApi } from '../../../shared/host-api.ts';

export const HostContext = createContext<HostApi | null>(null);

/** The host API; components that need it render only inside a connected App. */
export function useHost(): HostApi {
  const host = useContext(HostContext);
  if (!host) throw new Error('no host connected');
  return host;
}
