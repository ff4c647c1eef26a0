import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEscPos, tickets } from '../helpers/escpos.js';
import { readHall } from './db-check.js';
import { call, killAll, login, pool, removeDir, startServer, tempDataDir, until } from './server-process.js';

// Power cut just after the kiosk's answer: a ticket answered 201 has its print job (written in
// the ticket's own transaction), and the queue prints every waiting job after the restart (their
// receipts, kept in memory only, drawn again from the tickets).

let dataDir: string | undefined;
afterAll(() => {
  killAll();
  removeDir(dataDir);
});

describe('kill -9 while kiosks issue tickets that print', () => {
  it('keeps a print job for every ticket answered 201 and prints them all after the restart', { timeout: 120_000 }, async () => {
    dataDir = tempDataDir('kill-print');
    const first = await startServer({ dataDir });
    const services = (await call(first.base, 'GET', '/api/services')).body as { id: number }[];

    // The demo kiosk prints on an agent printer; no agent runs, so the jobs wait in the queue.
    const answered: number[] = [];
    let killed: Promise<void> | undefined;
    await pool(Array.from({ length: 200 }, (_, i) => services[i % services.length]!.id), 16, async (serviceId) => {
      if (killed) return;
      try {
        const res = await call(first.base, 'POST', '/api/tickets', {
          token: first.tokens.kiosk,
          body: { serviceId },
          headers: { 'idempotency-key': randomUUID() },
          timeoutMs: 5000,
        });
        if (res.status === 201) answered.push(res.body.id);
        // The power goes the moment this answer is out, with others in flight.
        if (answered.length === 80) killed = first.kill9();
      } catch {
        // no answer: the connection died with the server
      }
    });
    await killed;
    expect(answered.length).toBeGreaterThanOrEqual(80);

    const afterCrash = readHall(dataDir);
    expect(afterCrash.integrity).toBe('ok');
    expect(afterCrash.withoutPrintJob).toEqual([]);
    const jobTickets = new Set(afterCrash.printJobs.map((j) => j.ticketId));
    for (const id of answered) expect(jobTickets.has(id), `print job of ticket ${id}`).toBe(true);

    // After the restart the admin points the kiosk's printer at a file: every waiting job prints.
    const second = await startServer({ dataDir, port: first.port });
    const admin = await login(second.base);
    const printer = (await call(second.base, 'GET', '/api/admin/printers', { token: admin })).body[0] as { id: number };
    const file = join(dataDir, 'print', 'tickets.bin'); // inside PRINT_FILE_DIR (DATA_DIR/print)
    const patched = await call(second.base, 'PATCH', `/api/admin/printers/${printer.id}`, { token: admin, body: { target: `file:${file}` } });
    expect(patched.status).toBe(200);
    const all = afterCrash.printJobs.length;
    // Read while the printer still appends, the file may end inside a job's image: not yet a failure.
    const printedAll = () => {
      try {
        return existsSync(file) && tickets(parseEscPos(readFileSync(file))).length === all;
      } catch {
        return false;
      }
    };
    await until(`${all} whole tickets in ${file}`, printedAll, 60_000);
    expect(tickets(parseEscPos(readFileSync(file)))).toHaveLength(all);
    expect(await second.stop()).toBe(0);

    const final = readHall(dataDir);
    expect(final.printJobs.map((j) => j.status)).toEqual(afterCrash.printJobs.map(() => 'printed'));
  });
});
