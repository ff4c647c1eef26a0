import Database from 'better-sqlite3';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, freePort, killAll, login, removeDir, startServer, tempDataDir, until } from './server-process.js';

// Receipt printers misbehaving the three ways a hall sees: one that takes the connection and
// never reads a byte (jammed, or a port that is not a printer), one that resets every
// connection, one that is switched off (nothing listens). Tickets must still be issued at once,
// the jobs retried or expired (never left in flight), and the server must go on serving and stop
// cleanly.

let dataDir: string | undefined;
const servers: Server[] = [];
const held: Socket[] = [];
afterAll(async () => {
  killAll();
  for (const s of held) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  removeDir(dataDir);
});

async function listen(onSocket: (socket: Socket) => void): Promise<number> {
  const server = createServer(onSocket);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as { port: number }).port;
}

interface Job {
  id: number;
  printerId: number;
  status: string;
  attempts: number;
  lastError: string | null;
}

describe('printers that hang, reset or are off', () => {
  it('issue stays fast, jobs are retried or expired, nothing hangs', { timeout: 120_000 }, async () => {
    const blackHole = await listen((socket) => {
      socket.pause(); // accepts, never reads, never answers
      held.push(socket);
    });
    const resetting = await listen((socket) => socket.resetAndDestroy());
    const off = await freePort(); // nothing listens there

    dataDir = tempDataDir('printers');
    const server = await startServer({ dataDir, env: { PRINT_EXPIRE_S: '4', PRINT_RETRY_MAX_S: '1' } });
    const admin = await login(server.base);

    // One kiosk per printer, so that the three misbehave side by side.
    const setups = [
      { name: 'jammed', target: `tcp://127.0.0.1:${blackHole}` },
      { name: 'resetting', target: `tcp://127.0.0.1:${resetting}` },
      { name: 'switched off', target: `tcp://127.0.0.1:${off}` },
    ];
    const kiosks: { name: string; token: string; printerId: number }[] = [];
    for (const s of setups) {
      const device = await call(server.base, 'POST', '/api/admin/devices', { token: admin, body: { kind: 'kiosk', name: `kiosk ${s.name}` } });
      expect(device.status).toBe(201);
      const printer = await call(server.base, 'POST', '/api/admin/printers', {
        token: admin,
        body: { name: s.name, target: s.target, kioskId: device.body.id },
      });
      expect(printer.status).toBe(201);
      kiosks.push({ name: s.name, token: device.body.token, printerId: printer.body.id });
    }

    // Tickets from the three kiosks, interleaved: each is answered well within 2 s.
    const latencies: number[] = [];
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        kiosks.map(async (k) => {
          const res = await call(server.base, 'POST', '/api/tickets', { token: k.token, body: { serviceId: 1 }, timeoutMs: 5000 });
          expect(res.status).toBe(201);
          latencies.push(res.ms);
        }),
      );
      const health = await call(server.base, 'GET', '/api/health', { timeoutMs: 2000 });
      expect(health.status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(Math.max(...latencies)).toBeLessThan(2000);

    // Every job leaves the queue: printed (the bytes went), or expired after its retries.
    const db = new Database(join(dataDir, 'dawr.sqlite'), { readonly: true, fileMustExist: true });
    const jobs = () =>
      db
        .prepare('SELECT id, printer_id AS printerId, status, attempts, last_error AS lastError FROM print_jobs ORDER BY id')
        .all() as Job[];
    const settled = await until(
      'every print job to settle',
      () => {
        const all = jobs().filter((j) => kiosks.some((k) => k.printerId === j.printerId));
        return all.length === 12 && all.every((j) => j.status !== 'queued' && j.status !== 'sent') ? all : undefined;
      },
      30_000,
      250,
    );
    const of = (name: string) => settled.filter((j) => j.printerId === kiosks.find((k) => k.name === name)!.printerId);
    // Switched off: refused every time, retried, then expired: never printed late.
    for (const j of of('switched off')) {
      expect(j.status).toBe('expired');
      expect(j.attempts).toBeGreaterThanOrEqual(1);
      expect(j.lastError).toMatch(/ECONNREFUSED/);
    }
    expect(Math.max(...of('switched off').map((j) => j.attempts))).toBeGreaterThanOrEqual(2); // retried with back-off
    // Jammed and resetting: a ticket whose bytes the socket took counts as printed (a printer that
    // swallows them cannot be told from one that prints); a refused attempt is retried or expired.
    for (const name of ['jammed', 'resetting']) {
      for (const j of of(name)) expect(['printed', 'expired']).toContain(j.status);
    }
    db.close();

    // The admin sees it.
    const health = await call(server.base, 'GET', '/api/admin/health', { token: admin });
    expect(health.status).toBe(200);
    const offPrinter = health.body.printers.find((p: { id: number }) => p.id === kiosks[2]!.printerId);
    expect(offPrinter).toMatchObject({ status: 'offline', queued: 0 });
    expect(offPrinter.lastError).toMatch(/ECONNREFUSED/);

    // The server still serves, and a clean stop is not held up by any printer.
    const more = await call(server.base, 'POST', '/api/tickets', { token: kiosks[0]!.token, body: { serviceId: 2 }, timeoutMs: 3000 });
    expect(more.status).toBe(201);
    const stopping = performance.now();
    expect(await server.stop(20_000)).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(10_000);
  });
});
