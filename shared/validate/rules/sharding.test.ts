import { describe, expect, it } from 'vitest';
import { findingsOf, topo } from '../testing.ts';
import type { Finding } from '../types.ts';

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

/** Three servers a, b, c (distinct `shard` labels unless given) and the target group `node`. */
function split(edges: string, nodes = ''): string {
  return topo(`
nodes:
  - { id: a, kind: prometheus, name: prometheus-a, externalLabels: { shard: "0" } }
  - { id: b, kind: prometheus, name: prometheus-b, externalLabels: { shard: "1" } }
  - { id: c, kind: prometheus, name: prometheus-c, externalLabels: { shard: "2" } }
  - { id: t, kind: targets, name: node, count: 900 }
${nodes}
edges:
${edges}
`);
}

const part = (id: string, from: string, modulus: number, index: number, more = '') =>
  `  - { id: ${id}, kind: scrape, from: ${from}, to: t, shard: { modulus: ${modulus}, index: ${index} }${more} }`;

const good = [part('e1', 'a', 3, 0), part('e2', 'b', 3, 1), part('e3', 'c', 3, 2)].join('\n');

describe('a complete, labelled partition', () => {
  it.each([
    'shard-modulus-mismatch',
    'shard-index-gap',
    'shard-index-duplicate',
    'shard-double-scrape',
    'shard-missing-label',
  ])('passes %s', (rule) => {
    expect(findingsOf(rule, split(good))).toEqual([]);
  });
});

describe('shard-modulus-mismatch', () => {
  it('reports partitions that disagree on modulus', () => {
    const f = only(
      findingsOf(
        'shard-modulus-mismatch',
        split([part('e1', 'a', 2, 0), part('e2', 'b', 3, 1)].join('\n')),
      ),
    );
    expect(f).toMatchObject({ rule: 'shard-modulus-mismatch', severity: 'error' });
    expect(f.nodes).toEqual(['t', 'a', 'b']);
    expect(f.edges).toEqual(['e1', 'e2']);
    expect(f.message).toBe(
      'the shard partitions of node disagree on modulus (prometheus-a keeps 0 of 2 and prometheus-b keeps 1 of 3), so some of its targets are scraped twice and others never',
    );
  });

  it('reports an index outside 0..modulus-1', () => {
    const f = only(
      findingsOf(
        'shard-modulus-mismatch',
        split([part('e1', 'a', 2, 0), part('e2', 'b', 2, 1), part('e3', 'c', 2, 2)].join('\n')),
      ),
    );
    expect(f.nodes).toEqual(['c', 't']);
    expect(f.edges).toEqual(['e3']);
    expect(f.message).toBe(
      'prometheus-c keeps index 2 of modulus 2 of node, which hashmod never yields, so prometheus-c scrapes none of its targets',
    );
  });

  it('is suppressed by the scrape edge', () => {
    const yaml = split(
      [
        part('e1', 'a', 2, 0),
        part('e2', 'b', 2, 1),
        part('e3', 'c', 2, 5, ', suppress: [shard-modulus-mismatch]'),
      ].join('\n'),
    );
    expect(only(findingsOf('shard-modulus-mismatch', yaml)).suppressed).toBe(true);
  });
});

describe('shard-index-gap', () => {
  it('reports an index no server keeps', () => {
    const f = only(
      findingsOf(
        'shard-index-gap',
        split([part('e1', 'a', 3, 0), part('e2', 'b', 3, 2)].join('\n')),
      ),
    );
    expect(f).toMatchObject({ rule: 'shard-index-gap', severity: 'error' });
    expect(f.nodes).toEqual(['t', 'a', 'b']);
    expect(f.edges).toEqual(['e1', 'e2']);
    expect(f.message).toBe(
      'the shard partitions of node by prometheus-a and prometheus-b leave index 1 of modulus 3 uncovered, so about 1 in 3 of its targets are never scraped',
    );
    expect(f.fix).toBe('Add a scrape edge to node keeping index 1 of 3.');
  });

  it('shortens a long list of missing indices', () => {
    const f = only(findingsOf('shard-index-gap', split(part('e1', 'a', 10, 0))));
    expect(f.message).toContain('leave indices 1, 2, 3, 4, 5, 6 and 3 more of modulus 10');
  });

  it('leaves disagreeing moduli to shard-modulus-mismatch and whole scrapes to shard-double-scrape', () => {
    expect(
      findingsOf(
        'shard-index-gap',
        split([part('e1', 'a', 2, 0), part('e2', 'b', 3, 1)].join('\n')),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        'shard-index-gap',
        split([part('e1', 'a', 2, 0), '  - { id: e2, kind: scrape, from: b, to: t }'].join('\n')),
      ),
    ).toEqual([]);
  });
});

