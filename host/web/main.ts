// `npm run web [-- FILE] [--port N] [--workspace DIR]`: the designer in a browser.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { defaultStateDir } from '../disk/state-dir.ts';
import { AppState } from '../services/app-state.ts';
import { createHostServices } from '../services/host-services.ts';
import { templateIdOf } from '../services/templates.ts';
import { startWebHost } from './server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/web/main.mjs -> dist/renderer; host/web/main.ts (tsx) -> dist/renderer too.
const staticDir = [
  path.resolve(here, '../renderer'),
  path.resolve(here, '../../dist/renderer'),
].find((d) => existsSync(path.join(d, 'index.html')));

const program = new Command('fedstudio-web')
  .argument('[file]', 'a design to open')
  .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', (v) => Number.parseInt(v, 10))
  .option(
    '--workspace <dir>',
    'the folder designs are opened from and exported into (default: the file’s folder, your home for a template, else the current one)',
  )
  .parse();

const file = program.args[0];
const opts = program.opts<{ port?: number; workspace?: string }>();
if (!staticDir) {
  process.stderr.write(
    'The renderer is not built: run `npm run build:renderer` first (`npm run web` does it).\n',
  );
  process.exit(2);
}
if (file !== undefined && !existsSync(file)) {
  process.stderr.write(`${file}: no such file\n`);
  process.exit(2);
}
// A template named at start opens as an unsaved copy; its folder (the app's own templates) is
// never the workspace: designs are saved and exported in the user's home instead.
const fromTemplate = file !== undefined && templateIdOf(path.resolve(file)) !== null;
const workspace = path.resolve(
  opts.workspace ??
    (file && !fromTemplate ? path.dirname(file) : fromTemplate ? os.homedir() : process.cwd()),
);
const services = createHostServices({
  kind: 'web',
  workspace,
  state: new AppState(defaultStateDir()),
  ...(file ? { initialFile: path.resolve(file) } : {}),
});
const host = await startWebHost({
  services,
  staticDir,
  ...(opts.port !== undefined ? { port: opts.port } : {}),
});
process.stdout.write(
  `Federation Studio is running (workspace ${workspace}). Open:\n${host.openUrl}\n`,
);
const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
