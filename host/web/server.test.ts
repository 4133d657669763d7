import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostApi } from '../../shared/host-api.ts';
import { AppState } from '../services/app-state.ts';
import { HostError } from '../services/host-errors.ts';
import { createHostServices } from '../services/host-services.ts';
import { startWebHost, type WebHost } from './server.ts';

const TOKEN = 'test-token-0123456789';
const MAX_BODY = 64 * 1024;

let base: string;
let host: WebHost;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'fedstudio-web-'));
  const staticDir = path.join(base, 'static');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><p>the app</p>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  await mkdir(path.join(base, 'ws'));
  const real = createHostServices({
    kind: 'web',
    workspace: path.join(base, 'ws'),
    state: new AppState(path.join(base, 'state')),
  });
  const services: HostApi = {
    ...real,
    async recentFiles() {
      throw new HostError('refused', 'not now', ['a:1:2: detail']);
    },
    async getRecovery() {
      throw new Error('disk on fire');
    },
  };
  host = await startWebHost({ services, staticDir, port: 0, token: TOKEN, maxBodyBytes: MAX_BODY });
});

afterAll(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

/** A raw request, so that Host and Origin can be anything a browser or an attacker might send. */
function request(
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method,
        path: urlPath,
        headers: { Host: `127.0.0.1:${host.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  request('POST', `/api/${method}`, {
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(args),
  });

describe('web host: who may call', () => {
  it('listens on 127.0.0.1 and hands out the URL with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.openUrl).toBe(`${host.url}?token=${TOKEN}`);
  });

  it('refuses a call without the token, or with a wrong one (401)', async () => {
    const none = await request('POST', '/api/listTemplates', {
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'forbidden' } });
    const wrong = await api('listTemplates', {}, { Authorization: `Bearer ${TOKEN}x` });
    expect(wrong.status).toBe(401);
  });

  it('refuses another Host header (DNS rebinding) with 421, for the API and the page', async () => {
    const evil = { Host: `evil.example:${host.port}` };
    expect((await api('listTemplates', {}, evil)).status).toBe(421);
    expect((await request('GET', '/', { headers: evil })).status).toBe(421);
    expect((await request('GET', '/', { headers: { Host: '127.0.0.1:1' } })).status).toBe(421);
  });

  it('accepts localhost and its own origin, refuses a foreign Origin with 403', async () => {
    const local = await api(
      'listTemplates',
      {},
      {
        Host: `localhost:${host.port}`,
        Origin: `http://localhost:${host.port}`,
      },
    );
    expect(local.status).toBe(200);
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const r = await api('listTemplates', {}, { Origin: origin });
      expect(r.status).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
  });
});

describe('web host: calls', () => {
  it('answers GET on an API method with 405', async () => {
    const r = await request('GET', '/api/listTemplates', {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(r.status).toBe(405);
  });

  it('answers an unknown method with 404, prototype names included', async () => {
    for (const m of ['noSuchMethod', '__proto__', 'toString', 'constructor']) {
      const r = await api(m, {});
      expect(r.status).toBe(404);
      expect(r.json()).toMatchObject({ error: { code: 'not-found' } });
    }
  });

  it('refuses a body that is not JSON: 415 for another type, 400 for bad JSON', async () => {
    expect((await api('listTemplates', {}, { 'Content-Type': 'text/plain' })).status).toBe(415);
    const bad = await request('POST', '/api/listTemplates', {
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{"oops"',
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid-args' } });
  });

  it('refuses invalid arguments with 400 and a message naming the field', async () => {
    const r = await api('readTemplate', { id: '../../etc/passwd' });
    expect(r.status).toBe(400);
    const body = r.json() as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid-args');
    expect(body.error.message).toMatch(/^readTemplate: id: /);
    const missing = await api('saveDesign', { path: 'a.topology.yaml' });
    expect((missing.json() as { error: { message: string } }).error.message).toMatch(/text/);
  });

  it('answers a valid call with {result}', async () => {
    const r = await api('listTemplates', {});
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const body = r.json() as { result: { id: string }[] };
    expect(body.result.map((t) => t.id)).toContain('dc-federation');
  });

  it('answers a HostError with its status and {error: {code, message, details}}', async () => {
    const refused = await api('recentFiles', {});
    expect(refused.status).toBe(409);
    expect(refused.json()).toEqual({
      error: { code: 'refused', message: 'not now', details: ['a:1:2: detail'] },
    });
    const outside = await api('openDesign', { path: '../secret.txt' });
    expect(outside.status).toBe(403);
    expect(outside.json()).toMatchObject({ error: { code: 'forbidden' } });
    const invalid = await api('saveDesign', { path: 'x.topology.yaml', text: 'kind: nope' });
    expect(invalid.status).toBe(422);
    expect(invalid.json()).toMatchObject({ error: { code: 'design-invalid' } });
  });

  it('answers an unexpected error with 500 and its message, not its stack', async () => {
    const r = await api('getRecovery', {});
    expect(r.status).toBe(500);
    expect(r.json()).toEqual({ error: { code: 'internal', message: 'disk on fire' } });
  });

  it('refuses an oversized body with 413, whether announced or streamed', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BODY), path: 'a.topology.yaml' });
    const announced = await api('saveDesign', JSON.parse(big) as unknown);
    expect(announced.status).toBe(413);
    // Chunked: no Content-Length to go by, so the server counts.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/saveDesign',
          headers: {
            Host: `127.0.0.1:${host.port}`,
            Authorization: `Bearer ${TOKEN}`,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(big.slice(0, MAX_BODY / 2));
      req.write(big.slice(MAX_BODY / 2));
      req.end();
    });
    expect(streamed).toBe(413);
    // The server still answers afterwards.
    expect((await api('listTemplates', {})).status).toBe(200);
  });
});

