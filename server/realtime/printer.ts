import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import type { z } from 'zod';
import { inTransaction } from '../../db/connection.js';
import { printers, printJobs } from '../../db/schema.js';
import { JobDone, KioskPrinter, PrinterStatus, PrintJobMessage } from '../protocol/schemas.js';
import { attempt, deviceOf, emitChecked, guard, rooms, type Ctx, type Emitter } from './common.js';

// /printer: print agents next to USB printers. Jobs live in print_jobs, so a job made while its
// agent is away waits there and goes out when the agent connects (if it is still fresh: the
// print queue decides). The agent answers each job with `job:done {id, ok, error?}` and reports
// its printer with `status {status}`. What those mean for the job is the print queue's business
// (server/printing/queue.ts); this file only speaks the protocol.

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

const agentTarget = (deviceId: number) => `agent:${deviceId}`;

function admit(ctx: Ctx, socket: Socket): boolean {
  const p = deviceOf(ctx, socket, 'printer');
  if (!p) return false;
  const data: PrinterData = { hallId: p.hallId, deviceId: p.deviceId };
  socket.data = data;
  return true;
}

/** The ids of the printers an agent drives. */
function agentPrinterIds(ctx: Ctx, deviceId: number): number[] {
  return ctx.conn.db
    .select({ id: printers.id })
    .from(printers)
    .where(eq(printers.target, agentTarget(deviceId)))
    .all()
    .map((p) => p.id);
}

/** The agent's newest connection, or none when it is offline. */
function agentSocket(nsp: Namespace, deviceId: number): Socket | undefined {
  const ids = nsp.adapter.rooms.get(rooms.printer(deviceId));
  const last = ids ? [...ids].at(-1) : undefined;
  return last ? nsp.sockets.get(last) : undefined;
}

export const isAgentConnected = (nsp: Namespace, deviceId: number) => agentSocket(nsp, deviceId) !== undefined;

export interface SendOptions {
  /** Also jobs sent before but never answered (the agent went away before it could). */
  resend?: boolean;
  /** Only jobs made after this instant (older ones are stale: the queue expires them). */
  createdAfter?: number;
}

/**
 * Sends the agent its queued jobs that are due (not backing off after a failure), oldest
 * first, marking them sent. No agent, no change; answers how many went out.
 */
export function sendPrintJobs(ctx: Ctx, nsp: Namespace, deviceId: number, opts: SendOptions = {}): number {
  const socket = agentSocket(nsp, deviceId);
  if (!socket) return 0;
  const printerIds = agentPrinterIds(ctx, deviceId);
  if (printerIds.length === 0) return 0;
  const now = ctx.now();
  const jobs = inTransaction(ctx.conn, () => {
    const rows = ctx.conn.db
      .select()
      .from(printJobs)
      .where(
        and(
          inArray(printJobs.printerId, printerIds),
          or(
            and(eq(printJobs.status, 'queued'), or(isNull(printJobs.nextAttemptAt), lte(printJobs.nextAttemptAt, now))),
            opts.resend ? eq(printJobs.status, 'sent') : undefined,
          ),
          opts.createdAfter !== undefined ? gt(printJobs.createdAt, opts.createdAfter) : undefined,
        ),
      )
      .orderBy(asc(printJobs.id))
      .all();
    for (const job of rows) {
      ctx.conn.db
        .update(printJobs)
        .set({ status: 'sent', attempts: job.attempts + 1, updatedAt: now })
        .where(eq(printJobs.id, job.id))
        .run();
    }
    return rows;
  });
  for (const job of jobs) emitChecked(ctx, socket, 'job', PrintJobMessage, { id: job.id, data: job.data.toString('base64') });
  return jobs.length;
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
