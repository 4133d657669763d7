// The desktop app itself, driven by Playwright's Electron support. It needs Electron's binary,
// which cannot be downloaded on machines without internet (ENVIRONMENT.md): there it reports
// itself skipped, with the reason.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();

test('the desktop app opens a template, saves and exports', async () => {
  test.skip(
    !binary,
    'the Electron binary is not installed here (its download needs the internet); the web-mode suite covers the designer',
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-electron-'));
  const design = path.join(dir, 'dc.topology.yaml');
  const { copyFileSync } = await import('node:fs');
  copyFileSync(path.join(ROOT, 'templates/dc-federation.topology.yaml'), design);
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.join(ROOT, 'dist/electron/main.cjs'), design],
    env: { ...process.env, FEDSTUDIO_STATE_DIR: path.join(dir, '.state') },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByTestId('canvas')).toBeVisible();
    await expect(win.locator('.react-flow__node').first()).toBeVisible();
    expect(
      await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
    ).toBe('undefined');
    await win.keyboard.press('Control+S');
    await expect(win.getByTestId('notice')).toContainText(/saved/i);
    const out = path.join(dir, 'export');
    const invoke = (method: string, args: unknown) =>
      win.evaluate(
        ([m, a]) =>
          (
            window as unknown as { fedstudio: { invoke(m: string, a: unknown): Promise<unknown> } }
          ).fedstudio.invoke(m, a),
        [method, args] as const,
      );
    // A folder the user did not choose is refused; the one picked in the dialog is granted.
    const text = readFileSync(design, 'utf8');
    expect(await invoke('exportConfigs', { text, outDir: out })).toMatchObject({
      error: { code: 'forbidden' },
    });
    await app.evaluate(({ dialog }, folder) => {
      dialog.showOpenDialog = async () => ({
        canceled: false,
        filePaths: [folder],
      });
    }, out);
    const result = await invoke('exportConfigs', { text });
    expect(result).toMatchObject({ result: { written: expect.any(Number) } });
    expect(existsSync(path.join(out, 'docker-compose.yml'))).toBe(true);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