const DESIGN = (name: string) => `apiVersion: fedstudio/v1
kind: Topology
metadata: { name: ${name} }
nodes:
  - { id: p, kind: prometheus, name: prom }
`;

describe('web host: saves and paths', () => {
  it('answers a save based on a stale revision with 409 conflict, then overwrites when told', async () => {
    const file = path.join(base, 'ws', 'shared.topology.yaml');
    await writeFile(file, DESIGN('one'));
    const opened = (await api('openDesign', { path: 'shared.topology.yaml' })).json() as {
      result: { revision: string };
    };
    const { revision } = opened.result;
    // Two tabs saved from the same revision: the first wins, the second is told.
    const first = await api('saveDesign', {
      path: 'shared.topology.yaml',
      text: DESIGN('tab-a'),
      expectedRevision: revision,
    });
    expect(first.status).toBe(200);
    const second = await api('saveDesign', {
      path: 'shared.topology.yaml',
      text: DESIGN('tab-b'),
      expectedRevision: revision,
    });
    expect(second.status).toBe(409);
    expect(second.json()).toEqual({
      error: {
        code: 'conflict',
        message: `${file} changed on disk since you opened it`,
        details: [`opened: ${revision}`, expect.stringMatching(/^on disk: sha256:/)],
      },
    });
    expect(await readFile(file, 'utf8')).toBe(DESIGN('tab-a'));
    const forced = await api('saveDesign', {
      path: 'shared.topology.yaml',
      text: DESIGN('tab-b'),
      expectedRevision: revision,
      overwrite: true,
    });
    expect(forced.status).toBe(200);
    expect(await readFile(file, 'utf8')).toBe(DESIGN('tab-b'));
  });

  it('of two saves sent at once from one revision, one is saved and the other gets 409', async () => {
    await writeFile(path.join(base, 'ws', 'race.topology.yaml'), DESIGN('one'));
    const opened = (await api('openDesign', { path: 'race.topology.yaml' })).json() as {
      result: { revision: string };
    };
    const replies = await Promise.all(
      ['tab-a', 'tab-b'].map((n) =>
        api('saveDesign', {
          path: 'race.topology.yaml',
          text: DESIGN(n),
          expectedRevision: opened.result.revision,
        }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it.each([
    ['openDesign', { path: 'a\0b.topology.yaml' }],
    ['saveDesign', { path: 'a\0b.topology.yaml', text: 'x' }],
    ['designRevision', { path: '\0' }],
  ])('answers a path with a NUL byte with 400 and a clear message (%s)', async (method, args) => {
    const r = await api(method, args);
    expect(r.status).toBe(400);
    const { error } = r.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid-args');
    expect(error.message).toBe(`${method}: path: a path cannot contain a NUL byte`);
  });

  it('answers a dangling link with 400 naming it, a folder with 400, a missing file with 404', async () => {
    const ws = path.join(base, 'ws');
    await symlink(path.join(ws, 'gone.topology.yaml'), path.join(ws, 'dangling.topology.yaml'));
    await mkdir(path.join(ws, 'folder.topology.yaml'));
    for (const [method, args] of [
      ['openDesign', { path: 'dangling.topology.yaml' }],
      ['saveDesign', { path: 'dangling.topology.yaml', text: DESIGN('x') }],
      ['designRevision', { path: 'dangling.topology.yaml' }],
    ] as const) {
      const r = await api(method, args);
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({
        error: {
          code: 'invalid-args',
          message: `${path.join(ws, 'dangling.topology.yaml')} is a symbolic link to ${path.join(ws, 'gone.topology.yaml')}, which does not exist`,
        },
      });
    }
    const folder = await api('openDesign', { path: 'folder.topology.yaml' });
    expect(folder.status).toBe(400);
    expect(folder.text).not.toMatch(/EISDIR|illegal operation/);
    const missing = await api('openDesign', { path: 'missing.topology.yaml' });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toMatch(/ENOENT/);
  });
});

describe('web host: the page', () => {
  it('serves static files with the CSP and no-sniff headers', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('the app');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = page.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await request('GET', '/assets/app.js');
    expect(js.text).toBe('console.log(1);');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['content-security-policy']).toBe(csp);
  });

  it('routes unknown paths to the app, and does not take POST for the page', async () => {
    expect((await request('GET', '/some/route')).text).toContain('the app');
    expect((await request('POST', '/', { body: '' })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/..\\secret.txt',
  ])('never serves a file outside the static folder (%s)', async (p) => {
    const r = await request('GET', p);
    expect(r.text).not.toContain('TOP SECRET');
    expect([200, 400, 403, 404]).toContain(r.status);
  });

  it('refuses a path that escapes after decoding with 403', async () => {
    expect((await request('GET', '/..%2fsecret.txt')).status).toBe(403);
    expect((await request('GET', '/%E0%A4%A')).status).toBe(400);
  });
});
