// The one place a host's answer becomes a result or an error, whichever transport carried it
// (HTTP in web mode, Electron's IPC on the desktop): both answer the same envelope.
import { HOST_METHODS, HostErrorBody, type HostMethod } from '../../../shared/host-api.ts';

/** A failed host call: the host's error code, its message, and for a design its `file:line` lines. */
export class HostCallError extends Error {
  override readonly name = 'HostCallError';
  readonly code: HostErrorBody['code'];
  readonly details: string[];

  constructor(body: HostErrorBody) {
    super(body.message);
    this.code = body.code;
    this.details = body.details ?? [];
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The result of a call from the host's answer, checked against the contract; else throws one
 * HostCallError. `failure` says how the transport failed when it did (`HTTP 502`), for answers
 * that carry no usable error of their own.
 */
export function unwrapEnvelope(method: HostMethod, answer: unknown, failure?: string): unknown {
  if (isObject(answer) && 'error' in answer) {
    const body = HostErrorBody.safeParse(answer.error);
    if (body.success) throw new HostCallError(body.data);
  }
  if (failure !== undefined || !isObject(answer) || !('result' in answer)) {
    throw new HostCallError({
      code: 'internal',
      message: `${method}: ${failure ?? 'unexpected answer from the host'}`,
    });
  }
  // The host's answer is outside input too: check it against the contract.
  const checked = HOST_METHODS[method].result.safeParse(answer.result);
  if (!checked.success) {
    throw new HostCallError({
      code: 'internal',
      message: `${method}: unexpected answer from the host`,
    });
  }
  return checked.data;
}
