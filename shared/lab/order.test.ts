import { describe, expect, it } from 'vitest';
import { contentHash, stableJson } from './hash.ts';
import { startOrder } from './order.ts';

describe('startOrder', () => {
  it('puts every container after its dependencies, keeping the given order otherwise', () => {
    expect(
      startOrder([
        { instance: 'global', dependsOn: ['leaf-a', 'leaf-b'] },
        { instance: 'leaf-a', dependsOn: ['am'] },
        { instance: 'leaf-b', dependsOn: ['am', 'not-run'] },
        { instance: 'am', dependsOn: [] },
      ]),
    ).toEqual(['am', 'leaf-a', 'leaf-b', 'global']);
  });

  it('does not loop on a cycle', () => {
    const order = startOrder([
      { instance: 'a', dependsOn: ['b'] },
      { instance: 'b', dependsOn: ['a'] },
    ]);
    expect(order.sort()).toEqual(['a', 'b']);
  });
});

describe('hash', () => {
  it('ignores key order and undefined, not values', () => {
    expect(stableJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(contentHash(stableJson({ a: 1, b: 2 }))).toBe(contentHash(stableJson({ b: 2, a: 1 })));
    expect(contentHash('a')).not.toBe(contentHash('b'));
    expect(contentHash('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
