// React Flow's nodes and edges, derived from the topology (never the other way round). Each RF
// object is rebuilt only when its source object, its selection, its badge or its size changed, so
// a drag re-renders only what moves, even in a design of a thousand nodes.
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Group, Topology, TopologyEdge, TopologyNode } from '../../../shared/model/schema.ts';
import type { Finding, Severity } from '../../../shared/validate/types.ts';
import { ROUTED_MAX, routeEdges, type EdgeRoute, type Rect } from './edge-routes.ts';
import { EDGE_LOOKS, SEVERITY_ORDER } from './kinds.ts';

export interface Badge {
  count: number;
  severity: Severity;
  title: string;
}

export type DesignNodeData = { node: TopologyNode; badge: Badge | null };
export type GroupNodeData = { group: Group; members: number; badge: Badge | null };
export type DesignEdgeData = { edge: TopologyEdge; badge: Badge | null; route: EdgeRoute | null };

export type DesignRFNode = Node<DesignNodeData, 'design'>;
export type GroupRFNode = Node<GroupNodeData, 'groupBox'>;
export type CanvasNode = DesignRFNode | GroupRFNode;
export type DesignRFEdge = Edge<DesignEdgeData, 'design'>;

export const DEFAULT_GROUP_SIZE = { width: 360, height: 240 } as const;

export function badgeOf(findings: readonly Finding[] | undefined): Badge | null {
  const live = (findings ?? []).filter((f) => !f.suppressed);
  const first = live[0];
  if (!first) return null;
  let severity: Severity = first.severity;
  for (const f of live)
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[severity]) severity = f.severity;
  const title = live.map((f) => `${f.severity}: ${f.message}`).join('\n');
  return { count: live.length, severity, title };
}

const sameBadge = (a: Badge | null, b: Badge | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.count === b.count &&
    a.severity === b.severity &&
    a.title === b.title);

interface Entry<S, R> {
  src: S;
  selected: boolean;
  badge: Badge | null;
  extra: string;
  rf: R;
}

/** A per-id cache: `get` returns the old RF object when nothing it shows changed. */
class Cache<S, R> {
  private map = new Map<string, Entry<S, R>>();
  private seen = new Set<string>();
  get(id: string, src: S, selected: boolean, badge: Badge | null, extra: string, make: () => R): R {
    this.seen.add(id);
    const e = this.map.get(id);
    if (
      e &&
      e.src === src &&
      e.selected === selected &&
      e.extra === extra &&
      sameBadge(e.badge, badge)
    )
      return e.rf;
    const rf = make();
    this.map.set(id, { src, selected, badge, extra, rf });
    return rf;
  }
  /** Forgets ids not asked for since the last sweep. */
  sweep(): void {
    for (const id of this.map.keys()) if (!this.seen.has(id)) this.map.delete(id);
    this.seen.clear();
  }
}

export type Measured = ReadonlyMap<string, { width: number; height: number }>;
export type SizeOf = (id: string) => { width: number; height: number };

/** A label's drawn size, a little generous: its kind's word, and a badge when it has one. */
export function edgeLabelSize(
  e: TopologyEdge,
  badge: Badge | null,
): { width: number; height: number } {
  const text = EDGE_LOOKS[e.kind].label.length * 6.2 + 14;
  return { width: Math.ceil(text + (badge ? 20 : 0)), height: 19 };
}

const routeKeys = new WeakMap<EdgeRoute, string>();
function routeKey(r: EdgeRoute | undefined): string {
  if (!r) return '';
  let key = routeKeys.get(r);
  if (key === undefined) {
    key = `${r.points.map((p) => `${p.x},${p.y}`).join(' ')}@${r.label.x},${r.label.y}`;
    routeKeys.set(r, key);
  }
  return key;
}

/** What routing reads: the edge list, the node boxes and the label sizes. */
interface RouteInput {
  edges: readonly TopologyEdge[] | undefined;
  boxes: ReadonlyMap<string, Rect>;
  labels: ReadonlyMap<string, number>;
}

function sameMap<V>(
  a: ReadonlyMap<string, V>,
  b: ReadonlyMap<string, V>,
  eq: (x: V, y: V) => boolean,
) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || !eq(v, w)) return false;
  }
  return true;
}
const sameRect = (a: Rect, b: Rect) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameRouteInput = (a: RouteInput, b: RouteInput) =>
  a.edges === b.edges &&
  sameMap(a.boxes, b.boxes, sameRect) &&
  sameMap(a.labels, b.labels, (x, y) => x === y);

/** The last array when it holds the same objects: React Flow then skips the update entirely. */
function same<T>(last: T[], next: T[]): T[] {
  return last.length === next.length && next.every((x, i) => x === last[i]) ? last : next;
}

