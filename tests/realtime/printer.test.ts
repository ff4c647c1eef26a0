import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printers, printJobs } from '../../db/schema.js';
import { LiveHall } from './client.js';

// /printer: a print agent gets the jobs of the printers that name it (`agent:<deviceId>`), even
// those made while it was away, and answers each with job:done.

let live: LiveHall;
let printerId: number;

beforeEach(async () => {
  live = await LiveHall.start();
  printerId = live.hall.app.conn.db.select().from(printers).where(eq(printers.target, `agent:${agentId()}`)).get()!.id;
});
afterEach(() => live.close());

function addJob(bytes: number[], targetPrinterId = printerId): number {
  const now = Date.now();
  return live.hall.app.conn.db
    .insert(printJobs)
    .values({ hallId: live.hall.app.hallId, printerId: targetPrinterId, data: Buffer.from(bytes), createdAt: now, updatedAt: now })
    .returning()
    .get().id;
}
const job = (id: number) => live.hall.app.conn.db.select().from(printJobs).where(eq(printJobs.id, id)).get()!;

describe('/printer', () => {
  it('delivers a job made while the agent was away, and records its answer', async () => {
    const id = addJob([0x1b, 0x40, 0x41, 0x0a]);
    const { socket, inbox } = await live.connect('/printer', { token: live.hall.tokens.printer });

    const sent = await inbox.next('job');
    expect(sent).toEqual({ id, data: Buffer.from([0x1b, 0x40, 0x41, 0x0a]).toString('base64') });
    // The queue marked it sent before the agent had it.
    expect(job(id)).toMatchObject({ status: 'sent', attempts: 1 });

    socket.emit('job:done', { id, ok: true });
    await expect.poll(() => job(id).status).toBe('printed');
    expect(job(id).lastError).toBeNull();
  });

  it('sends new jobs when told, and puts a failed one back in line with its error', async () => {
    const { socket, inbox } = await live.connect('/printer', { token: live.hall.tokens.printer });
    const id = addJob([0x41]);
    live.hall.app.printing.queue.kick(printerId);
    expect((await inbox.next('job')).id).toBe(id);
    expect(job(id)).toMatchObject({ status: 'sent', attempts: 1 });

    socket.emit('job:done', { id, ok: false, error: 'paper out' });
    await expect.poll(() => job(id).status).toBe('queued');
    expect(job(id).lastError).toBe('paper out');
    expect(job(id).nextAttemptAt).toBeGreaterThan(Date.now());
  });

  it('ignores answers about jobs that are not its own and malformed answers', async () => {
    const other = live.hall.app.conn.db
      .insert(printers)
      .values({ hallId: live.hall.app.hallId, name: 'network', target: 'tcp://127.0.0.1:9100' })
      .returning()
      .get();
    const foreign = addJob([0x42], other.id);
    const { socket, inbox } = await live.connect('/printer', { token: live.hall.tokens.printer });
    const mine = addJob([0x43]);

    socket.emit('job:done', { id: foreign, ok: true });
    socket.emit('job:done', { id: 'x', ok: 'yes' });
    socket.emit('job:done', null);
    live.hall.app.printing.queue.kick(printerId);
    expect((await inbox.next('job')).id).toBe(mine);
    socket.emit('job:done', { id: mine, ok: true });
    // The server handles one client's events in order: once this one is done, so are the others.
    await expect.poll(() => job(mine).status).toBe('printed');
    expect(job(foreign)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(inbox.all.filter((m) => m.event === 'job')).toHaveLength(1);
  });
});

function agentId(): number {
  return live.hall.app.seedReport!.devices.find((d) => d.kind === 'printer')!.id;
}
