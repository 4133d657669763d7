export const EXIT = { ok: 0, findings: 1, unusable: 2, internal: 70 } as const;

/** Input the command cannot work with: printed without a stack, exit 2. */
export class UsageError extends Error {}

/** What the CLI prints for a defect of its own (exit 70): the stack, for the bug report. */
export function internalErrorText(e: unknown): string {
  return `fedstudio: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`;
}
