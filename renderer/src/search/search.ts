// What the command palette finds: nodes and groups by name, id, kind and label (a label's name,
// value or `name=value`), and commands by label and section. Pure, so it is tested apart.
import { COMMAND_IDS, COMMANDS, type CommandId } from '../../../shared/commands.ts';
import type { Topology } from '../../../shared/model/schema.ts';

interface ItemHit {
  type: 'item';
  id: string;
  title: string;
  /** The kind, and what matched when it is not in the title (`env=prod`). */
  detail: string;
  score: number;
}

interface CommandHit {
  type: 'command';
  id: CommandId;
  title: string;
  detail: string;
  score: number;
}

export type Hit = ItemHit | CommandHit;

interface Field {
  text: string;
  /** How much a match here counts: the name above the kind above a label. */
  weight: number;
}

function words(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Scores the fields against every word (all must match somewhere); null when one does not. */
function score(
  fields: readonly Field[],
  ws: readonly string[],
): { score: number; hit: Field[] } | null {
  let total = 0;
  const hit: Field[] = [];
  for (const w of ws) {
    let best = 0;
    let where: Field | undefined;
    for (const f of fields) {
      const t = f.text.toLowerCase();
      const at = t.indexOf(w);
      if (at < 0) continue;
      // A whole field beats a start of one, which beats a match inside it.
      const s = f.weight * (t === w ? 3 : at === 0 ? 2 : 1);
      if (s > best) [best, where] = [s, f];
    }
    if (!where) return null;
    total += best;
    hit.push(where);
  }
  return { score: total, hit };
}

function labelFields(o: object): Field[] {
  const out: Field[] = [];
  for (const key of ['labels', 'externalLabels'] as const) {
    const m = (o as Record<string, unknown>)[key];
    if (typeof m !== 'object' || m === null) continue;
    for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
      if (typeof v === 'string') out.push({ text: `${k}=${v}`, weight: 1 });
    }
  }
  return out;
}

/** Nodes and groups matching the query, best first; with no query, every one by name. */
export function findItems(
  t: Topology,
  query: string,
  kindLabel: (kind: string) => string,
): ItemHit[] {
  const ws = words(query);
  const hits: ItemHit[] = [];
  const consider = (id: string, title: string, kind: string, fields: Field[]) => {
    const r = score(fields, ws);
    if (!r) return;
    const extra = r.hit.filter((f) => f.weight === 1).map((f) => f.text);
    const detail = [kind, ...new Set(extra)].join(' · ');
    hits.push({ type: 'item', id, title, detail, score: r.score });
  };
  for (const n of t.nodes) {
    const kind = kindLabel(n.kind);
    consider(n.id, n.name, kind, [
      { text: n.name, weight: 4 },
      { text: n.id, weight: 3 },
      { text: kind, weight: 2 },
      { text: n.kind, weight: 2 },
      ...labelFields(n),
    ]);
  }
  for (const g of t.groups ?? []) {
    const title = g.label ?? g.id;
    consider(g.id, title, 'Group', [
      { text: title, weight: 4 },
      { text: g.id, weight: 3 },
      { text: 'group', weight: 2 },
      ...labelFields(g),
    ]);
  }
  return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}

/** Commands matching the query, best first; with no query, all in table order. */
export function findCommands(query: string): CommandHit[] {
  const ws = words(query);
  const hits: CommandHit[] = [];
  for (const id of COMMAND_IDS) {
    const c = COMMANDS[id];
    const r = score(
      [
        { text: c.label, weight: 4 },
        { text: id, weight: 3 },
        { text: c.section, weight: 1 },
      ],
      ws,
    );
    if (r) hits.push({ type: 'command', id, title: c.label, detail: c.section, score: r.score });
  }
  return ws.length === 0 ? hits : hits.sort((a, b) => b.score - a.score);
}
