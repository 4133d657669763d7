// Errors a lab user meets, each with a code the app can branch on and a message that says why and
// what to do. Docker's own words stay in `detail`, never as the whole message.

export type LabErrorCode =
  | 'docker-unreachable'
  | 'port-taken'
  | 'image-missing'
  | 'image-unusable'
  | 'container-exited'
  | 'health-timeout'
  | 'not-healthy'
  | 'edges-timeout'
  | 'busy'
  | 'interrupted'
  | 'docker-error';

export class LabError extends Error {
  constructor(
    readonly code: LabErrorCode,
    message: string,
    readonly instance?: string,
    /** What Docker said, word for word, for the curious and for bug reports. */
    readonly detail?: string,
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
    const code = e.statusCode;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** The engine's own message: dockerode puts the JSON answer's `message` in `json`. */
export function dockerText(e: unknown): string {
  if (e !== null && typeof e === 'object' && 'json' in e) {
    const json = e.json;
    if (json !== null && typeof json === 'object' && 'message' in json) {
      const m = json.message;
      if (typeof m === 'string' && m.trim()) return m.trim();
    }
  }
  return errorText(e).trim();
}
