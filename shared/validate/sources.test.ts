import { describe, expect, it } from 'vitest';
import { RULES } from './rules/index.ts';
import { RULE_SOURCES } from './sources.ts';

describe('rule sources', () => {
  it('spells out every source tag a rule names', () => {
    const unknown = RULES.flatMap((r) => r.sources.filter((t) => !(t in RULE_SOURCES)));
    expect(unknown).toEqual([]);
  });
});
