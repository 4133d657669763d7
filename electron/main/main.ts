// The Electron main process: a thin shell around the Node services the CLI and web host share.
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { MENU_CHANNEL, type MenuMessage } from '../../shared/host-api.ts';
import { defaultStateDir } from '../../host/disk/state-dir.ts';
import { AppState } from '../../host/services/app-state.ts';
import { createHostServices, grantedFoldersPolicy } from '../../host/services/host-services.ts';
import { templateIdOf } from '../../host/services/templates.ts';
import { designFromArgv } from './design-args.ts';
import { nativeDialogs } from './dialogs.ts';
import { APP_ORIGIN, isTrustedSender, registerHostHandlers } from './ipc-host.ts';
import { menuTemplate } from './menu.ts';
import { denyAllPermissions } from './permissions.ts';
import { serveRenderer } from './protocol.ts';
import { lockNavigation, windowOptions } from './window.ts';

const dev = !app.isPackaged && process.env.FEDSTUDIO_DEV === '1';
const here = __dirname; // dist/electron (bundled as CommonJS)
const rendererDir = path.resolve(here, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let docState = { title: 'Federation Studio', dirty: false };
  let initialFile = designFromArgv(process.argv);
  const state = new AppState(defaultStateDir());
  const templatesDir = path.resolve(here, '../../templates');
  // The file named at start is usable, not its folder: other paths come through the dialogs.
  const paths = grantedFoldersPolicy([], initialFile ? [path.resolve(initialFile)] : []);

  const services = createHostServices({
    kind: 'electron',
    // A template opens as an unsaved copy: its folder is the app's, never the workspace.
    workspace:
      initialFile && templateIdOf(path.resolve(initialFile), templatesDir) === null
        ? path.dirname(path.resolve(initialFile))
        : os.homedir(),
    paths,
    state,
    ...(initialFile ? { initialFile: path.resolve(initialFile) } : {}),
    dialogs: nativeDialogs(() => win),
    templatesDir,
    onDocumentState(s) {
      docState = s;
      win?.setTitle(`${s.dirty ? '● ' : ''}${s.title} — Federation Studio`);
    },
  });

  const send = (message: MenuMessage) => win?.webContents.send(MENU_CHANNEL, message);

  const refreshMenu = async () => {
    const recent = (await state.recent()).map((r) => r.path);
    // Recent files were chosen by the user before: they (not their folders) may be opened again.
    for (const r of recent) paths.grant?.(r, 'file');
    const menu = Menu.buildFromTemplate(
      menuTemplate(
        {
          send,
          quit: () => app.quit(),
          toggleDevTools: () => win?.webContents.toggleDevTools(),
        },
        recent,
        dev,
        process.platform === 'darwin',
      ),
    );
    Menu.setApplicationMenu(menu);
  };

  const createWindow = () => {
    win = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs')));
    lockNavigation(win.webContents, (url) => void shell.openExternal(url));
    win.on('close', (event) => {
      if (!docState.dirty || !win) return;
      const choice = dialog.showMessageBoxSync(win, {
        type: 'warning',
        buttons: ['Discard changes and close', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `${docState.title} has unsaved changes.`,
        detail: 'Save it first (File > Save) to keep them. An autosaved copy is kept for recovery.',
      });
      if (choice === 1) event.preventDefault();
    });
    win.once('ready-to-show', () => win?.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  };

  app.on('second-instance', (_e, argv) => {
    const file = designFromArgv(argv);
    if (file) {
      paths.grant?.(path.resolve(file), 'file');
      void state.touchRecent(path.resolve(file)).then(refreshMenu);
      // The renderer opens it through its own flow, which asks about unsaved work first.
      send({ command: 'open', path: path.resolve(file) });
    }
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // macOS file association: the file arrives as an event, before or after the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    paths.grant?.(file, 'file');
    if (!win) initialFile = file;
    else
      void state
        .touchRecent(file)
        .then(refreshMenu)
        .then(() => send({ command: 'open', path: file }));
  });

  app.on('web-contents-created', (_e, contents) =>
    lockNavigation(contents, (url) => void shell.openExternal(url)),
  );

  app.on('session-created', (s) => denyAllPermissions(s));

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    protocol.handle('app', (req) => serveRenderer(rendererDir, req.url));
    registerHostHandlers(ipcMain, services, (event) =>
      isTrustedSender(event, () => win?.webContents.id),
    );
    await refreshMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
