// `npm run web [-- FILE] [--port N] [--workspace DIR]`: the designer in a browser.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { defaultStateDir } from '../disk/state-dir.ts';
import { AppState } from '../services/app-state.ts';
import { createHostServices } from '../services/host-services.ts';
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
    'the folder designs are opened from and exported into (default: the file’s folder, else the current one)',
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
const workspace = path.resolve(opts.workspace ?? (file ? path.dirname(file) : process.cwd()));
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
