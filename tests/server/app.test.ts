import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { ADMIN_PASSWORD } from '../helpers/hall.js';
import { selfSignedCert } from '../helpers/tls.js';

// Security headers: the hall's LAN is plain HTTP (http://192.168.1.10:3000/kiosk/), so nothing may
// tell the browser to switch to https:// there; HSTS only when the page did come over HTTPS.

const dir = mkdtempSync(join(tmpdir(), 'dawr-headers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function headersOf(url: string): Promise<IncomingHttpHeaders> {
  const get = url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.headers);
    }).on('error', reject);
  });
}

async function served(tls: boolean, paths: string[]): Promise<IncomingHttpHeaders[]> {
  const config = { DATA_DIR: join(dir, tls ? 'tls' : 'plain'), SEED: 'demo', ADMIN_PASSWORD, LOG_LEVEL: 'silent' } as const;
  const app = await buildApp({ config: tls ? { ...config, ...selfSignedCert(dir) } : config });
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return await Promise.all(paths.map((path) => headersOf(base + path)));
  } finally {
    await app.close();
  }
}

const PAGES = ['/kiosk/', '/api/health', '/docs/static/index.html'];

describe('security headers', () => {
  it('over plain HTTP: no upgrade-insecure-requests, no HSTS, fonts from the server itself', async () => {
    for (const [i, headers] of (await served(false, PAGES)).entries()) {
      expect(headers['content-security-policy'], PAGES[i]).toMatch(/font-src 'self'/);
      expect(headers['content-security-policy'], PAGES[i]).not.toMatch(/upgrade-insecure-requests/);
      expect(headers['strict-transport-security'], PAGES[i]).toBeUndefined();
    }
  });

  it('over HTTPS: HSTS', async () => {
    for (const [i, headers] of (await served(true, PAGES)).entries()) {
      expect(headers['strict-transport-security'], PAGES[i]).toBe('max-age=31536000; includeSubDomains');
      expect(headers['content-security-policy'], PAGES[i]).not.toMatch(/upgrade-insecure-requests/);
    }
  });
});
