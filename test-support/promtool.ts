// Tests of the Prometheus generator: promtool on every prometheus.yml (which also loads its rule
// files) and on every rule file of a generated part.
import path from 'node:path';
import { expect } from 'vitest';
import type { FileTree } from '../shared/generate/types.ts';
import { promtoolCheckConfig, promtoolCheckRules, withTree } from './tools.ts';

export async function expectPromtoolAccepts(part: { files: FileTree }): Promise<void> {
  await withTree(part.files, (dir) => {
    for (const rel of Object.keys(part.files)) {
      const file = path.join(dir, rel);
      const run = rel.endsWith('/prometheus.yml')
        ? promtoolCheckConfig(file)
        : promtoolCheckRules(file);
      expect(run.ok, `${rel}:\n${run.output}\n${part.files[rel]}`).toBe(true);
    }
  });
}
