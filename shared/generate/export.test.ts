// Every template, exported, judged by the real tools: promtool, amtool and docker-compose.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../design/parse.ts';
import {
  amtoolCheckConfig,
  composeConfig,
  promtoolCheckConfig,
  promtoolCheckRules,
  skipWithoutTool,
  withTree,
} from '../../test-support/tools.ts';
import { ROOT } from '../../test-support/cli.ts';
import { generateExport } from './index.ts';

const templatesDir = path.join(ROOT, 'templates');
const templates = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.topology.yaml'))
  .sort();

const skip =
  skipWithoutTool('promtool') || skipWithoutTool('amtool') || skipWithoutTool('docker-compose');

describe.skipIf(skip)('exported templates pass the real tools', () => {
  it('has templates to check', () => {
    expect(templates.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of templates) {
    it(file, async () => {
      const text = readFileSync(path.join(templatesDir, file), 'utf8');
      const parsed = parseTopology(text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const { files } = generateExport(parsed.topology, { designText: text });
      expect(files['topology.yaml']).toBe(text);
      await withTree(files, (dir) => {
        const failures: string[] = [];
        const check = (what: string, r: { ok: boolean; output: string }) => {
          if (!r.ok) failures.push(`${what}:\n${r.output}`);
        };
        for (const p of Object.keys(files)) {
          const abs = path.join(dir, p);
          if (/^prometheus\/[^/]+\/prometheus\.yml$/.test(p))
            check(`promtool check config ${p}`, promtoolCheckConfig(abs));
          if (/^prometheus\/[^/]+\/rules\/[^/]+\.yml$/.test(p))
            check(`promtool check rules ${p}`, promtoolCheckRules(abs));
          if (/^alertmanager\/[^/]+\/alertmanager\.yml$/.test(p))
            check(`amtool check-config ${p}`, amtoolCheckConfig(abs));
        }
        check('docker-compose config -q', composeConfig(dir));
        expect(failures).toEqual([]);
      });
    });
  }
});
