// `npm start`: the desktop app. Where Electron's binary is missing and cannot be downloaded (as
// on machines without internet), it says so and serves the designer in web mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const electronDir = path.dirname(require.resolve('electron/package.json'));

/** The downloaded binary, found the way electron's own index.js does, without its auto-download. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary) {
  // npm may have skipped Electron's download script (install scripts need approval): try it once.
  process.stdout.write('Electron binary not found; trying to download it...\n');
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = electronBinary();
}

if (!binary) {
  process.stdout.write(
    '\nThe Electron binary is not installed: its download failed or was skipped (it needs the internet, ' +
      'and npm 11 runs install scripts only once approved: `npm install-scripts approve electron`, then ' +
      '`npm rebuild electron`). Starting the same designer in web mode instead: open the URL below in a ' +
      'browser. Everything works there; native menus and dialogs are the only difference.\n\n',
  );
  const web = spawn(process.execPath, ['dist/web/main.mjs', ...args], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
} else {
  const child = spawn(binary, ['dist/electron/main.cjs', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
