// Tests of the Prometheus generator: promtool on every prometheus.yml (which also loads its rule
// and targets files) and on every rule file of a generated part.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { expect } from 'vitest';
import type { FileTree } from '../shared/generate/types.ts';
import { checkJobAgainstReference, UNSUPPORTED_DISCOVERY } from './prometheus-reference.ts';
import { promtoolCheckConfig, promtoolCheckRules, withTree } from './tools.ts';

export interface PromtoolOptions {
  /**
   * Debian's promtool 2.42 is built without Kubernetes and Consul discovery. With this set, such
   * a job's discovery is checked against the configuration reference's fields and promtool reads
   * the rest of the file; without it, a config holding one fails (so no test passes silently).
   */
  referenceForUnsupportedDiscovery?: boolean;
}

/**
 * What a person supplies beside the export: the secret files the jobs read from /run/secrets
 * (the container's mount; here a folder of the tree) and the TLS certificate and key files
 * promtool insists exist. Returns the config text promtool reads.
 */
function withRuntimeFiles(dir: string, rel: string, text: string, opts: PromtoolOptions): string {
  const configDir = path.dirname(path.join(dir, rel));
  const secrets = path.join(dir, 'run-secrets');
  let out = text.replace(/\/run\/secrets\/([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    mkdirSync(secrets, { recursive: true });
    writeFileSync(path.join(secrets, name), 'secret\n');
    return path.join(secrets, name);
  });
  for (const m of out.matchAll(/(?:cert_file|key_file): "?([^"\n]+)"?/g)) {
    const file = path.resolve(configDir, m[1] ?? '');
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '');
    }
  }
  const config = yaml.load(out) as { scrape_configs?: Record<string, unknown>[] };
  const jobs = config.scrape_configs ?? [];
  const unsupported = jobs.filter((j) => UNSUPPORTED_DISCOVERY.some((k) => k in j));
  if (unsupported.length > 0) {
    expect(
      opts.referenceForUnsupportedDiscovery,
      `${rel} uses discovery promtool 2.42 lacks; the test must check it against the reference`,
    ).toBe(true);
    for (const job of unsupported) {
      expect(checkJobAgainstReference(job), `${rel}: job ${String(job.job_name)}`).toEqual([]);
    }
    // promtool reads the rest: every job, without the discovery it was built without.
    const rest = jobs.map((j) =>
      Object.fromEntries(
        Object.entries(j).filter(
          ([k]) => !(UNSUPPORTED_DISCOVERY as readonly string[]).includes(k),
        ),
      ),
    );
    out = yaml.dump({ ...config, scrape_configs: rest }, { lineWidth: -1, noRefs: true });
  }
  return out;
}

export async function expectPromtoolAccepts(
  part: { files: FileTree },
  opts: PromtoolOptions = {},
): Promise<void> {
  await withTree(part.files, (dir) => {
    for (const rel of Object.keys(part.files)) {
      const file = path.join(dir, rel);
      if (rel.endsWith('/prometheus.yml')) {
        const checked = path.join(path.dirname(file), 'prometheus.checked.yml');
        writeFileSync(checked, withRuntimeFiles(dir, rel, readFileSync(file, 'utf8'), opts));
        const run = promtoolCheckConfig(checked);
        expect(run.ok, `${rel}:\n${run.output}\n${part.files[rel]}`).toBe(true);
      } else if (/\/rules\/[^/]+\.ya?ml$/.test(rel) || /^rules\//.test(rel)) {
        const run = promtoolCheckRules(file);
        expect(run.ok, `${rel}:\n${run.output}\n${part.files[rel]}`).toBe(true);
      }
    }
  });
}
