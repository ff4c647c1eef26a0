import { eq } from 'drizzle-orm';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { printers } from '../../db/schema.js';
import { parseEscPos, tickets } from '../helpers/escpos.js';
import { bearer } from '../helpers/hall.js';
import { FakePrinter } from './fake-printer.js';
import { PrintHall } from './live.js';

// The print queue against real printers of the kinds a hall has: a network printer (a fake one
// on 127.0.0.1 that keeps the bytes), a file, and an agent's printer that is not there.

let hall: PrintHall | undefined;
let printer: FakePrinter | undefined;
const cleanup: (() => void)[] = [];

afterEach(async () => {
  await hall?.close();
  await printer?.off();
  hall = printer = undefined;
  for (const fn of cleanup.splice(0)) fn();
});

const jobOf = (h: PrintHall, ticketId: number) => h.jobs().find((j) => j.ticketId === ticketId);

describe('print queue', () => {
  it('prints a kiosk ticket on its network printer; the kiosk hears queued, then printed', async () => {
    printer = await FakePrinter.start();
    hall = await PrintHall.start();
    hall.retarget(printer.target);
    const kiosk = await hall.connect('/kiosk', { token: hall.token('kiosk') });
    expect(await kiosk.inbox.next('printer')).toEqual({ printerId: hall.printer.id, name: hall.printer.name, status: 'unknown' });

    const { ticket } = await hall.issue();
    await printer.waitForJobs(1);
    const commands = printer.commands();
    expect(commands.map((c) => c.op)).toEqual(['init', 'raster', 'feed', 'feed', 'cut', 'init']);
    expect(commands[1]).toMatchObject({ op: 'raster', widthBytes: 576 / 8 });
    expect(printer.tickets()).toHaveLength(1);

    const queued = await kiosk.inbox.next('print');
    expect(queued).toEqual({ ticketId: ticket.id, jobId: expect.any(Number), status: 'queued' });
    expect(await kiosk.inbox.next('print')).toEqual({ ticketId: ticket.id, jobId: queued.jobId, status: 'printed' });
    expect(await kiosk.inbox.next('printer')).toMatchObject({ status: 'online' });
    expect(jobOf(hall, ticket.id)).toMatchObject({ status: 'printed', attempts: 1, lastError: null, printedAt: expect.any(Number) });
  });

  it('prints at the width of a 58 mm printer, and on a file: printer, one ticket after the other', async () => {
    hall = await PrintHall.start();
    const dir = join(hall.dataDir, 'print'); // PRINT_FILE_DIR's default, made at start
    hall.retarget(`file:${join(dir, 'tickets.bin')}`);
    hall.app.conn.db.update(printers).set({ widthDots: 384 }).where(eq(printers.id, hall.printer.id)).run();

    const first = (await hall.issue(1)).ticket;
    const second = (await hall.issue(2)).ticket;
    await expect.poll(() => hall!.jobs().map((j) => j.status)).toEqual(['printed', 'printed']);
    const printed = tickets(parseEscPos(readFileSync(join(dir, 'tickets.bin'))));
    expect(printed).toHaveLength(2);
    for (const t of printed) expect(t.find((c) => c.op === 'raster')).toMatchObject({ widthBytes: 384 / 8 });
    expect(hall.jobs().map((j) => j.ticketId)).toEqual([first.id, second.id]);
  });

  it('writes no file outside PRINT_FILE_DIR, even for a target stored before that rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dawr-outside-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    hall = await PrintHall.start({ printing: { expireAfterMs: 60_000 } });
    hall.retarget(`file:${join(dir, 'tickets.bin')}`);
    const { ticket } = await hall.issue();
    await expect.poll(() => jobOf(hall!, ticket.id)?.lastError ?? '').toMatch(/^refused .*tickets\.bin: a file: printer must write inside .*print \(PRINT_FILE_DIR\)$/);
    expect(jobOf(hall, ticket.id)!.status).not.toBe('printed');
    expect(existsSync(join(dir, 'tickets.bin'))).toBe(false);
  });

  it('never holds up a ticket for an offline printer: retries with back-off, prints when it is back', async () => {
    printer = await FakePrinter.start();
    await printer.off();
    hall = await PrintHall.start({ printing: { retryBaseMs: 150, retryMaxMs: 600 } });
    hall.retarget(printer.target);
    const kiosk = await hall.connect('/kiosk', { token: hall.token('kiosk') });
    const staff = await hall.connect('/staff', { token: await hall.login('clerk') });

    const { ticket, ms } = await hall.issue();
    expect(ms).toBeLessThan(2500); // answered without waiting on the printer (a bound, not a speed figure)
    expect(ticket.status).toBe('waiting');

    // Each failed attempt waits twice as long as the one before (up to the cap).
    const seen = new Map<number, number>();
    await expect
      .poll(() => {
        const job = jobOf(hall!, ticket.id);
        if (job?.status === 'queued' && job.nextAttemptAt) seen.set(job.attempts, job.nextAttemptAt - job.updatedAt);
        return seen.size >= 3;
      }, { timeout: 5000, interval: 10 })
      .toBe(true);
    expect(seen.get(1)).toBe(150);
    expect(seen.get(2)).toBe(300);
    expect(seen.get(3)).toBe(600);
    expect(jobOf(hall, ticket.id)!.lastError).toMatch(/ECONNREFUSED/);
    expect(await kiosk.inbox.next('print', (p) => p.error)).toMatchObject({ ticketId: ticket.id, status: 'queued', error: expect.stringMatching(/ECONNREFUSED/) });
    expect(await kiosk.inbox.next('printer', (p) => p.status === 'offline')).toMatchObject({ printerId: hall.printer.id });
    expect(await staff.inbox.next('printer', (p) => p.status === 'offline')).toEqual({ printerId: hall.printer.id, name: hall.printer.name, status: 'offline' });

    await printer.on();
    await printer.waitForJobs(1, 3000);
    expect(printer.tickets()).toHaveLength(1);
    await expect.poll(() => jobOf(hall!, ticket.id)?.status).toBe('printed');
    expect(await kiosk.inbox.next('print', (p) => p.status === 'printed')).toMatchObject({ ticketId: ticket.id });
    expect(await staff.inbox.next('printer', (p) => p.status === 'online')).toMatchObject({ printerId: hall.printer.id });
  });

  it('expires a job that could not print in time, and never prints it later', async () => {
    printer = await FakePrinter.start();
    await printer.off();
    // Long enough for a first ticket drawn by a cold render thread to be tried before it expires.
    hall = await PrintHall.start({ printing: { expireAfterMs: 2000, retryBaseMs: 100, retryMaxMs: 100 } });
    hall.retarget(printer.target);
    const kiosk = await hall.connect('/kiosk', { token: hall.token('kiosk') });

    const { ticket } = await hall.issue();
    const expired = await kiosk.inbox.next('print', (p) => p.status === 'expired', 6000);
    expect(expired).toMatchObject({ ticketId: ticket.id, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(jobOf(hall, ticket.id)!.attempts).toBeGreaterThanOrEqual(2);

    await printer.on();
    const next = (await hall.issue()).ticket;
    await expect.poll(() => jobOf(hall!, next.id)?.status).toBe('printed');
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.tickets()).toHaveLength(1);
    expect(jobOf(hall, ticket.id)!.status).toBe('expired');
  });

  it('holds tickets while the printer reports paper out, and prints them when paper is back', async () => {
    printer = await FakePrinter.start();
    printer.paper = 'out';
    hall = await PrintHall.start({ printing: { statusPollMs: 100 } });
    hall.retarget(printer.target);
    const kiosk = await hall.connect('/kiosk', { token: hall.token('kiosk') });
    expect(await kiosk.inbox.next('printer', (p) => p.status === 'paper_out', 3000)).toMatchObject({ printerId: hall.printer.id });

    const { ticket } = await hall.issue();
    expect(await kiosk.inbox.next('print', (p) => p.error)).toMatchObject({ status: 'queued', error: 'the printer is out of paper' });
    expect(printer.jobs).toHaveLength(0);

    printer.paper = 'ok';
    await printer.waitForJobs(1, 3000);
    await expect.poll(() => jobOf(hall!, ticket.id)?.status).toBe('printed');
    expect(await kiosk.inbox.next('printer', (p) => p.status === 'online')).toBeTruthy();
  });

  it('queues the demo kiosk tickets for its agent, and expires them when no agent comes', async () => {
    hall = await PrintHall.start({ printing: { expireAfterMs: 300 } });
    const kiosk = await hall.connect('/kiosk', { token: hall.token('kiosk') });
    expect(await kiosk.inbox.next('printer')).toMatchObject({ status: 'offline' });
    const { ticket } = await hall.issue();
    expect(await kiosk.inbox.next('print')).toMatchObject({ ticketId: ticket.id, status: 'queued' });
    expect(await kiosk.inbox.next('print')).toEqual({ ticketId: ticket.id, jobId: expect.any(Number), status: 'expired' });
    expect(jobOf(hall, ticket.id)).toMatchObject({ status: 'expired', attempts: 0 });
  });

  it('prints nothing for tickets staff issue at a desk, and only once per ticket', async () => {
    printer = await FakePrinter.start();
    hall = await PrintHall.start();
    hall.retarget(printer.target);
    await hall.issue(1, await hall.login('clerk'));
    const res = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...bearer(hall.token('kiosk')), 'idempotency-key': 'same-tap' },
      payload: { serviceId: 1 },
    });
    const again = await hall.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...bearer(hall.token('kiosk')), 'idempotency-key': 'same-tap' },
      payload: { serviceId: 1 },
    });
    expect([res.statusCode, again.statusCode]).toEqual([201, 200]);
    await printer.waitForJobs(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(hall.jobs()).toHaveLength(1);
    expect(printer.jobs).toHaveLength(1);
  });

  it('prints a test page for an admin', async () => {
    printer = await FakePrinter.start();
    hall = await PrintHall.start();
    hall.retarget(printer.target);
    const admin = await hall.login('admin');
    const url = `/api/admin/printers/${hall.printer.id}/test`;
    expect((await hall.app.inject({ method: 'POST', url, headers: bearer(await hall.login('clerk')) })).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'POST', url: '/api/admin/printers/999/test', headers: bearer(admin) })).statusCode).toBe(404);
    const res = await hall.app.inject({ method: 'POST', url, headers: bearer(admin) });
    expect(res.statusCode).toBe(202);
    await printer.waitForJobs(1);
    expect(printer.tickets()).toHaveLength(1);
    expect(hall.jobs()[0]).toMatchObject({ id: res.json().jobId, ticketId: null, status: 'printed' });
  });
});

describe('/kiosk', () => {
  it('admits kiosk devices only', async () => {
    hall = await PrintHall.start();
    for (const auth of [{}, { token: 'dev_nope' }, { token: hall.token('display') }, { token: hall.token('printer') }]) {
      await expect(hall.connect('/kiosk', auth)).rejects.toThrow('unauthorized');
    }
  });

  it('tells a kiosk without a printer that it has none', async () => {
    hall = await PrintHall.start();
    hall.app.conn.db.update(printers).set({ kioskId: null }).run();
    const kiosk = await hall.connect('/kiosk', { token: hall.token('kiosk') });
    expect(await kiosk.inbox.next('printer')).toBeNull();
  });
});
