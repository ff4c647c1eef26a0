import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { printers, printJobs } from '../../db/schema.js';
import { buildApp } from '../../server/app.js';
import type { PrintingOptions } from '../../server/plugins/printing.js';
import { ADMIN_PASSWORD, bearer } from '../helpers/hall.js';
import { connected, Inbox, type Client } from '../realtime/client.js';

// A listening demo hall with the print queue's timings made short, and its sockets. Like
// tests/helpers/hall.ts, plus what printing tests need: the same port and data after a restart.

/** Timings that keep tests quick (the defaults are for a real hall). */
const FAST: Partial<PrintingOptions> = {
  retryBaseMs: 100,
  retryMaxMs: 400,
  expireAfterMs: 10_000,
  sendTimeoutMs: 1000,
  statusTimeoutMs: 200,
  statusPollMs: 60_000,
};

export class PrintHall {
  private clients: Socket[] = [];

  private constructor(
    readonly app: FastifyInstance,
    readonly dataDir: string,
    readonly url: string,
  ) {}

  static async start(opts: { printing?: Partial<PrintingOptions>; dataDir?: string; port?: number } = {}): Promise<PrintHall> {
    const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dawr-print-'));
    const app = await buildApp({
      config: { DATA_DIR: dataDir, SEED: 'demo', ADMIN_PASSWORD, DEMO_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'silent' },
      printing: { ...FAST, ...opts.printing },
    });
    const url = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
    return new PrintHall(app, dataDir, url);
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Demo device tokens (only on the first start: they are shown once). */
  token(kind: 'kiosk' | 'display' | 'printer'): string {
    return this.app.seedReport!.devices.find((d) => d.kind === kind)!.token;
  }

  deviceId(kind: 'kiosk' | 'display' | 'printer'): number {
    return this.app.seedReport!.devices.find((d) => d.kind === kind)!.id;
  }

  /** The demo printer (bound to the demo kiosk). */
  get printer() {
    return this.app.conn.db.select().from(printers).orderBy(printers.id).get()!;
  }

  /** Points the demo printer somewhere else, as an admin would. */
  retarget(target: string): void {
    this.app.conn.db.update(printers).set({ target, status: 'unknown' }).where(eq(printers.id, this.printer.id)).run();
  }

  jobs() {
    return this.app.conn.db.select().from(printJobs).orderBy(printJobs.id).all();
  }

  async login(username = 'admin'): Promise<string> {
    const res = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: ADMIN_PASSWORD } });
    return res.json().token as string;
  }

  /** A ticket from the demo kiosk: the answer, and how long it took. */
  async issue(serviceId = 1, token = this.token('kiosk')): Promise<{ ticket: any; ms: number }> {
    const started = performance.now();
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...bearer(token), 'idempotency-key': randomUUID() },
      payload: { serviceId },
    });
    const ms = performance.now() - started;
    if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
    return { ticket: res.json(), ms };
  }

  async connect(namespace: string, auth: Record<string, unknown>): Promise<Client> {
    const socket = io(this.url + namespace, { auth, transports: ['websocket'], forceNew: true, reconnection: false, autoConnect: false });
    this.clients.push(socket);
    const client = { socket, inbox: new Inbox(socket) };
    await connected(socket);
    return client;
  }

  async close({ keepData = false } = {}): Promise<void> {
    for (const socket of this.clients) socket.disconnect();
    await this.app.close();
    if (!keepData) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
