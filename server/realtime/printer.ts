import { and, asc, eq } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import { printers, type printJobs } from '../../db/schema.js';
import { JobDone, KioskPrinter, PrinterStatus, PrintJobMessage } from '../protocol/schemas.js';
import { attempt, deviceOf, emitChecked, guard, rooms, type Ctx, type Emitter } from './common.js';

// /printer: print agents next to USB printers. Jobs live in print_jobs, so a job made while its
// agent is away waits there and goes out when the agent connects (if it is still fresh: the
// print queue decides). The agent answers each job with `job:done {id, ok, error?}` and reports
// its printer with `status {status}`. What those mean for the job is the print queue's business
// (server/printing/queue.ts), which alone changes a job's status; this file only speaks the protocol.

export type JobAnswer = z.infer<typeof JobDone>;

/** What the print queue hears from agents. */
export interface AgentEvents {
  connected(deviceId: number): void;
  /** The agent's last connection closed. */
  disconnected(deviceId: number): void;
  status(deviceId: number, status: PrinterStatus): void;
  jobDone(deviceId: number, answer: JobAnswer): void;
}

interface PrinterData {
  hallId: number;
  deviceId: number;
}

function admit(ctx: Ctx, socket: Socket): boolean {
  const p = deviceOf(ctx, socket, 'printer');
  if (!p) return false;
  const data: PrinterData = { hallId: p.hallId, deviceId: p.deviceId };
  socket.data = data;
  return true;
}

/** The agent's newest connection, or none when it is offline. */
function agentSocket(nsp: Namespace, deviceId: number): Socket | undefined {
  const ids = nsp.adapter.rooms.get(rooms.printer(deviceId));
  const last = ids ? [...ids].at(-1) : undefined;
  return last ? nsp.sockets.get(last) : undefined;
}

export const isAgentConnected = (nsp: Namespace, deviceId: number) => agentSocket(nsp, deviceId) !== undefined;

/** A job as the agent gets it: its id and bytes. */
export type PrintJob = Pick<typeof printJobs.$inferSelect, 'id' | 'data'>;

/** Sends the agent jobs the print queue marked sent (if it went away meanwhile, they are sent again when it is back). */
export function sendPrintJobs(ctx: Ctx, nsp: Namespace, deviceId: number, jobs: PrintJob[]): void {
  const socket = agentSocket(nsp, deviceId);
  if (!socket) return;
  for (const job of jobs) emitChecked(ctx, socket, 'job', PrintJobMessage, { id: job.id, data: job.data.toString('base64') });
}

/** `printer {printerId, name, status}` for staff (a kiosk hears its own printer on /kiosk). */
export function emitPrinterStatus(ctx: Ctx, target: Emitter, printer: typeof printers.$inferSelect): void {
  emitChecked(ctx, target, 'printer', KioskPrinter.unwrap(), { printerId: printer.id, name: printer.name, status: printer.status });
}

/** Every printer of the hall, to a staff socket that just connected. */
export function sendPrinterStatuses(ctx: Ctx, socket: Socket, hallId: number): void {
  const rows = ctx.conn.db
    .select()
    .from(printers)
    .where(and(eq(printers.hallId, hallId), eq(printers.active, true)))
    .orderBy(asc(printers.id))
    .all();
  for (const p of rows) emitPrinterStatus(ctx, socket, p);
}

export function attachPrinter(nsp: Namespace, ctx: Ctx, events: AgentEvents): Namespace {
  nsp.use(guard(ctx, '/printer', (socket) => admit(ctx, socket)));
  nsp.on('connection', (socket) => {
    const { deviceId } = socket.data as PrinterData;
    void socket.join(rooms.printer(deviceId));
    socket.on('job:done', (payload: unknown) =>
      attempt(ctx, 'job:done', () => {
        const parsed = JobDone.safeParse(payload);
        if (parsed.success) events.jobDone(deviceId, parsed.data);
        else ctx.log.warn({ issues: parsed.error.issues }, 'printer agent sent an invalid job:done');
      }),
    );
    socket.on('status', (payload: unknown) =>
      attempt(ctx, 'printer status', () => {
        const status = PrinterStatus.safeParse((payload as { status?: unknown } | null)?.status);
        if (status.success) events.status(deviceId, status.data);
        else ctx.log.warn('printer agent sent an invalid status');
      }),
    );
    socket.on('disconnect', () =>
      attempt(ctx, 'printer disconnect', () => {
        if (!agentSocket(nsp, deviceId)) events.disconnected(deviceId);
      }),
    );
    attempt(ctx, 'printer connect', () => events.connected(deviceId));
  });
  return nsp;
}
