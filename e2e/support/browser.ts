import { existsSync } from 'node:fs';

/** The Chromium to drive: FEDSTUDIO_CHROMIUM, else Debian's, else Playwright's own (if installed). */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.FEDSTUDIO_CHROMIUM;
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}
