// Errors a lab user meets, each with a code the app can branch on and a message that says why and
// what to do. Everything else that fails is a bug and keeps its own error.

export type LabErrorCode =
  | 'docker-unreachable'
  | 'port-taken'
  | 'image-missing'
  | 'container-exited'
  | 'health-timeout'
  | 'edges-timeout'
  | 'docker-error';

export class LabError extends Error {
  constructor(
    readonly code: LabErrorCode,
    message: string,
    readonly instance?: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Docker's error answers carry an HTTP status code (dockerode's `statusCode`). */
export function dockerStatus(e: unknown): number | undefined {
  if (e !== null && typeof e === 'object' && 'statusCode' in e) {
    const code = (e as { statusCode: unknown }).statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}
