import { describe, expect, it } from 'vitest';
import { counted, countedKind } from './plural.ts';

describe('counted nouns', () => {
  it('puts the noun in the form its number needs', () => {
    expect(counted(1, 'rule')).toBe('1 rule');
    expect(counted(0, 'rule')).toBe('0 rules');
    expect(counted(2, 'replica')).toBe('2 replicas');
    expect(counted(3, 'index', 'indices')).toBe('3 indices');
  });
  it('names kinds without doubling a final s', () => {
    expect(countedKind(1, 'targets')).toBe('1 target group');
    expect(countedKind(4, 'targets')).toBe('4 target groups');
    expect(countedKind(2, 'prometheus')).toBe('2 Prometheus servers');
    expect(countedKind(2, 'loki')).toBe('2 lokis');
    expect(countedKind(2, 'postgres')).toBe('2 postgres');
  });
});
