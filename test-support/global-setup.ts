// The CLI tests run the built `fedstudio` as a user would; build it once, fresh, before them.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}
