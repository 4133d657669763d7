// The Kubernetes export of discovery, scrape options and probes: each maps onto the Prometheus
// Operator's ScrapeConfig fields, which its schema accepts, with credentials and TLS files taken
// from the stack's Secret.
import { describe, expect, it } from 'vitest';
import {
  manifestsOf,
  schemaErrors,
  undeclaredFields,
} from '../../../test-support/kubernetes-schemas.ts';
import { discoveryDesign } from '../discovery-designs.ts';
import { generateKubernetes } from './index.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const out = generateKubernetes(discoveryDesign());
const specs = new Map(
  manifestsOf(out.files)
    .filter((m) => m.doc.kind === 'ScrapeConfig')
    .map((m) => [(m.doc as Obj).spec.jobName as string, (m.doc as Obj).spec as Obj]),
);
const spec = (job: string): Obj => {
  const s = specs.get(job);
  expect(s, job).toBeDefined();
  return s as Obj;
};

describe('Kubernetes export of discovery and scrape options', () => {
  it('passes the Kubernetes and Prometheus Operator schemas, with no undeclared field', () => {
    expect(schemaErrors(out.files)).toEqual([]);
    expect(undeclaredFields(out.files)).toEqual([]);
  });

  it('maps each discovery onto its *SDConfigs field; file discovery lists its targets', () => {
    expect(spec('node').staticConfigs[0].targets).toHaveLength(3);
    expect(spec('dns-a').dnsSDConfigs).toEqual([
      { names: ['nodes.example.org'], type: 'A', port: 9100, refreshInterval: '1m' },
    ]);
    expect(spec('pods').kubernetesSDConfigs).toEqual([
      {
        role: 'Pod',
        namespaces: { names: ['apps'] },
        selectors: [{ role: 'Pod', label: 'app=web' }],
      },
    ]);
    expect(spec('ec2-nodes').ec2SDConfigs[0]).toMatchObject({ region: 'eu-west-1', port: 9100 });
    expect(spec('services').consulSDConfigs[0].authorization).toEqual({
      credentials: { name: out.secretName, key: 'CONSUL_TOKEN' },
    });
  });

  it("takes credentials and TLS material from the stack's Secret and lists their keys", () => {
    expect(spec('dns-a').basicAuth.password).toEqual({
      name: out.secretName,
      key: 'NODE_SCRAPE_PASSWORD',
    });
    expect(spec('dns-nodes').tlsConfig).toMatchObject({
      ca: { secret: { name: out.secretName, key: 'ca.pem' } },
      keySecret: { name: out.secretName, key: 'client-key.pem' },
      serverName: 'nodes.example.org',
    });
    expect(spec('dns-nodes').scheme).toBe('HTTPS');
    expect(out.secrets).toEqual(expect.arrayContaining(['API_TOKEN', 'CONSUL_TOKEN', 'ca.pem']));
    expect(spec('ec2-nodes')).toMatchObject({ sampleLimit: 50000, honorTimestamps: false });
    expect(spec('ec2-nodes').metricRelabelings).toHaveLength(2);
  });
});
