import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { APP_ORIGIN } from './ipc-host.ts';

/** The renderer gets no Node, no Electron, and a sandbox; the preload is its only bridge. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1500,
    height: 950,
    minWidth: 900,
    minHeight: 600,
    title: 'Federation Studio',
    show: false,
    backgroundColor: '#14161a',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** No navigation away from the app and no new windows: links open nowhere inside the app. */
export function lockNavigation(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Lab links open in the user's browser, never in an app window.
    if (/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) openExternal(url);
    return { action: 'deny' };
  });
}
