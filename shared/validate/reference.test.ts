import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test-support/cli.ts';
import { renderRulesMarkdown } from './reference.ts';
import { RULES } from './rules/index.ts';

// The shared rule catalog (RULES.md, kept beside the repository) copied into the project, so that
// no test reads outside the repository. The registry may hold more rules than the catalog: the
// project's own, documented in docs/rules.md.
const catalog = JSON.parse(
  readFileSync(path.join(ROOT, 'shared', 'validate', 'rules-catalog.json'), 'utf8'),
) as { rules: { id: string; severity: string }[] };

describe('the rule registry', () => {
  it('has every rule of the catalog, in its order, with its severity', () => {
    expect(catalog.rules.length).toBeGreaterThan(30);
    const registered = new Map(RULES.map((r, i) => [r.id, { severity: r.severity, index: i }]));
    let last = -1;
    for (const row of catalog.rules) {
      const rule = registered.get(row.id);
      expect(rule, row.id).toBeDefined();
      expect(rule!.severity, row.id).toBe(row.severity);
      expect(rule!.index, `${row.id} keeps the catalog's order`).toBeGreaterThan(last);
      last = rule!.index;
    }
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
