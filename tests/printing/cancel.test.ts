import { afterEach, describe, expect, it } from 'vitest';
import { printJobs } from '../../db/schema.js';
import { bearer } from '../helpers/hall.js';
import { FakePrinter } from './fake-printer.js';
import { PrintHall } from './live.js';

// The kiosk tells the citizen "photograph your number, the printer is not working" and cancels
// the ticket's print job: when the printer comes back, that ticket never prints into the tray
// of whoever stands there by then.

let hall: PrintHall | undefined;
let printer: FakePrinter | undefined;

afterEach(async () => {
  await hall?.close();
  await printer?.off();
  hall = printer = undefined;
});

const cancel = (h: PrintHall, ticketId: number | string, token: string) =>
  h.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/print/cancel`, headers: bearer(token) });

describe('cancelling a ticket’s printing from its kiosk', () => {
  it('never prints the ticket once the kiosk told its citizen to photograph it', async () => {
    printer = await FakePrinter.start();
    await printer.off();
    hall = await PrintHall.start();
    hall.retarget(printer.target);
    const kioskToken = hall.token('kiosk');
    const kiosk = await hall.connect('/kiosk', { token: kioskToken });

    const { ticket } = await hall.issue();
    // The kiosk hears its printer is down (the first attempt failed): it shows the notice and cancels.
    await kiosk.inbox.next('printer', (p) => p?.status === 'offline', 10_000);
    const res = await cancel(hall, ticket.id, kioskToken);
    expect(res.statusCode).toBe(200);
    const job = hall.jobs().find((j) => j.ticketId === ticket.id)!;
    expect(res.json()).toEqual({ ticketId: ticket.id, jobId: job.id, status: 'cancelled' });
    // Asked again (a retry of a lost answer), the same answer.
    expect((await cancel(hall, ticket.id, kioskToken)).json()).toEqual(res.json());

    // The printer comes back; the next citizen's ticket prints, the cancelled one never does.
    await printer.on();
    const next = (await hall.issue()).ticket;
    await printer.waitForJobs(1, 10_000);
    await expect.poll(() => hall!.jobs().find((j) => j.ticketId === next.id)?.status).toBe('printed');
    await new Promise((r) => setTimeout(r, 500)); // past the cancelled job's back-off
    expect(printer.tickets()).toHaveLength(1);
    expect(hall.jobs().find((j) => j.ticketId === ticket.id)).toMatchObject({ status: 'cancelled', printedAt: null });
  });

  it('answers only the kiosk that issued the ticket, and names what is wrong', async () => {
    hall = await PrintHall.start();
    const { ticket } = await hall.issue();
    const admin = await hall.login('admin');
    const other = await hall.app.inject({ method: 'POST', url: '/api/admin/devices', headers: bearer(admin), payload: { kind: 'kiosk', name: 'كشك آخر' } });
    const otherKiosk = other.json().token as string;

    const foreign = await cancel(hall, ticket.id, otherKiosk);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'not_found', message: `ticket ${ticket.id} not found` });
    expect((await cancel(hall, ticket.id, admin)).statusCode).toBe(403);
    expect((await cancel(hall, 'abc', hall.token('kiosk'))).statusCode).toBe(400);

    // A ticket of a kiosk without a printer has no job to cancel.
    const plain = await hall.issue(1, otherKiosk);
    const none = await cancel(hall, plain.ticket.id, otherKiosk);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toMatch(/print job/);
    // Nothing was cancelled by the refused calls.
    expect(hall.jobs().find((j) => j.ticketId === ticket.id)?.status).not.toBe('cancelled');
  });

  it('never sends a job cancelled just as its printer takes it, before or after it is marked sent', async () => {
    printer = await FakePrinter.start();
    hall = await PrintHall.start();
    hall.retarget(printer.target);
    const { queue } = hall.app.printing;
    const clerk = await hall.login('clerk');
    // A ticket from a desk (no kiosk, no job of its own) and a job for it, as the queue keeps them.
    const waitingJob = async () => {
      const { ticket } = await hall!.issue(1, clerk);
      const now = Date.now();
      hall!.app.conn.db
        .insert(printJobs)
        .values({ hallId: hall!.app.hallId, printerId: hall!.printer.id, ticketId: ticket.id, data: Buffer.from([0x1b, 0x40]), createdAt: now, updatedAt: now })
        .run();
      return ticket.id as number;
    };
    const jobOf = (ticketId: number) => hall!.jobs().find((j) => j.ticketId === ticketId)!;

    // The cancel comes first in the commit that would mark the job sent.
    const first = await waitingJob();
    queue.kick(hall.printer.id);
    await queue.cancelTicket(first);
    // The lane marks the job sent, then the cancel, in one commit: it checks again before sending.
    const second = await waitingJob();
    queue.kick(hall.printer.id);
    for (let i = 0; i < 20; i++) await Promise.resolve(); // the lane asks for its commit first
    await queue.cancelTicket(second);

    await new Promise((r) => setTimeout(r, 300));
    expect(jobOf(first)).toMatchObject({ status: 'cancelled', attempts: 0 });
    expect(jobOf(second)).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(printer.jobs).toHaveLength(0);
  });
});
