export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

/** Input the command cannot work with: printed without a stack, exit 2. */
export class UsageError extends Error {}
