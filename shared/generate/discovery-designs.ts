// Designs with every kind of discovery, scrape option and probe, for the tests of the generator,
// the lab and the validator.
import { parseTopology } from '../design/parse.ts';
import type { Topology } from '../model/schema.ts';

export const DISCOVERY_DESIGN_TEXT = `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: discovery }
nodes:
  - { id: p, kind: prometheus, name: prom, shards: 2, externalLabels: { dc: eu } }
  - { id: g, kind: prometheus, name: global, externalLabels: { dc: global } }
  - { id: am, kind: alertmanager, name: am }
  - { id: files, kind: targets, name: node, count: 200, labels: { team: infra } }
  - id: hosts
    kind: targets
    name: hosts
    addresses: ['10.0.0.1:9100', 'db-1.internal:9100']
    discovery: { type: static }
  - id: listed
    kind: targets
    name: listed
    exporter: cadvisor
    addresses: ['10.0.0.2:8080']
  - id: dns
    kind: targets
    name: dns-nodes
    discovery: { type: dns, names: [_node._tcp.example.org] }
    scheme: https
    tls: { ca: tls/ca.pem, cert: tls/client.pem, key: tls/client-key.pem, serverName: nodes.example.org }
  - id: dnsa
    kind: targets
    name: dns-a
    discovery: { type: dns, names: [nodes.example.org], recordType: A, port: 9100, refreshInterval: 1m }
    basicAuth: { username: prometheus, password: '\${NODE_SCRAPE_PASSWORD}' }
  - id: consul
    kind: targets
    name: services
    exporter: custom
    port: 8080
    discovery: { type: consul, server: 'consul.example.org:8500', services: [api, web], tags: [prod], token: '\${CONSUL_TOKEN}' }
    authorization: { credentials: '\${API_TOKEN}' }
  - id: k8s
    kind: targets
    name: pods
    labCount: 2
    discovery: { type: kubernetes, role: pod, namespaces: [apps], labelSelector: 'app=web', annotationOptIn: true }
  - id: ec2
    kind: targets
    name: ec2-nodes
    discovery: { type: ec2, region: eu-west-1, filters: [{ name: 'tag:Env', values: [prod] }] }
    relabel:
      - { source_labels: [__meta_ec2_tag_Name], target_label: name }
      - { source_labels: [__meta_ec2_instance_state], regex: running, action: keep }
      - { regex: '__meta_ec2_tag_(.+)', action: labelmap }
    metricRelabel:
      - { source_labels: [__name__], regex: 'go_.*', action: drop }
      - { regex: 'id|path', action: labeldrop }
    sampleLimit: 50000
    labelLimit: 64
    targetLimit: 1000
    honorTimestamps: false
    nativeHistograms: true
  - id: probes
    kind: targets
    name: websites
    exporter: blackbox
    probe: { module: http_2xx, targets: ['https://example.org/', 'https://status.example.org/health'] }
  - id: tcp
    kind: targets
    name: tcp-probes
    exporter: blackbox
    count: 2
    probe: { module: tcp, modules: { tcp: { prober: tcp, timeout: 3s }, http_ok: { prober: http, validStatusCodes: [200, 204], method: GET } } }
  - id: far
    kind: targets
    name: far-probes
    exporter: blackbox
    discovery: { type: dns, names: [_probe._tcp.example.org] }
    probe: { exporter: 'blackbox.example.org:9115' }
edges:
  - { id: s-files, kind: scrape, from: p, to: files, relabel: [{ source_labels: [__address__], regex: '([^:]+):.*', target_label: host, replacement: '$1' }] }
  - { id: s-hosts, kind: scrape, from: p, to: hosts }
  - { id: s-listed, kind: scrape, from: p, to: listed }
  - { id: s-dns, kind: scrape, from: p, to: dns }
  - { id: s-dnsa, kind: scrape, from: p, to: dnsa }
  - { id: s-consul, kind: scrape, from: p, to: consul }
  - { id: s-k8s, kind: scrape, from: p, to: k8s }
  - { id: s-ec2, kind: scrape, from: p, to: ec2, interval: 30s }
  - { id: s-probes, kind: scrape, from: p, to: probes }
  - { id: s-tcp, kind: scrape, from: p, to: tcp }
  - { id: s-far, kind: scrape, from: p, to: far }
  - { id: s-am, kind: scrape, from: p, to: am, scheme: https, tls: { insecureSkipVerify: true } }
  - { id: a, kind: alerting, from: p, to: am }
  - { id: f, kind: federate, from: g, to: p, match: ['{__name__=~"job:.*"}'] }
`;

export function discoveryDesign(): Topology {
  const r = parseTopology(DISCOVERY_DESIGN_TEXT);
  if (!r.ok)
    throw new Error(
      r.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`).join('\n'),
    );
  return r.topology;
}
