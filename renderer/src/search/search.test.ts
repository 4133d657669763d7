import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../../../shared/commands.ts';
import type { Topology } from '../../../shared/model/schema.ts';
import { findCommands, findItems } from './search.ts';

const design = {
  apiVersion: 'fedstudio/v1',
  kind: 'Topology',
  metadata: { name: 'find' },
  groups: [{ id: 'eu', label: 'eu-west-1', externalLabels: { datacenter: 'eu-west-1' } }],
  nodes: [
    {
      id: 'global',
      kind: 'prometheus',
      name: 'prometheus-global',
      externalLabels: { datacenter: 'global' },
    },
    { id: 'eu-prom', kind: 'prometheus', name: 'prometheus-eu', group: 'eu' },
    { id: 'web', kind: 'targets', name: 'web-servers', labels: { team: 'shop', env: 'prod' } },
    { id: 'am', kind: 'alertmanager', name: 'alertmanager' },
  ],
  edges: [],
} as Topology;

const KINDS: Record<string, string> = {
  prometheus: 'Prometheus',
  targets: 'Targets',
  alertmanager: 'Alertmanager',
};
const find = (q: string) => findItems(design, q, (k) => KINDS[k] ?? k);
const ids = (q: string) => find(q).map((h) => h.id);

describe('finding nodes', () => {
  it('finds by name, id and kind, best match first', () => {
    expect(ids('alertmanager')).toEqual(['am']);
    expect(ids('eu-prom')).toEqual(['eu-prom']);
    expect(ids('targets')).toEqual(['web']);
    expect(ids('prometheus')).toEqual(['eu-prom', 'global']); // both names start with it
  });

  it('finds by a label value, a label name, or name=value, and says which label matched', () => {
    expect(ids('shop')).toEqual(['web']);
    expect(ids('env=prod')).toEqual(['web']);
    expect(ids('datacenter=global')).toEqual(['global']);
    expect(find('prod')[0]?.detail).toBe('Targets · env=prod');
    // A label of a group counts too (the group, not its members).
    expect(ids('datacenter=eu')).toEqual(['eu']);
  });

  it('wants every word to match somewhere, in any case', () => {
    expect(ids('PROMETHEUS global')).toEqual(['global']);
    expect(ids('prometheus shop')).toEqual([]);
  });

  it('lists every node and group for an empty query', () => {
    expect(ids('').sort()).toEqual(['am', 'eu', 'eu-prom', 'global', 'web']);
  });
});

describe('finding commands', () => {
  it('lists every command of the table for an empty query', () => {
    expect(findCommands('').map((h) => h.id)).toEqual([...COMMAND_IDS]);
  });

  it('finds by label words, best first', () => {
    const hits = findCommands('align left').map((h) => h.id);
    expect(hits[0]).toBe('align-left');
    expect(findCommands('save')[0]?.id).toBe('save');
    expect(findCommands('zzz')).toEqual([]);
  });
});