describe('shard-index-duplicate', () => {
  it('reports two servers keeping the same index', () => {
    const f = only(
      findingsOf(
        'shard-index-duplicate',
        split([part('e1', 'a', 2, 0), part('e2', 'b', 2, 1), part('e3', 'c', 2, 1)].join('\n')),
      ),
    );
    expect(f).toMatchObject({ rule: 'shard-index-duplicate', severity: 'error' });
    expect(f.nodes).toEqual(['t', 'b', 'c']);
    expect(f.edges).toEqual(['e2', 'e3']);
    expect(f.message).toBe(
      'prometheus-b and prometheus-c both keep index 1 of 2 of node, so those targets are scraped twice',
    );
  });

  it('reports one server keeping the same index twice', () => {
    const f = only(
      findingsOf(
        'shard-index-duplicate',
        split([part('e1', 'a', 2, 0), part('e2', 'b', 2, 1), part('e3', 'b', 2, 1)].join('\n')),
      ),
    );
    expect(f.nodes).toEqual(['t', 'b']);
    expect(f.message).toBe(
      'prometheus-b keeps index 1 of 2 of node on 2 scrape edges, so those targets are scraped twice',
    );
  });

  it('does not count the replicas of one partition as duplicates', () => {
    const yaml = split(
      [part('e1', 'a', 2, 0), part('e2', 'r', 2, 1)].join('\n'),
      '  - { id: r, kind: prometheus, name: prometheus-r, replicas: 2, externalLabels: { shard: "r" } }',
    );
    expect(findingsOf('shard-index-duplicate', yaml)).toEqual([]);
  });
});

describe('shard-double-scrape', () => {
  it('reports a targets node scraped whole by two servers', () => {
    const f = only(
      findingsOf(
        'shard-double-scrape',
        split(
          '  - { id: e1, kind: scrape, from: a, to: t }\n  - { id: e2, kind: scrape, from: b, to: t }',
        ),
      ),
    );
    expect(f).toMatchObject({ rule: 'shard-double-scrape', severity: 'warning' });
    expect(f.nodes).toEqual(['t', 'a', 'b']);
    expect(f.edges).toEqual(['e1', 'e2']);
    expect(f.message).toBe(
      'node is scraped whole by prometheus-a and prometheus-b, so each of its targets is scraped twice',
    );
  });

  it('reports a whole scrape next to a partition', () => {
    const f = only(
      findingsOf(
        'shard-double-scrape',
        split(
          [
            part('e1', 'a', 2, 0),
            part('e2', 'b', 2, 1),
            '  - { id: e3, kind: scrape, from: c, to: t }',
          ].join('\n'),
        ),
      ),
    );
    expect(f.nodes).toEqual(['t', 'a', 'b', 'c']);
    expect(f.message).toBe(
      'node is scraped whole by prometheus-c and in part by prometheus-a and prometheus-b, so the partitioned targets are scraped twice',
    );
  });

  it('does not report one server, even with two jobs or replicas, nor a non-targets node', () => {
    expect(
      findingsOf(
        'shard-double-scrape',
        split(
          '  - { id: e1, kind: scrape, from: a, to: t }\n  - { id: e2, kind: scrape, from: a, to: t, job: node-2 }',
        ),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        'shard-double-scrape',
        split(
          '  - { id: e1, kind: scrape, from: a, to: c }\n  - { id: e2, kind: scrape, from: b, to: c }',
        ),
      ),
    ).toEqual([]);
  });
});

describe('shard-missing-label', () => {
  const unlabelled = (replicas = '') =>
    topo(`
groups:
  - { id: eu, externalLabels: { datacenter: eu } }
nodes:
  - { id: a, kind: prometheus, name: prometheus-a, group: eu${replicas} }
  - { id: b, kind: prometheus, name: prometheus-b, group: eu${replicas} }
  - { id: t, kind: targets, name: node, count: 10 }
edges:
${part('e1', 'a', 2, 0)}
${part('e2', 'b', 2, 1)}
`);

  it('reports servers of one partitioned group with the same labels', () => {
    const f = only(findingsOf('shard-missing-label', unlabelled()));
    expect(f).toMatchObject({ rule: 'shard-missing-label', severity: 'error' });
    expect(f.nodes).toEqual(['a', 'b', 't']);
    expect(f.edges).toEqual(['e1', 'e2']);
    expect(f.message).toBe(
      'prometheus-a and prometheus-b split node by shard partitions but have servers with the same external labels ({datacenter="eu"}), so their series cannot be told apart',
    );
  });

  it('reports replicated servers once although each replica label clashes', () => {
    const f = only(findingsOf('shard-missing-label', unlabelled(', replicas: 2')));
    expect(f.message).toContain('({datacenter="eu", replica="0"})');
  });

  it('does not report servers told apart by a label', () => {
    const yaml = unlabelled().replace('group: eu }', 'group: eu, externalLabels: { shard: "0" } }');
    expect(findingsOf('shard-missing-label', yaml)).toEqual([]);
  });
});
