// Both transports turn the same answers into the same errors: over HTTP (a stand-in fetch) and
// over IPC (a stand-in preload bridge).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '../../../shared/host-api.ts';
import { HostCallError, unwrapEnvelope } from './envelope.ts';
import { createHttpHost } from './http-host.ts';
import { createIpcHost } from './ipc-host.ts';

const REFUSED = { code: 'refused', message: '/out is not empty and was not written by us' };
const DESIGN_INVALID = {
  code: 'design-invalid',
  message: 'The design does not fit the format',
  details: ['dc.topology.yaml:4:7: nodes[0].kind: unknown kind "promethus"'],
};

function overHttp(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));
  return createHttpHost('token');
}

function overIpc(answer: unknown) {
  const bridge: HostBridge = { invoke: async () => answer as never, onMenu: () => () => undefined };
  return createIpcHost(bridge);
}

async function error(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostCallError);
  const { code, message, details } = e as HostCallError;
  return { code, message, details };
}

afterEach(() => vi.unstubAllGlobals());

describe('host answers', () => {
  it('carry a refusal’s code over both transports', async () => {
    const want = { ...REFUSED, details: [] };
    expect(await error(overHttp(409, { error: REFUSED }).exportConfigs({ text: 'x' }))).toEqual(
      want,
    );
    expect(await error(overIpc({ error: REFUSED }).exportConfigs({ text: 'x' }))).toEqual(want);
  });

  it('carry a design error’s lines over both transports', async () => {
    expect(await error(overHttp(400, { error: DESIGN_INVALID }).hostInfo({}))).toEqual(
      DESIGN_INVALID,
    );
    expect(await error(overIpc({ error: DESIGN_INVALID }).hostInfo({}))).toEqual(DESIGN_INVALID);
  });

  it('give the checked result', async () => {
    const result = {
      path: '/d/a.topology.yaml',
      text: 'kind: Topology',
      revision: `sha256:${'0'.repeat(64)}`,
    };
    expect(await overHttp(200, { result }).openDesign({})).toEqual(result);
    expect(await overIpc({ result }).openDesign({})).toEqual(result);
  });

  it('name the method and the failure when the transport had no answer', async () => {
    vi.stubGlobal('fetch', async () => new Response('bad gateway', { status: 502 }));
    expect(await error(createHttpHost('t').labStatus({ name: 'x' }))).toEqual({
      code: 'internal',
      message: 'labStatus: HTTP 502',
      details: [],
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await error(createHttpHost('t').listDesigns({}))).toMatchObject({
      message: 'listDesigns: Failed to fetch',
    });
    expect(() => unwrapEnvelope('listDesigns', { error: { code: 'nope' } })).toThrow(
      'listDesigns: unexpected answer from the host',
    );
  });

  it('refuse a result that breaks the contract', async () => {
    expect(await error(overIpc({ result: { path: 7 } }).openDesign({}))).toMatchObject({
      code: 'internal',
      message: 'openDesign: unexpected answer from the host',
    });
  });
});
