import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { printers } from '../../db/schema.js';
import { FakePrinter } from './fake-printer.js';
import { PrintHall } from './live.js';

// The print agent end to end: the real CLI as a child process, between a listening hall and a
// fake network printer. The demo printer is `agent:<printer device>`, bound to the demo kiosk.

let hall: PrintHall | undefined;
let printer: FakePrinter | undefined;
let agent: ChildProcess | undefined;
let output = '';

afterEach(async () => {
  if (agent && agent.exitCode === null) {
    agent.kill('SIGKILL');
    await new Promise((r) => agent!.once('exit', r));
  }
  await hall?.close();
  await printer?.off();
  hall = printer = agent = undefined;
  output = '';
});

function startAgent(url: string, token: string, target: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/print-agent/cli.ts', '--server', url, '--printer', target, '--status-every', '200'], {
    env: { ...process.env, DAWR_PRINTER_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  return child;
}

const statusOf = (h: PrintHall) => h.app.conn.db.select().from(printers).where(eq(printers.id, h.printer.id)).get()!.status;

describe('print agent', () => {
  it('prints what waited for it and what comes next, answers job:done, reports status, survives a server restart', async () => {
    printer = await FakePrinter.start();
    hall = await PrintHall.start();
    const token = hall.token('printer');
    const kioskToken = hall.token('kiosk');
    const kiosk = await hall.connect('/kiosk', { token: kioskToken });

    // A ticket taken before the agent runs waits for it.
    const early = (await hall.issue()).ticket;
    agent = startAgent(hall.url, token, printer.target);
    await printer.waitForJobs(1, 15_000).catch((err) => {
      throw new Error(`${err.message}\nagent said:\n${output}`);
    });
    await expect.poll(() => hall!.jobs().find((j) => j.ticketId === early.id)?.status).toBe('printed');
    expect(await kiosk.inbox.next('print', (p) => p.status === 'printed')).toMatchObject({ ticketId: early.id });
    await expect.poll(() => statusOf(hall!)).toBe('online');

    // A ticket taken while it runs goes straight out.
    const next = (await hall.issue(2)).ticket;
    await printer.waitForJobs(2);
    await expect.poll(() => hall!.jobs().find((j) => j.ticketId === next.id)?.status).toBe('printed');
    expect(printer.tickets()).toHaveLength(2);

    // The printer goes away: the agent says so, and the ticket waits; it comes back: printed.
    await printer.off();
    await expect.poll(() => statusOf(hall!), { timeout: 5000 }).toBe('offline');
    const held = (await hall.issue(3)).ticket;
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.jobs).toHaveLength(2);
    await printer.on();
    await printer.waitForJobs(3, 5000);
    await expect.poll(() => hall!.jobs().find((j) => j.ticketId === held.id)?.status).toBe('printed');

    // The server restarts on the same port and data: the agent comes back by itself.
    const { dataDir, port } = hall;
    await hall.close({ keepData: true });
    hall = await PrintHall.start({ dataDir, port });
    const after = (await hall.issue(1, kioskToken)).ticket;
    await printer.waitForJobs(4, 15_000).catch((err) => {
      throw new Error(`${err.message}\nagent said:\n${output}`);
    });
    await expect.poll(() => hall!.jobs().find((j) => j.ticketId === after.id)?.status).toBe('printed');
    expect(printer.tickets()).toHaveLength(4);
    expect(output).toMatch(/connected to/);

    // SIGTERM: it leaves cleanly, and the server sees its printer go offline.
    agent.kill('SIGTERM');
    const code = await new Promise((r) => agent!.once('exit', r));
    expect(code).toBe(0);
    await expect.poll(() => statusOf(hall!)).toBe('offline');
  });

  it('refuses to start without what it needs', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/print-agent/cli.ts', '--server', 'http://127.0.0.1:1', '--printer', 'lpt1'], {
      env: { ...process.env, DAWR_PRINTER_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/token/);
  });
});
