// Small designs the host's tests share: a lone Prometheus, and one scraping a targets group.

/** One Prometheus server, nothing else: the smallest design that exports. */
export const LONE_PROMETHEUS = `apiVersion: fedstudio/v1
kind: Topology
metadata:
  name: small
nodes:
  - id: prom
    kind: prometheus
    name: prom
`;

/** A Prometheus server scraping two node exporters. */
export const PROMETHEUS_AND_TARGETS = `${LONE_PROMETHEUS}  - id: node
    kind: targets
    name: node
    exporter: node-exporter
    count: 2
edges:
  - id: scrape-node
    kind: scrape
    from: prom
    to: node
`;
