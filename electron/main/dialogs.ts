import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../../host/services/host-services.ts';

const DESIGNS = [{ name: 'Federation Studio designs', extensions: ['yaml', 'yml'] }];

export function nativeDialogs(win: () => BrowserWindow | null): Dialogs {
  return {
    async chooseOpen() {
      const w = win();
      const r = w
        ? await dialog.showOpenDialog(w, { properties: ['openFile'], filters: DESIGNS })
        : await dialog.showOpenDialog({ properties: ['openFile'], filters: DESIGNS });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSave(suggested) {
      const w = win();
      const opts = { filters: DESIGNS, ...(suggested ? { defaultPath: suggested } : {}) };
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return null;
      return /\.ya?ml$/.test(r.filePath) ? r.filePath : `${r.filePath}.topology.yaml`;
    },
    async chooseFolder() {
      const w = win();
      const opts = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