export class CanvasDeriver {
  private lastNodes: CanvasNode[] = [];
  private lastEdges: DesignRFEdge[] = [];
  private nodes = new Cache<TopologyNode, DesignRFNode>();
  private groups = new Cache<Group, GroupRFNode>();
  private edges = new Cache<TopologyEdge, DesignRFEdge>();
  private lastRoutes = new Map<string, EdgeRoute>();
  private lastEnds = new Map<string, TopologyNode>();
  private lastInput: RouteInput | null = null;

  deriveNodes(
    t: Topology,
    selected: ReadonlySet<string>,
    findings: ReadonlyMap<string, readonly Finding[]>,
    measured: Measured,
    _measureTick = 0,
  ): CanvasNode[] {
    const out: CanvasNode[] = [];
    const members = new Map<string, number>();
    for (const n of t.nodes)
      if (n.group !== undefined) members.set(n.group, (members.get(n.group) ?? 0) + 1);
    for (const g of t.groups ?? []) {
      const sel = selected.has(g.id);
      const badge = badgeOf(findings.get(g.id));
      const count = members.get(g.id) ?? 0;
      out.push(
        this.groups.get(g.id, g, sel, badge, String(count), () => {
          const size = g.size ?? DEFAULT_GROUP_SIZE;
          return {
            id: g.id,
            type: 'groupBox',
            position: g.position ?? { x: 0, y: 0 },
            data: { group: g, members: count, badge },
            width: size.width,
            height: size.height,
            measured: { width: size.width, height: size.height },
            zIndex: -1,
            selected: sel,
            dragHandle: '.group-box-head',
            connectable: false,
          };
        }),
      );
    }
    for (const n of t.nodes) {
      const sel = selected.has(n.id);
      const badge = badgeOf(findings.get(n.id));
      const m = measured.get(n.id);
      out.push(
        this.nodes.get(n.id, n, sel, badge, m ? `${m.width}x${m.height}` : '', () => ({
          id: n.id,
          type: 'design',
          position: n.position ?? { x: 0, y: 0 },
          data: { node: n, badge },
          selected: sel,
          ...(m ? { measured: { width: m.width, height: m.height } } : {}),
        })),
      );
    }
    this.nodes.sweep();
    this.groups.sweep();
    return (this.lastNodes = same(this.lastNodes, out));
  }

  deriveEdges(
    t: Topology,
    selected: ReadonlySet<string>,
    findings: ReadonlyMap<string, readonly Finding[]>,
    size: SizeOf,
    _measureTick = 0,
    dragging = false,
  ): DesignRFEdge[] {
    const boxes = new Map<string, Rect>();
    for (const n of t.nodes) boxes.set(n.id, { ...(n.position ?? { x: 0, y: 0 }), ...size(n.id) });
    const badges = new Map((t.edges ?? []).map((e) => [e.id, badgeOf(findings.get(e.id))]));
    const input: RouteInput = {
      edges: t.edges,
      boxes,
      labels: new Map(
        (t.edges ?? []).map((e) => [e.id, edgeLabelSize(e, badges.get(e.id) ?? null).width]),
      ),
    };
    // An edit that moves nothing (a field, a selection, a finding) keeps every route.
    const unchanged = this.lastInput !== null && sameRouteInput(this.lastInput, input);
    this.lastInput = input;
    // Dragging in a big design re-routes only the edges of the nodes that moved (a moved node is
    // a new object); all of them are routed again when the drag ends.
    const byId = new Map(t.nodes.map((n) => [n.id, n]));
    const quick = dragging && t.nodes.length > ROUTED_MAX;
    const moved = (id: string) => byId.get(id) !== this.lastEnds.get(id);
    const stale = unchanged
      ? []
      : (t.edges ?? []).filter(
          (e) => !quick || moved(e.from) || moved(e.to) || !this.lastRoutes.has(e.id),
        );
    const fresh = routeEdges(
      boxes,
      stale.map((e) => ({
        id: e.id,
        from: e.from,
        to: e.to,
        label: edgeLabelSize(e, badges.get(e.id) ?? null),
      })),
      dragging,
    );
    const routes = unchanged
      ? this.lastRoutes
      : quick
        ? new Map([...this.lastRoutes, ...fresh])
        : fresh;
    this.lastRoutes = routes;
    this.lastEnds = byId;
    const out = (t.edges ?? []).map((e) => {
      const sel = selected.has(e.id);
      const badge = badges.get(e.id) ?? null;
      const route = routes.get(e.id);
      return this.edges.get(e.id, e, sel, badge, routeKey(route), () => {
        const look = EDGE_LOOKS[e.kind];
        return {
          id: e.id,
          source: e.from,
          target: e.to,
          type: 'design' as const,
          data: { edge: e, badge, route: route ?? null },
          selected: sel,
          markerEnd: { type: MarkerType.ArrowClosed, color: look.colour, width: 14, height: 14 },
        };
      });
    });
    this.edges.sweep();
    return (this.lastEdges = same(this.lastEdges, out));
  }
}
