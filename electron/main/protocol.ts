// Serves the built renderer from app://fedstudio/ with a strict Content-Security-Policy, so the
// app never runs from file:// and every response carries the policy.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES, RENDERER_CSP } from '../../host/services/renderer-assets.ts';

export { RENDERER_CSP };

/**
 * Answers one app:// request from the renderer folder; anything outside it is a 404, and a URL
 * that does not decode (malformed percent-encoding, a NUL byte) a 400.
 */
export async function serveRenderer(rendererDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return new Response('bad request', { status: 400 });
  }
  if (url.host !== 'fedstudio') return new Response('not found', { status: 404 });
  const root = path.resolve(rendererDir);
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return new Response('bad request: malformed percent-encoding', { status: 400 });
  }
  if (rel.includes('\0')) return new Response('bad request', { status: 400 });
  const file = path.resolve(root, '.' + rel);
  if (file !== root && !file.startsWith(root + path.sep))
    return new Response('not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
