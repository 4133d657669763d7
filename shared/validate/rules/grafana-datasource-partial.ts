import type { Draft, Rule } from '../rule.ts';

export const grafanaDatasourcePartial: Rule = {
  id: 'grafana-datasource-partial',
  severity: 'warning',
  area: 'grafana',
  when: 'a Grafana queries a node with `shards > 1`, or one server of an explicit shard group, and so sees part of the targets',
  why: 'Each shard holds only the targets its hashmod keeps; a data source on one server (the exporter points it at the first shard) draws dashboards from a fraction of the fleet without any sign that data is missing.',
  fix: 'query the federator that collects every shard, or a query layer (thanos-query, mimir) over all shards',
  sources: ['OPER'],
  check(facts) {
    const out: Draft[] = [];
    for (const e of facts.edgesOfKind('datasource')) {
      const ends = facts.graph.resolve(e);
      const g = ends?.source;
      const p = ends?.target;
      if (g?.kind !== 'grafana' || p?.kind !== 'prometheus') continue;
      const shards = p.shards ?? 1;
      if (shards > 1) {
        const first = facts.instances(p.id)[0]?.name ?? p.name;
        out.push({
          message: `${g.name} queries ${p.name}, which has ${shards} shards, so its data source sees only ${first}, about 1/${shards} of the targets`,
          nodes: [g.id, p.id],
          edges: [e.id],
        });
        continue;
      }
      for (const group of facts.shardGroups) {
        if (group.kind !== 'explicit') continue;
        const mine = group.partitions.filter((x) => x.scraperId === p.id);
        if (mine.length === 0) continue;
        // A server that holds every partition of the group sees all of its targets.
        if (mine.length === group.partitions.length) continue;
        const which = mine.map((x) => `${x.index} of ${x.modulus}`).join(', ');
        out.push({
          message: `${g.name} queries ${p.name}, which scrapes only partition ${which} of ${facts.nameOf(group.targetsId)}, so it sees part of those targets`,
          nodes: [g.id, p.id, group.targetsId],
          edges: [e.id, ...mine.map((x) => x.edgeId)],
        });
      }
    }
    return out;
  },
};
