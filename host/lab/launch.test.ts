// The program a container runs is the image's: the plan's arguments go to the image's ENTRYPOINT,
// or after the first word of its CMD when it has none.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../shared/design/parse.ts';
import { planLab } from '../../shared/lab/plan.ts';
import type { LabContainer } from '../../shared/lab/types.ts';
import { LabError } from './errors.ts';
import { containerLaunch, imageLaunch } from './launch.ts';

// Template (a): Alertmanager with a webhook ${VAR}, whose config the lab renders on the host.
const parsed = parseTopology(readFileSync('templates/dc-federation.topology.yaml', 'utf8'));

function plan() {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return planLab(parsed.topology);
}

describe('imageLaunch', () => {
  it("reads ENTRYPOINT and CMD in each of Docker's shapes", () => {
    expect(imageLaunch({ Config: { Entrypoint: ['/bin/prometheus'], Cmd: ['--x'] } })).toEqual({
      entrypoint: ['/bin/prometheus'],
      cmd: ['--x'],
    });
    expect(imageLaunch({ Config: { Entrypoint: null, Cmd: null } })).toEqual({
      entrypoint: [],
      cmd: [],
    });
    expect(imageLaunch({ Config: { Entrypoint: '/run.sh' } })).toEqual({
      entrypoint: ['/run.sh'],
      cmd: [],
    });
    expect(imageLaunch({})).toEqual({ entrypoint: [], cmd: [] });
  });
});

describe('containerLaunch', () => {
  it('plans no program path for any kind of any template: only arguments, or a shell script', () => {
    const files = readdirSync('templates').filter((f) => f.endsWith('.topology.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const t = parseTopology(readFileSync(path.join('templates', file), 'utf8'));
      if (!t.ok) throw new Error(`${file}: ${JSON.stringify(t.errors)}`);
      for (const c of planLab(t.topology).containers) {
        const where = `${file}: ${c.instance} (${c.kind})`;
        if (c.entrypoint) expect(c.entrypoint.slice(0, 2), where).toEqual(['sh', '-c']);
        expect(c.command?.[0] ?? '--', where).not.toMatch(/^\//);
      }
    }
    for (const c of plan().containers) expect(JSON.stringify(c)).not.toContain('/bin/alertmanager');
  });

  it("keeps the image's ENTRYPOINT and passes only the arguments", () => {
    for (const c of plan().containers) {
      const launch = containerLaunch(c, { entrypoint: ['/somewhere/else'], cmd: ['--defaults'] });
      expect(launch.Entrypoint).toBeUndefined();
      expect(launch.Cmd).toEqual(c.command);
    }
  });

  it('runs the first word of CMD when the image has no ENTRYPOINT', () => {
    const am = plan().containers.find((c) => c.kind === 'alertmanager') as LabContainer;
    const launch = containerLaunch(am, { entrypoint: [], cmd: ['/opt/am/alertmanager', '--old'] });
    expect(launch.Cmd).toEqual(['/opt/am/alertmanager', ...(am.command ?? [])]);
  });

  it('says which image to replace when it names no program at all', () => {
    const am = plan().containers.find((c) => c.kind === 'alertmanager') as LabContainer;
    let error: unknown;
    try {
      containerLaunch(am, { entrypoint: [], cmd: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).code).toBe('image-unusable');
    expect((error as LabError).message).toMatch(
      /alertmanager-0 \(image prom\/alertmanager:[^)]+\).*FEDSTUDIO_IMAGE_ALERTMANAGER=<image>/,
    );
  });

  it('keeps a script the plan must run as the entrypoint', () => {
    const c = {
      ...plan().containers[0],
      entrypoint: ['sh', '-c', 'setup'],
      command: ['a'],
    } as LabContainer;
    expect(containerLaunch(c, { entrypoint: ['/bin/x'], cmd: [] })).toEqual({
      Entrypoint: ['sh', '-c', 'setup'],
      Cmd: ['a'],
    });
  });
});
