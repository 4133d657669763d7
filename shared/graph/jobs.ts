// Scrape job names, one per scrape and federate edge of a server. The generator writes them into
// scrape_configs; the validator and the lab look jobs up by them.
import type { NodeOf } from '../model/schema.ts';
import type { DesignGraph } from './design-graph.ts';

/**
 * Job names must be unique within one config. A repeated name gets a numeric suffix, and a
 * relabel step puts the intended name back into the `job` label, so two target groups an
 * architect both called `node` still land in job="node" as their rules expect.
 */
class JobNames {
  private readonly taken = new Set<string>();

  claim(wanted: string): { jobName: string; relabel: Record<string, unknown>[] } {
    if (!this.taken.has(wanted)) {
      this.taken.add(wanted);
      return { jobName: wanted, relabel: [] };
    }
    let n = 2;
    while (this.taken.has(`${wanted}-${n}`)) n++;
    const jobName = `${wanted}-${n}`;
    this.taken.add(jobName);
    return {
      jobName,
      // `$` starts a capture-group reference in a replacement; `$$` is a literal `$`.
      relabel: [
        { target_label: 'job', replacement: wanted.replace(/\$/g, '$$$$'), action: 'replace' },
      ],
    };
  }
}

export type ClaimedJob = ReturnType<JobNames['claim']>;

/**
 * The job (scrape pool) name of each outgoing scrape and federate edge of a server, claimed in the
 * order the generator's scrapeConfigs writes them. The lab reads /api/v1/targets by these names, so
 * they come from here rather than being guessed again.
 */
export function jobNamesByEdge(
  graph: DesignGraph,
  node: NodeOf<'prometheus'>,
): Map<string, ClaimedJob> {
  const names = new JobNames();
  const out = new Map<string, ClaimedJob>();
  for (const e of graph.outgoing(node.id, 'scrape')) {
    out.set(e.id, names.claim(e.job ?? graph.node(e.to).name));
  }
  for (const e of graph.outgoing(node.id, 'federate')) {
    out.set(e.id, names.claim(`federate-${graph.node(e.to).name}`));
  }
  return out;
}
