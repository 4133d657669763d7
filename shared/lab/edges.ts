// Scrape and federate edges as the lab checks them: which servers run the edge's job, and under
// which name, so status can find the job's targets in each server's /api/v1/targets. A federate
// job serves several edges (one per match set), so each federate edge also names its own targets;
// a target group no lab container stands for is external, reported and never waited for.
import { createContext } from '../generate/context.ts';
import { targetJobsOf } from '../generate/target-jobs.ts';
import { jobNamesByEdge, PROMETHEUS_PORT } from '../graph/jobs.ts';
import type { Topology } from '../model/schema.ts';
import type { LabEdge } from './types.ts';

export function labEdges(t: Topology): LabEdge[] {
  const ctx = createContext(t);
  const byEdge = new Map<string, LabEdge>();
  const edges = new Map((t.edges ?? []).map((e) => [e.id, e]));
  for (const node of ctx.nodesOfKind('prometheus')) {
    const scrapers = ctx.instances(node).map((i) => i.name);
    const names = jobNamesByEdge(ctx, node);
    const targetJobs = targetJobsOf(ctx, node, names);
    for (const [edgeId, claimed] of names) {
      const edge = edges.get(edgeId);
      if (!edge || (edge.kind !== 'scrape' && edge.kind !== 'federate')) continue;
      byEdge.set(edgeId, {
        id: edgeId,
        kind: edge.kind,
        from: edge.from,
        to: edge.to,
        scrapers,
        job: claimed.jobName,
        ...(edge.kind === 'federate'
          ? { targets: ctx.instances(edge.to).map((i) => `${i.name}:${PROMETHEUS_PORT}`) }
          : {}),
        ...(targetJobs.get(edgeId)?.external === true ? { external: true } : {}),
      });
    }
  }
  // In design order, which is the order the canvas and the CLI list edges in.
  return (t.edges ?? []).flatMap((e) => byEdge.get(e.id) ?? []);
}
