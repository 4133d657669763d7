import { describe, expect, it } from 'vitest';
import { designNameFromPath } from './design-name.ts';

describe('designNameFromPath', () => {
  it('takes the stem of a design file', () => {
    expect(designNameFromPath('/home/a/payments-eu.topology.yaml')).toBe('payments-eu');
    expect(designNameFromPath('C:\\designs\\Edge_Sites.yml')).toBe('edge-sites');
    expect(designNameFromPath('lab.yaml')).toBe('lab');
  });
  it('makes a DNS label of what is left', () => {
    expect(designNameFromPath('2026 Q1 plan!.topology.yaml')).toBe('q1-plan');
    expect(designNameFromPath(`${'a'.repeat(60)}.topology.yaml`)).toBe('a'.repeat(40));
    expect(designNameFromPath('x--.yaml')).toBe('x');
  });
  it('gives null when no letter is left', () => {
    expect(designNameFromPath('2026.topology.yaml')).toBeNull();
    expect(designNameFromPath('---.yaml')).toBeNull();
  });
});
