import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';

describe('migrate', () => {
  it('passes the current version through', () => {
    const r = migrate({ apiVersion: 'fedstudio/v1', kind: 'Topology' });
    expect(r).toEqual({
      ok: true,
      from: 'fedstudio/v1',
      doc: { apiVersion: 'fedstudio/v1', kind: 'Topology' },
    });
  });

  it('runs a chain of steps keyed by apiVersion', () => {
    const chain = {
      'fedstudio/v0alpha': {
        to: 'fedstudio/v0',
        run: (d: Record<string, unknown>) => ({ ...d, a: 1 }),
      },
      'fedstudio/v0': { to: 'fedstudio/v1', run: (d: Record<string, unknown>) => ({ ...d, b: 2 }) },
    };
    const r = migrate({ apiVersion: 'fedstudio/v0alpha' }, chain);
    expect(r).toEqual({
      ok: true,
      from: 'fedstudio/v0alpha',
      doc: { apiVersion: 'fedstudio/v1', a: 1, b: 2 },
    });
  });

  it('refuses versions it cannot migrate', () => {
    const r = migrate({ apiVersion: 'other/v3' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('unsupported apiVersion "other/v3"');
  });
});
