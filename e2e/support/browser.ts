import { existsSync } from 'node:fs';

/** The Chromium to drive: FEDSTUDIO_CHROMIUM, else Debian's, else Playwright's own (if installed). */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.FEDSTUDIO_CHROMIUM;
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

/** Flags that keep Chromium quiet on a machine without a network (ENVIRONMENT.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
