// The templates are clean against the validator: no error or warning findings. A finding a
// template shows on purpose is suppressed on its node or edge, whose notes say why.
import { describe, expect, it } from 'vitest';
import { validate } from '../shared/validate/engine.ts';
import { loadTemplates } from './load.ts';

const templates = loadTemplates();

describe.each(templates)('template $id', ({ topology: t }) => {
  const { findings } = validate(t);

  it('has no error or warning findings', () => {
    const serious = findings.filter((f) => !f.suppressed && f.severity !== 'info');
    expect(serious.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('explains every finding it accepts', () => {
    for (const f of findings.filter((x) => x.suppressed)) {
      const owners = [...t.nodes, ...(t.edges ?? [])].filter(
        (x) => [...f.nodes, ...f.edges].includes(x.id) && x.suppress?.includes(f.rule),
      );
      expect(owners.length, f.rule).toBeGreaterThan(0);
      for (const o of owners) expect(o.notes ?? '', `${o.id} suppresses ${f.rule}`).not.toBe('');
    }
  });
});
