import { describe, expect, it } from 'vitest';
import { discoveryDesign } from '../../generate/discovery-designs.ts';
import { validate } from '../engine.ts';
import { findingsOf, topo } from '../testing.ts';

const scraped = (targets: string, edge = '') =>
  topo(`nodes:
  - { id: p, kind: prometheus, name: prom }
  - { id: t, kind: targets, name: node${targets} }
edges:
  - { id: s, kind: scrape, from: p, to: t${edge} }
`);

describe('relabel-invalid', () => {
  it.each([
    [
      `, relabel: [{ source_labels: [a], regex: '(?=x).*', action: keep }]`,
      /relabel\[0\]: regex "\(\?=x\)\.\*" is not RE2/,
    ],
    [`, relabel: [{ source_labels: [a], regex: '(a)\\1', action: drop }]`, /not RE2/],
    [
      `, relabel: [{ source_labels: [a], action: hashmod, target_label: h }]`,
      /hashmod needs modulus/,
    ],
    [`, relabel: [{ source_labels: [a], replacement: x }]`, /replace needs target_label/],
    [
      `, metricRelabel: [{ source_labels: [a], action: labeldrop, regex: x }]`,
      /metricRelabel\[0\]: labeldrop takes only regex/,
    ],
    [
      `, relabel: [{ source_labels: [a], target_label: b, regex: x, action: keepequal }]`,
      /keepequal takes only source_labels and target_label/,
    ],
    [
      `, relabel: [{ source_labels: [a], target_label: '1x', action: lowercase }]`,
      /target_label "1x" is not a label name/,
    ],
  ])('reports %s', (fields, message) => {
    const f = findingsOf('relabel-invalid', scraped(fields));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.message).toMatch(message);
    expect(f[0]?.nodes).toEqual(['t']);
  });

  it('reports a step of a scrape edge on the edge', () => {
    const f = findingsOf(
      'relabel-invalid',
      scraped('', `, relabel: [{ action: hashmod, target_label: h }]`),
    );
    expect(f[0]?.message).toMatch(
      /^the scrape edge s \(prom to node\) relabel\[0\]: hashmod needs modulus$/,
    );
    expect(f[0]?.edges).toEqual(['s']);
  });

  it.each([
    `, relabel: [{ source_labels: [a], regex: '[a-z]+\\d{2}', action: keep }]`,
    `, relabel: [{ source_labels: [a], action: hashmod, target_label: h, modulus: 4 }]`,
    `, relabel: [{ source_labels: [a, b], target_label: '\${1}_x', regex: '(.*);(.*)' }]`,
    `, metricRelabel: [{ regex: 'id|path', action: labeldrop }, { source_labels: [a], target_label: b, action: dropequal }]`,
  ])('accepts valid steps: %s', (fields) => {
    expect(findingsOf('relabel-invalid', scraped(fields))).toEqual([]);
  });
});

describe('discovery-static-empty', () => {
  it('refuses static discovery without addresses', () => {
    const f = findingsOf('discovery-static-empty', scraped(', discovery: { type: static }'));
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toBe(
      'node uses static discovery but lists no addresses, so production scrapes nothing',
    );
  });

  it('accepts it with addresses, and file discovery without', () => {
    expect(
      findingsOf(
        'discovery-static-empty',
        scraped(`, discovery: { type: static }, addresses: ['h:9100']`),
      ),
    ).toEqual([]);
    expect(findingsOf('discovery-static-empty', scraped(', discovery: { type: file }'))).toEqual(
      [],
    );
  });
});

describe('tls-insecure-skip-verify', () => {
  it('warns on a node and on an edge', () => {
    const node = findingsOf(
      'tls-insecure-skip-verify',
      scraped(', scheme: https, tls: { insecureSkipVerify: true }'),
    );
    expect(node[0]).toMatchObject({ severity: 'warning', nodes: ['t'] });
    const edge = findingsOf(
      'tls-insecure-skip-verify',
      scraped('', ', tls: { insecureSkipVerify: true }'),
    );
    expect(edge[0]).toMatchObject({ edges: ['s'] });
  });

  it('stays quiet when certificates are checked', () => {
    expect(
      findingsOf(
        'tls-insecure-skip-verify',
        scraped(', scheme: https, tls: { ca: tls/ca.pem, insecureSkipVerify: false }'),
      ),
    ).toEqual([]);
  });
});

describe('targets-external', () => {
  it.each([
    [', exporter: custom', /its exporter is custom/],
    [`, addresses: ['10.0.0.1:9100']`, /its addresses are real hosts/],
    [', labCount: 0', /labCount: 0/],
    [
      `, exporter: blackbox, probe: { exporter: 'bb.example.org:9115' }`,
      /outside the stack \(bb\.example\.org:9115\)/,
    ],
  ])('tells the user about %s', (fields, why) => {
    const f = findingsOf('targets-external', scraped(fields));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('info');
    expect(f[0]?.message).toMatch(why);
    expect(f[0]?.edges).toEqual(['s']);
  });

  it.each([
    '',
    `, addresses: ['10.0.0.1:9100'], discovery: { type: dns, names: [x.example.org], recordType: A }`,
    ', exporter: blackbox',
  ])('stays quiet where a lab container stands in: %s', (fields) => {
    expect(findingsOf('targets-external', scraped(fields))).toEqual([]);
  });
});

describe('the discovery design', () => {
  it('has no errors, so its export is what the tools judge', () => {
    const errors = validate(discoveryDesign()).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
