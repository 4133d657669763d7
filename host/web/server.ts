// Web mode: the built renderer and the host API over HTTP, on 127.0.0.1 only, with a per-run
// token. Every request is checked (host, origin, token, size) and every call's arguments are
// validated against the contract before a service sees them.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  HOST_METHODS,
  type HostApi,
  type HostErrorBody,
  type HostMethod,
} from '../../shared/host-api.ts';
import { errorBody } from '../services/host-errors.ts';
import { CONTENT_TYPES, RENDERER_CSP } from '../services/renderer-assets.ts';

const MAX_BODY = 80 * 1024 * 1024;

const STATUS: Record<HostErrorBody['code'], number> = {
  'invalid-args': 400,
  forbidden: 403,
  'not-found': 404,
  refused: 409,
  conflict: 409,
  'design-invalid': 422,
  internal: 500,
};

export interface WebHostOptions {
  services: HostApi;
  staticDir: string;
  port?: number;
  token?: string;
  /** The largest request body accepted (default 80 MiB); larger ones are answered 413. */
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  /** The URL with the token, which the renderer reads and then removes from the address bar. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  const maxBody = o.maxBodyBytes ?? MAX_BODY;
  const tokenBuf = Buffer.from(`Bearer ${token}`);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      const body = errorBody(e);
      sendJson(res, STATUS[body.code], { error: body });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: only our own host names reach us.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendJson(res, 421, { error: { code: 'forbidden', message: 'unexpected Host header' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    await serveStatic(url.pathname, res);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
  ): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, { error: { code: 'forbidden', message: 'cross-origin request refused' } });
      return;
    }
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== tokenBuf.length || !timingSafeEqual(auth, tokenBuf)) {
      sendJson(res, 401, { error: { code: 'forbidden', message: 'missing or wrong token' } });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: { code: 'invalid-args', message: 'use POST' } });
      return;
    }
    if (!Object.hasOwn(HOST_METHODS, method)) {
      sendJson(res, 404, { error: { code: 'not-found', message: `no host method "${method}"` } });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, { error: { code: 'invalid-args', message: 'send application/json' } });
      return;
    }
    const tooLarge = () => {
      // Answer and close the connection rather than read the rest of an oversized upload.
      res.shouldKeepAlive = false;
      sendJson(res, 413, {
        error: { code: 'invalid-args', message: `request body larger than ${maxBody} bytes` },
      });
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBody) {
      tooLarge();
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req, maxBody));
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        tooLarge();
        return;
      }
      sendJson(res, 400, {
        error: { code: 'invalid-args', message: `bad request body: ${(e as Error).message}` },
      });
      return;
    }
    const m = method as HostMethod;
    const args = HOST_METHODS[m].args.safeParse(raw);
    if (!args.success) {
      const why = args.error.issues
        .map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`)
        .join('; ');
      sendJson(res, 400, { error: { code: 'invalid-args', message: `${method}: ${why}` } });
      return;
    }
    try {
      const call = o.services[m] as (a: unknown) => Promise<unknown>;
      sendJson(res, 200, { result: await call(args.data) });
    } catch (e) {
      const body = errorBody(e);
      sendJson(res, STATUS[body.code], { error: body });
    }
  }

  async function serveStatic(pathname: string, res: http.ServerResponse): Promise<void> {
    const root = path.resolve(o.staticDir);
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(root, '.' + (rel.endsWith('/') ? rel + 'index.html' : rel));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    const s = await stat(file).catch(() => null);
    if (!s?.isFile()) file = path.join(root, 'index.html'); // the app routes itself
    const body = await readFile(file).catch(() => null);
    if (!body) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain' })
        .end(`not built: run npm run build:renderer (${root})`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Calls still in flight (a long export) must not hold the host open: their connections
        // end now, and a worker's job ends with the process.
        server.closeAllConnections();
      }),
  };
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}
