import type { HostErrorBody, HostErrorCode } from '../../shared/host-api.ts';

/** An error a host answers with: its code and message reach the renderer intact. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }

  toBody(): HostErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** Any thrown value as an error body; unexpected errors keep their message, never their stack. */
export function errorBody(e: unknown): HostErrorBody {
  if (e instanceof HostError) return e.toBody();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
