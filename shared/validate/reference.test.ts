import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test-support/cli.ts';
import { renderRulesMarkdown } from './reference.ts';
import { RULES } from './rules/index.ts';

// RULES.md is the project's shared catalog, kept beside the repository (../shared/RULES.md).
const catalogPath = path.join(ROOT, '..', 'shared', 'RULES.md');
const catalog = existsSync(catalogPath) ? readFileSync(catalogPath, 'utf8') : null;
if (!catalog && process.env.CI) throw new Error(`CI needs ${catalogPath} beside the repository`);
if (!catalog) console.warn(`SKIPPED: the RULES.md comparison: ${catalogPath} is not there`);

describe('the rule registry', () => {
  it.skipIf(!catalog)('has every rule of RULES.md, in order, with its severity', () => {
    const rows = [
      ...(catalog ?? '').matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm),
    ].map((m) => [m[1], m[2]]);
    expect(rows.length).toBeGreaterThan(30);
    // The project's own rules follow RULES.md's (docs/rules.md documents them all).
    expect(RULES.slice(0, rows.length).map((r) => [r.id, r.severity])).toEqual(rows);
  });

  it('explains every rule: when, why, fix', () => {
    for (const r of RULES) {
      for (const text of [r.when, r.why, r.fix]) {
        expect(text.length, r.id).toBeGreaterThan(20);
        expect(text, r.id).not.toMatch(/TODO/);
      }
    }
  });

  it('is documented in docs/rules.md (run `npm run docs:rules` after changing a rule)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(
      renderRulesMarkdown(RULES),
    );
  });
});
