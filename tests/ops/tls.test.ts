import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { ADMIN_PASSWORD } from '../helpers/hall.js';
import { selfSignedCert } from '../helpers/tls.js';

// Built-in HTTPS: TLS_CERT and TLS_KEY (both or neither) make the one port speak HTTPS, the
// API and socket.io alike.

const dir = mkdtempSync(join(tmpdir(), 'dawr-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('TLS settings', () => {
  it('wants both TLS_CERT and TLS_KEY, or neither', () => {
    expect(() => readConfig({ TLS_CERT: '/etc/dawr/cert.pem' })).toThrow(/TLS_CERT: set both TLS_CERT and TLS_KEY/);
    expect(() => readConfig({ TLS_KEY: '/etc/dawr/key.pem' })).toThrow(/set both TLS_CERT and TLS_KEY/);
    expect(readConfig({ TLS_CERT: '/a.pem', TLS_KEY: '/b.pem' })).toMatchObject({ TLS_CERT: '/a.pem', TLS_KEY: '/b.pem' });
    expect(readConfig({})).toMatchObject({ BACKUP_AT: '02:00', BACKUP_KEEP: 14 });
    expect(() => readConfig({ BACKUP_AT: '2am' })).toThrow(/BACKUP_AT: must be HH:MM \(24-hour\) or off/);
    expect(readConfig({ BACKUP_AT: 'off', PRINT_EXPIRE_S: '60' })).toMatchObject({ BACKUP_AT: 'off', PRINT_EXPIRE_S: 60 });
  });

  it('says which file it cannot read', async () => {
    await expect(
      buildApp({ config: { DATA_DIR: dir, SEED: 'none', ADMIN_PASSWORD, LOG_LEVEL: 'silent', TLS_CERT: join(dir, 'missing.pem'), TLS_KEY: join(dir, 'missing.key') } }),
    ).rejects.toThrow(/cannot read TLS_CERT .*missing\.pem/);
  });

  it('serves the API and socket.io over HTTPS on the one port', async () => {
    const app = await buildApp({
      config: { DATA_DIR: join(dir, 'data'), SEED: 'demo', ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...selfSignedCert(dir) },
    });
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      expect(address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await getJson(`${address}/api/health`)).toEqual({ status: 200, body: { status: 'ok' } });
      // Plain HTTP on that port is not served.
      await expect(fetch(address.replace('https:', 'http:') + '/api/health', { signal: AbortSignal.timeout(3000) })).rejects.toThrow();

      const token = app.seedReport!.devices.find((d) => d.kind === 'display')!.token;
      const socket = io(`${address}/display`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, rejectUnauthorized: false });
      try {
        const snapshot = await new Promise<{ calls: unknown[] }>((resolve, reject) => {
          socket.once('snapshot', resolve);
          socket.once('connect_error', reject);
        });
        expect(snapshot.calls).toEqual([]);
      } finally {
        socket.disconnect();
      }
    } finally {
      await app.close();
    }
  });
});
