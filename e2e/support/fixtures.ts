// The designer, opened fresh for each test, with helpers that act as a user would.
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ app: Page }>({
  app: async ({ page }, use) => {
    const skip = process.env.FEDSTUDIO_E2E_SKIP;
    base.skip(Boolean(skip), skip);
    const url = process.env.FEDSTUDIO_E2E_URL;
    if (!url) throw new Error('the web host was not started (global setup)');
    page.on('pageerror', (e) => {
      throw e;
    });
    // Each test starts clean: no crash-recovery copy left by the test before it.
    const { origin, searchParams } = new URL(url);
    const res = await fetch(`${origin}/api/clearRecovery`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${searchParams.get('token')}`,
      },
      body: '{}',
    });
    if (!res.ok) throw new Error(`clearRecovery: HTTP ${res.status}`);
    await page.goto(url);
    await expect(page.getByTestId('canvas')).toBeVisible();
    await waitForSession(page);
    await use(page);
  },
});

/** Waits until the app has decided what to show at start (a file, recovery, or the gallery). */
export async function waitForSession(page: Page): Promise<void> {
  await expect(page.locator('html[data-session-ready="true"]')).toHaveCount(1);
}

export { expect };
