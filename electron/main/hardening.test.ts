// The desktop app's hardening that needs no Electron binary: permissions, the app:// protocol on
// malformed URLs, and the fuses electron-builder flips at packaging time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { denyAllPermissions, type PermissionSession } from './permissions.ts';
import { serveRenderer } from './protocol.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('permissions', () => {
  it('denies every permission request, check, device and screen capture', () => {
    const set: Record<string, (...a: never[]) => unknown> = {};
    const fake = new Proxy({} as PermissionSession, {
      get: (_t, name: string) => (handler: (...a: never[]) => unknown) => (set[name] = handler),
    });
    denyAllPermissions(fake);
    expect(Object.keys(set).sort()).toEqual([
      'setDevicePermissionHandler',
      'setDisplayMediaRequestHandler',
      'setPermissionCheckHandler',
      'setPermissionRequestHandler',
    ]);
    const answers: unknown[] = [];
    const request = set.setPermissionRequestHandler as unknown as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])
      request({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    const check = set.setPermissionCheckHandler as unknown as (...a: unknown[]) => boolean;
    expect(check(null, 'media', 'app://fedstudio', {})).toBe(false);
    const device = set.setDevicePermissionHandler as unknown as (d: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
    const display = set.setDisplayMediaRequestHandler as unknown as (
      r: unknown,
      cb: (s: unknown) => void,
    ) => void;
    display({}, (s) => answers.push(s));
    expect(answers.at(-1)).toBeNull();
  });
});

describe('the app:// protocol', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fedstudio-proto-'));
  writeFileSync(path.join(dir, 'index.html'), '<html></html>');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['app://fedstudio/%E0%A4%A', 'app://fedstudio/%', 'app://fedstudio/a%zz.js'])(
    'answers malformed percent-encoding with 400 (%s)',
    async (url) => {
      const r = await serveRenderer(dir, url);
      expect(r.status).toBe(400);
    },
  );

  it('answers a NUL byte with 400, and still serves the app', async () => {
    expect((await serveRenderer(dir, 'app://fedstudio/index.html%00.js')).status).toBe(400);
    expect((await serveRenderer(dir, 'app://fedstudio/index.html')).status).toBe(200);
  });
});

describe('packaging fuses (electron-builder.yml)', () => {
  const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
    electronFuses?: Record<string, unknown>;
    asar?: unknown;
  };

  it('turns off run-as-node, NODE_OPTIONS and --inspect; asar only, checked; cookies encrypted', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only fuse names electron-builder knows (a typo would be ignored silently)', () => {
    const scheme = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const name of Object.keys(config.electronFuses ?? {})) expect(known).toContain(name);
  });
});
