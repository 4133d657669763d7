import { describe, expect, it } from 'vitest';
import type { TopologyNode } from '../../../shared/model/schema.ts';
import { refusalReason } from './connection-hint.ts';

const node = (id: string, kind: string, more: object = {}) =>
  ({ id, kind, name: id, ...more }) as TopologyNode;

describe('why an edge is refused', () => {
  it('allows what the edge table allows', () => {
    expect(refusalReason(node('p', 'prometheus'), node('t', 'targets'))).toBeNull();
    expect(refusalReason(node('g', 'grafana'), node('p', 'prometheus'))).toBeNull();
  });

  it('says the other way round works, naming both ends and the edge', () => {
    expect(refusalReason(node('am', 'alertmanager'), node('p', 'prometheus'))).toBe(
      'Edges go the other way: draw from p to am (Prometheus alerts to Alertmanager).',
    );
  });

  it('names the condition an edge kind needs', () => {
    const q = node('q', 'thanos-query');
    expect(refusalReason(q, node('p', 'prometheus'))).toBe(
      'q queries store p only when the Prometheus must set thanosSidecar: true.',
    );
    expect(refusalReason(q, node('p', 'prometheus', { thanosSidecar: true }))).toBeNull();
  });

  it('says what a kind connects to when no edge joins the two either way', () => {
    expect(refusalReason(node('g', 'grafana'), node('t', 'targets'))).toBe(
      'No edge joins a Grafana to a Targets. A Grafana queries or stores in other kinds.',
    );
    expect(refusalReason(node('t', 'targets'), node('r', 'redis'))).toBe(
      'No edge joins a Targets to a Redis. A Targets starts no edges.',
    );
    expect(refusalReason(node('p', 'prometheus'), node('p', 'prometheus'))).toBe(
      'A node cannot connect to itself.',
    );
  });
});
