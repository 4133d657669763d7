// Scrape and federate edges as the lab checks them: which servers run the edge's job, and under
// which name, so status can find the job's targets in each server's /api/v1/targets. A federate
// job serves several edges (one per match set), so each federate edge also names its own targets.
import { buildDesignGraph } from '../graph/design-graph.ts';
import { jobNamesByEdge, PROMETHEUS_PORT } from '../graph/jobs.ts';
import type { Topology } from '../model/schema.ts';
import type { LabEdge } from './types.ts';

export function labEdges(t: Topology): LabEdge[] {
  const graph = buildDesignGraph(t);
  const byEdge = new Map<string, LabEdge>();
  for (const node of graph.nodesOfKind('prometheus')) {
    const scrapers = graph.instances(node).map((i) => i.name);
    for (const [edgeId, claimed] of jobNamesByEdge(graph, node)) {
      const edge = (t.edges ?? []).find((e) => e.id === edgeId);
      if (!edge || (edge.kind !== 'scrape' && edge.kind !== 'federate')) continue;
      byEdge.set(edgeId, {
        id: edgeId,
        kind: edge.kind,
        from: edge.from,
        to: edge.to,
        scrapers,
        job: claimed.jobName,
        ...(edge.kind === 'federate'
          ? { targets: graph.instances(edge.to).map((i) => `${i.name}:${PROMETHEUS_PORT}`) }
          : {}),
      });
    }
  }
  // In design order, which is the order the canvas and the CLI list edges in.
  return (t.edges ?? []).flatMap((e) => byEdge.get(e.id) ?? []);
}
