import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect } from 'vitest';
import { halls, type HallSettings } from '../../db/schema.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { getHall } from '../../server/hall/state.js';

// A real hall for tests: a real SQLite file in a fresh temporary folder, the real app.

export interface TestHall {
  app: FastifyInstance;
  dataDir: string;
  adminPassword: string;
  /** Demo device tokens by kind (SEED=demo). */
  tokens: { kiosk: string; display: string; printer: string };
  /** Logs in and answers the bearer token. Demo users: admin, supervisor, clerk (same password: DEMO_PASSWORD here). */
  login(username?: string, password?: string): Promise<string>;
  /** Listens on a loopback port and answers the base URL. */
  listen(): Promise<string>;
  /** Merges `change` into the hall's settings, written straight to the database. */
  setSettings(change: Partial<HallSettings>): void;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export interface TestHallOptions extends Pick<AppOptions, 'now' | 'logStream' | 'requestTimeoutMs' | 'central'> {
  /** Settings beyond the test defaults (LOG_LEVEL=silent…), e.g. TRUST_PROXY or WEBHOOK_ALLOW_LOCAL. */
  config?: Partial<AppOptions['config']>;
  seed?: 'demo' | 'demo-fr' | 'none';
  /** Reopen an existing folder (a restart). */
  dataDir?: string;
  adminPassword?: string;
  /** Runs while the hall closes, after socket.io's goodbye: a test holds the close open with it. */
  preClose?: () => Promise<void>;
}

export const ADMIN_PASSWORD = 'test-password-123';

export async function startHall(opts: TestHallOptions = {}): Promise<TestHall> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dawr-test-'));
  const adminPassword = opts.adminPassword ?? ADMIN_PASSWORD;
  const app = await buildApp({
    config: { DATA_DIR: dataDir, SEED: opts.seed ?? 'demo', ADMIN_PASSWORD: adminPassword, DEMO_PASSWORD: adminPassword, LOG_LEVEL: 'silent', ...opts.config },
    now: opts.now,
    logStream: opts.logStream,
    requestTimeoutMs: opts.requestTimeoutMs,
    central: opts.central,
  });
  if (opts.preClose) app.addHook('preClose', opts.preClose);
  await app.ready();
  const byKind = (kind: string) => app.seedReport?.devices.find((d) => d.kind === kind)?.token ?? '';
  return {
    app,
    dataDir,
    adminPassword,
    tokens: { kiosk: byKind('kiosk'), display: byKind('display'), printer: byKind('printer') },
    async login(username = 'admin', password = adminPassword) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return res.json().token as string;
    },
    async listen() {
      return app.listen({ port: 0, host: '127.0.0.1' });
    },
    setSettings(change) {
      const row = getHall(app.conn, app.hallId);
      app.conn.db.update(halls).set({ settings: { ...row.settings, ...change } }).where(eq(halls.id, row.id)).run();
    },
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Turns appointments on for a service, as the admin does (API.md "Appointments"). */
export async function enableAppointments(hall: TestHall, serviceId: number, settings: { slotMinutes?: number; perSlot?: number }): Promise<void> {
  const res = await hall.app.inject({
    method: 'PATCH',
    url: `/api/admin/services/${serviceId}`,
    headers: bearer(await hall.login()),
    payload: { appointments: { enabled: true, ...settings } },
  });
  expect(res.statusCode, res.body).toBe(200);
}

export interface ClockedHall {
  hall: TestHall;
  clerk: string;
  supervisor: string;
  /** The hall's clock (ms); tests move it with tick. */
  now: number;
  tick(ms: number): number;
}

/** A fresh demo hall for each test of the file, on a clock moved by hand from Sunday 10:00 in Damascus,
 *  with the clerk and the supervisor logged in; closed after each test. Read its fields inside tests. */
export function clockedHall(opts: Omit<TestHallOptions, 'now'> = {}): ClockedHall {
  const start = Date.parse('2026-11-29T07:00:00Z');
  const c = { now: start, tick: (ms: number) => (c.now += ms) } as ClockedHall;
  beforeEach(async () => {
    c.now = start;
    c.hall = await startHall({ ...opts, now: () => c.now });
    c.clerk = await c.hall.login('clerk');
    c.supervisor = await c.hall.login('supervisor');
  });
  afterEach(() => c.hall.close());
  return c;
}
