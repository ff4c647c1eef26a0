import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import { inTransaction } from '../../db/connection.js';
import { printers, printJobs } from '../../db/schema.js';
import { authenticateToken } from '../auth/principal.js';
import { JobDone, PrintJobMessage } from '../protocol/schemas.js';
import { attempt, authString, emitChecked, guard, rooms, type Ctx } from './common.js';

// /printer: print agents next to USB printers. Jobs live in print_jobs, so a job made while its
// agent is away waits there and goes out when the agent connects. The agent answers each job
// with `job:done {id, ok, error?}`.


interface PrinterData {
  hallId: number;
  deviceId: number;
}

const agentTarget = (deviceId: number) => `agent:${deviceId}`;

function admit(ctx: Ctx, socket: Socket): boolean {
  const token = authString(socket, 'token');
  const p = token ? authenticateToken(ctx.conn, token, ctx.now()) : null;
  if (p?.kind !== 'device' || p.deviceKind !== 'printer') return false;
  const data: PrinterData = { hallId: p.hallId, deviceId: p.deviceId };
  socket.data = data;
  return true;
}

/** The ids of the printers this agent drives. */
function agentPrinterIds(ctx: Ctx, d: PrinterData): number[] {
  return ctx.conn.db
    .select({ id: printers.id })
    .from(printers)
    .where(and(eq(printers.hallId, d.hallId), eq(printers.target, agentTarget(d.deviceId))))
    .all()
    .map((p) => p.id);
}

/** The agent's newest connection, or none when it is offline. */
function agentSocket(nsp: Namespace, deviceId: number): Socket | undefined {
  const ids = nsp.adapter.rooms.get(rooms.printer(deviceId));
  const last = ids ? [...ids].at(-1) : undefined;
  return last ? nsp.sockets.get(last) : undefined;
}

/**
 * Sends the agent its pending jobs (with `resend`, also those sent before but never answered:
 * the agent went away before it could), oldest first, marking them sent. No agent, no change.
 */
export function sendPrintJobs(ctx: Ctx, nsp: Namespace, deviceId: number, resend = false): number {
  const socket = agentSocket(nsp, deviceId);
  if (!socket) return 0;
  const d = socket.data as PrinterData;
  const printerIds = agentPrinterIds(ctx, d);
  if (printerIds.length === 0) return 0;
  const statuses: ('pending' | 'sent')[] = resend ? ['pending', 'sent'] : ['pending'];
  const jobs = inTransaction(ctx.conn, () => {
    const rows = ctx.conn.db
      .select()
      .from(printJobs)
      .where(and(inArray(printJobs.printerId, printerIds), inArray(printJobs.status, statuses)))
      .orderBy(asc(printJobs.id))
      .all();
    const now = ctx.now();
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

function onJobDone(ctx: Ctx, socket: Socket, payload: unknown): void {
  const parsed = JobDone.safeParse(payload);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues }, 'printer agent sent an invalid job:done');
    return;
  }
  const { id, ok, error } = parsed.data;
  const printerIds = agentPrinterIds(ctx, socket.data as PrinterData);
  if (printerIds.length === 0) return;
  // Only this agent's jobs, and only once: an answer to a finished job changes nothing.
  ctx.conn.db
    .update(printJobs)
    .set({ status: ok ? 'done' : 'failed', lastError: ok ? null : (error ?? 'failed'), updatedAt: ctx.now() })
    .where(and(eq(printJobs.id, id), inArray(printJobs.printerId, printerIds), inArray(printJobs.status, ['pending', 'sent'])))
    .run();
}

export function attachPrinter(nsp: Namespace, ctx: Ctx): Namespace {
  nsp.use(guard(ctx, '/printer', (socket) => admit(ctx, socket)));
  nsp.on('connection', (socket) => {
    const d = socket.data as PrinterData;
    void socket.join(rooms.printer(d.deviceId));
    socket.on('job:done', (payload: unknown) => attempt(ctx, 'job:done', () => onJobDone(ctx, socket, payload)));
    attempt(ctx, 'printer connect', () => sendPrintJobs(ctx, nsp, d.deviceId, true));
  });
  return nsp;
}
