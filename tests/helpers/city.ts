import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildCityApp } from '../../server/city/app.js';
import { startPostgres, type TestPostgres } from './postgres.js';

// A real city server for tests: the real app on a loopback port, over a real PostgreSQL (a fresh
// database on one embedded server per test file, unless `databaseUrl` is given).

export interface TestCity {
  app: FastifyInstance;
  url: string;
  adminPassword: string;
  close(): Promise<void>;
}

export const CITY_ADMIN_PASSWORD = 'city-password-123';

let shared: Promise<TestPostgres> | null = null;
/** One embedded PostgreSQL per test file, started on first use: files stop it with `afterAll(stopTestPostgres)`. */
export function testPostgres(): Promise<TestPostgres> {
  return (shared ??= startPostgres());
}

export async function stopTestPostgres(): Promise<void> {
  const pg = shared;
  shared = null;
  await (await pg)?.stop();
}

export async function startCity(
  opts: { databaseUrl?: string; seed?: 'demo' | 'none'; now?: () => number; sweepEveryMs?: number } = {},
): Promise<TestCity> {
  const databaseUrl = opts.databaseUrl ?? (await (await testPostgres()).freshDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'dawr-city-'));
  const app = await buildCityApp({
    config: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SEED: opts.seed ?? 'none', ADMIN_PASSWORD: CITY_ADMIN_PASSWORD, LOG_LEVEL: 'silent' },
    now: opts.now,
    sweepEveryMs: opts.sweepEveryMs,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url,
    adminPassword: CITY_ADMIN_PASSWORD,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
