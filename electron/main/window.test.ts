import { describe, expect, it } from 'vitest';
import { serveRenderer, RENDERER_CSP } from './protocol.ts';
import { lockNavigation, windowOptions } from './window.ts';
import { designFromArgv } from './design-args.ts';
import { menuTemplate } from './menu.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';

describe('the window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const w = windowOptions('/x/preload.cjs').webPreferences!;
    expect(w).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('blocks navigation away from the app and every new window', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) =>
        listeners.set(name, fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    } as unknown as WebContents;
    const opened: string[] = [];
    lockNavigation(contents, (u) => opened.push(u));
    const nav = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://fedstudio/index.html')).toBe(false);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'http://127.0.0.1:9090/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['http://127.0.0.1:9090/']);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-proto-'));
    writeFileSync(path.join(dir, 'index.html'), '<html></html>');
    const ok = await serveRenderer(dir, 'app://fedstudio/');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect((await serveRenderer(dir, 'app://fedstudio/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await serveRenderer(dir, 'app://other/index.html')).status).toBe(404);
  });

  it('opens the design named on the command line', () => {
    expect(designFromArgv(['electron', '--flag', 'a.topology.yaml'])).toBe('a.topology.yaml');
    expect(designFromArgv(['electron', '.'])).toBeUndefined();
  });

  it('has the menus a user expects', () => {
    const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
      items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
    const all = labels(
      menuTemplate(
        { send: () => {}, quit: () => {}, toggleDevTools: () => {} },
        ['/a.topology.yaml'],
        false,
        false,
      ),
    );
    for (const l of [
      'New from Template…',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Export Configs…',
      'Quit',
      'Undo',
      'Redo',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
      'Zoom to Fit',
      'Toggle Theme',
      'Lab',
      'Launch Lab',
      'Stop Lab…',
      'Lab Status',
      '/a.topology.yaml',
    ]) {
      expect(all).toContain(l);
    }
    expect(all).not.toContain('Developer Tools');
    // The Lab menu sends the lab commands to the renderer.
    const sent: string[] = [];
    const labMenu = menuTemplate(
      { send: (m) => sent.push(m.command), quit: () => {}, toggleDevTools: () => {} },
      [],
      false,
      false,
    ).find((m) => m.label === 'Lab');
    for (const item of Array.isArray(labMenu?.submenu) ? labMenu.submenu : [])
      (item.click as (() => void) | undefined)?.();
    expect(sent).toEqual(['lab-up', 'lab-down', 'lab-status']);
    expect(
      labels(
        menuTemplate({ send: () => {}, quit: () => {}, toggleDevTools: () => {} }, [], true, false),
      ),
    ).toContain('Developer Tools');
  });
});
