import { existsSync } from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../../host/services/host-services.ts';

const DESIGNS = [{ name: 'Federation Studio designs', extensions: ['yaml', 'yml'] }];

/**
 * The native dialogs. A path they answer was chosen by the user, and a file they answer for
 * saving was confirmed for replacing if it exists: the host then writes it without asking again.
 */
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
      // Linux asks before replacing a file only when told to; the host then trusts the choice.
      const opts = {
        filters: DESIGNS,
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
        ...(suggested ? { defaultPath: suggested } : {}),
      };
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return null;
      if (/\.ya?ml$/.test(r.filePath)) return r.filePath;
      // The suffix names a file the dialog did not ask about: ask here, as the host trusts it.
      const file = `${r.filePath}.topology.yaml`;
      if (!existsSync(file)) return file;
      const ask = {
        type: 'warning' as const,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `${path.basename(file)} already exists. Replace it?`,
      };
      const choice = w ? await dialog.showMessageBox(w, ask) : await dialog.showMessageBox(ask);
      return choice.response === 0 ? file : null;
    },
    async chooseFolder() {
      const w = win();
      const opts = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
