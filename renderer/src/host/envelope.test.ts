import { describe, expect, it } from 'vitest';
import type { Envelope, HostBridge } from '../../../shared/host-api.ts';
import { hostError } from '../files/file-ui.ts';
import { HostCallError, hostFromBridge } from './envelope.ts';

const REV = `sha256:${'a'.repeat(64)}`;

function bridgeAnswering(env: Envelope<unknown>): HostBridge {
  return { invoke: async () => env, onMenu: () => () => undefined };
}

describe('the desktop host in the renderer', () => {
  it('turns an error envelope into a HostCallError with code, message and details', async () => {
    const body = { code: 'conflict' as const, message: 'a changed', details: ['opened: x'] };
    const host = hostFromBridge(bridgeAnswering({ error: body }));
    const e = await host.saveDesign({ path: '/a.topology.yaml', text: '' }).catch((x) => x);
    expect(e).toBeInstanceOf(HostCallError);
    expect(hostError(e)).toEqual(body);
  });

  it('answers results checked against the contract', async () => {
    const ok = hostFromBridge(bridgeAnswering({ result: { path: '/a', revision: REV } }));
    expect(await ok.saveDesign({ path: '/a', text: '' })).toEqual({ path: '/a', revision: REV });
    const odd = hostFromBridge(bridgeAnswering({ result: { path: '/a' } }));
    const e = await odd.saveDesign({ path: '/a', text: '' }).catch((x) => x);
    expect(hostError(e)).toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/unexpected answer/),
    });
  });
});
