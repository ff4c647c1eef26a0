import { and, asc, desc, eq, gt, inArray, isNull, lte, min, ne, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { inGroupCommit, type Connection } from '../../db/connection.js';
import { printers, printJobs } from '../../db/schema.js';
import type { PrinterStatus } from '../protocol/schemas.js';
import type { JobAnswer, PrintJob } from '../realtime/printer.js';
import { messageOf, parseTarget, transportFor, type Target, type Transport } from './transport.js';

// The print-job queue. Every job is a row first (queued; a ticket's is written in the ticket's own
// transaction), so an offline printer loses nothing and blocks nobody; each printer has one lane
// that prints its jobs in order, retrying the head with back-off while the printer is away; a job
// older than `expireAfterMs` is expired, never printed: a stale ticket would only confuse the next
// citizen at the kiosk. Only this queue changes a job's status, and the writes of a ticket's way
// to paper share the tickets' group commits. A ticket's receipt (64 KiB) is not stored: drawn on
// the render pool, it is kept in memory until its job is done, and drawn again after a restart.
//
//   queued → sent → printed       (sent: in flight to a direct printer, or held by an agent)
//   queued ← sent                 (the attempt failed: back-off, then again)
//   queued → expired              (too old)
//   queued → failed               (cannot print at all: printer switched off in the settings, bad target)
//   queued → cancelled            (the kiosk told its citizen to photograph the ticket instead)

export interface PrintingOptions {
  /** First retry after this; doubled at every failed attempt up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A job not printed this long after it was made is expired. */
  expireAfterMs: number;
  /** Connecting to and writing to a direct printer, each stall at most this. */
  sendTimeoutMs: number;
  /** How long a status probe waits for the printer's answer to DLE EOT 4. */
  statusTimeoutMs: number;
  /** How often direct printers are probed. */
  statusPollMs: number;
  /** The folder of file: printers (PRINT_FILE_DIR). */
  fileDir: string;
}

export const DEFAULT_PRINTING: Omit<PrintingOptions, 'fileDir'> = {
  retryBaseMs: 1000,
  retryMaxMs: 30_000,
  expireAfterMs: 3 * 60_000,
  sendTimeoutMs: 3000,
  statusTimeoutMs: 500,
  statusPollMs: 15_000,
};

export type JobRow = typeof printJobs.$inferSelect;
export type PrinterRow = typeof printers.$inferSelect;

export interface QueueHooks {
  /** A job changed status (or failed an attempt, with `error`). */
  jobChanged(job: JobRow, error?: string): void;
  printerChanged(printer: PrinterRow): void;
  /** A waiting ticket's receipt, drawn again (after a restart). */
  render(job: JobRow): Promise<Buffer>;
  /** Whether the agent is connected now (jobs go to it only then). */
  agentConnected(deviceId: number): boolean;
  /** Hands an agent jobs this queue just marked sent. */
  sendToAgent(deviceId: number, jobs: PrintJob[]): void;
}

const withoutBytes = sql`length(${printJobs.data}) = 0`;
const DONE: JobRow['status'][] = ['printed', 'failed', 'expired', 'cancelled'];

const p = (name: string) => sql.placeholder(name);
/** A placeholder where drizzle's types want SQL (an UPDATE's SET). */
const v = (name: string) => sql`${p(name)}`;

/** What every ticket's way to paper reads and writes, prepared once (as in server/hall/prepared.ts). */
function jobStatements({ db }: Connection) {
  const queuedOf = and(eq(printJobs.printerId, p('printerId')), eq(printJobs.status, 'queued'));
  return {
    printer: db.select().from(printers).where(eq(printers.id, p('id'))).prepare(),
    setStatus: db
      .update(printers)
      .set({ status: v('status') })
      .where(and(eq(printers.id, p('id')), ne(printers.status, p('status'))))
      .returning()
      .prepare(),
    job: db.select().from(printJobs).where(eq(printJobs.id, p('id'))).prepare(),
    /** The printer's next job in line. */
    head: db.select().from(printJobs).where(queuedOf).orderBy(asc(printJobs.id)).limit(1).prepare(),
    oldestQueued: db.select({ createdAt: min(printJobs.createdAt) }).from(printJobs).where(queuedOf).prepare(),
    /** The printer's queued jobs whose back-off is over and that are not too old, oldest first. */
    due: db
      .select()
      .from(printJobs)
      .where(and(queuedOf, or(isNull(printJobs.nextAttemptAt), lte(printJobs.nextAttemptAt, p('now'))), gt(printJobs.createdAt, p('after'))))
      .orderBy(asc(printJobs.id))
      .prepare(),
    sent: db
      .update(printJobs)
      .set({ status: 'sent', attempts: sql`${printJobs.attempts} + 1`, updatedAt: v('now') })
      .where(and(eq(printJobs.id, p('id')), eq(printJobs.status, 'queued')))
      .returning()
      .prepare(),
    /** On paper: also a job cancelled while its bytes were already on their way. */
    printed: db
      .update(printJobs)
      .set({ status: 'printed', printedAt: v('now'), lastError: null, nextAttemptAt: null, updatedAt: v('now') })
      .where(and(eq(printJobs.id, p('id')), inArray(printJobs.status, ['queued', 'sent', 'cancelled'])))
      .returning()
      .prepare(),
    retry: db
      .update(printJobs)
      .set({ status: 'queued', lastError: v('error'), nextAttemptAt: v('at'), updatedAt: v('now') })
      .where(and(eq(printJobs.id, p('id')), inArray(printJobs.status, ['queued', 'sent'])))
      .returning()
      .prepare(),
  };
}

/** One printer's lane: its work runs one piece at a time (many printers take one connection only). */
interface Lane {
  tail: Promise<void>;
  timer?: NodeJS.Timeout;
  draining: boolean;
  again: boolean;
}

export class PrintQueue {
  private readonly lanes = new Map<number, Lane>();
  /** The drawn receipts of waiting ticket jobs (their rows hold no bytes), by job id. */
  private readonly drawn = new Map<number, Buffer>();
  private pollTimer?: NodeJS.Timeout;
  private closing = false;
  private readonly statements: ReturnType<typeof jobStatements>;

  constructor(
    private readonly conn: Connection,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    readonly options: PrintingOptions,
    private readonly hooks: QueueHooks,
  ) {
    this.statements = jobStatements(conn);
  }

  /** After a restart: nothing is in flight any more, agents are away until they connect. */
  start(): void {
    const { db } = this.conn;
    db.update(printJobs).set({ status: 'queued', nextAttemptAt: null }).where(eq(printJobs.status, 'sent')).run();
    for (const p of db.select().from(printers).all()) {
      if (parseTarget(p.target)?.kind === 'agent') this.setStatus(p.id, 'offline');
    }
    // Nothing drawn survives a restart: the waiting tickets are drawn again, once the server listens.
    for (const job of db.select().from(printJobs).where(and(eq(printJobs.status, 'queued'), withoutBytes)).all()) {
      this.fill(job, () => new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.hooks.render(job)));
    }
    const waiting = db.selectDistinct({ id: printJobs.printerId }).from(printJobs).where(eq(printJobs.status, 'queued')).all();
    for (const { id } of waiting) this.kick(id);
    void this.poll();
  }

  async stop(): Promise<void> {
    this.closing = true;
    clearTimeout(this.pollTimer);
    for (const lane of this.lanes.values()) clearTimeout(lane.timer);
    // Receipts still being drawn are not waited for: their jobs stay queued, drawn again at the next start.
    await Promise.all([...this.lanes.values()].map((l) => l.tail));
  }

  /** A ticket's job, committed with the ticket: the kiosk hears it is queued; it prints once `draw` has drawn it. */
  ticketJob(job: JobRow, draw: () => Promise<Buffer>): void {
    this.hooks.jobChanged(job);
    this.fill(job, draw);
  }

  /** Draws a job's receipt; whatever goes wrong fails the job (never the kiosk's answer). */
  private fill(job: JobRow, draw: () => Promise<Buffer>): void {
    void Promise.resolve()
      .then(draw)
      .then(
        (data) => {
          if (!this.closing && this.job(job.id)?.status === 'queued') this.drawn.set(job.id, data);
        },
        async (err: unknown) => {
          if (this.closing) return;
          this.log.error({ err, jobId: job.id }, 'could not render a ticket for printing');
          const row = await this.transition(job.id, ['queued'], { status: 'failed', lastError: `the ticket could not be drawn: ${messageOf(err)}` });
          if (row) this.hooks.jobChanged(row, row.lastError!);
        },
      )
      .catch((err: unknown) => this.log.error({ err, jobId: job.id }, 'could not fail a ticket that could not be drawn'))
      .finally(() => this.kick(job.printerId));
  }

  /**
   * The kiosk told its citizen to photograph the ticket: its job never prints now (one on its way
   * to a network printer this very moment is past stopping). Answers the job as it stands.
   */
  async cancelTicket(ticketId: number): Promise<JobRow | undefined> {
    const job = this.conn.db.select().from(printJobs).where(eq(printJobs.ticketId, ticketId)).orderBy(desc(printJobs.id)).get();
    if (!job) return undefined;
    return (await this.transition(job.id, ['queued', 'sent'], { status: 'cancelled' })) ?? this.job(job.id);
  }

  printer(id: number): PrinterRow | undefined {
    return this.statements.printer.get({ id });
  }

  private job(id: number): JobRow | undefined {
    return this.statements.job.get({ id });
  }

  /** A job's ESC/POS bytes: its row's, or its drawn receipt's; none while it is being drawn. */
  private bytesOf(job: JobRow): Buffer | undefined {
    return job.data.length > 0 ? job.data : this.drawn.get(job.id);
  }

  private forget(rows: JobRow[]): void {
    for (const row of rows) if (DONE.includes(row.status)) this.drawn.delete(row.id);
  }

  /** Changes a job that is in one of `from`, in a group commit; answers it changed, or undefined. */
  private transition(id: number, from: JobRow['status'][], change: Partial<JobRow>): Promise<JobRow | undefined> {
    const now = this.now();
    return this.inCommit(() =>
      this.conn.db
        .update(printJobs)
        .set({ ...change, updatedAt: now })
        .where(and(eq(printJobs.id, id), inArray(printJobs.status, from)))
        .returning()
        .get(),
    );
  }

  /** A job's change in the next group commit; a job that is done has no receipt to keep. */
  private async inCommit(change: () => JobRow | undefined): Promise<JobRow | undefined> {
    const row = await inGroupCommit(this.conn, change);
    if (row) this.forget([row]);
    return row;
  }

  /** Stores a job and lets its printer's lane take it. */
  add(hallId: number, printerId: number, ticketId: number | null, data: Buffer): JobRow {
    const now = this.now();
    const job = this.conn.db
      .insert(printJobs)
      .values({ hallId, printerId, ticketId, status: 'queued', data, createdAt: now, updatedAt: now })
      .returning()
      .get();
    this.hooks.jobChanged(job);
    this.kick(printerId);
    return job;
  }

  /** Makes the printer's lane look at its jobs now. */
  kick(printerId: number): void {
    if (this.closing) return;
    const lane = this.lane(printerId);
    clearTimeout(lane.timer);
    if (lane.draining) {
      lane.again = true;
      return;
    }
    lane.draining = true;
    void this.inLane(printerId, () => this.drain(printerId)).finally(() => {
      lane.draining = false;
      if (lane.again) {
        lane.again = false;
        this.kick(printerId);
      }
    });
  }

  // Agents (through the /printer namespace).

  agentConnected(deviceId: number): void {
    for (const p of this.agentPrinters(deviceId)) {
      // Also what an earlier connection took and never answered (the agent skips what it printed).
      this.requeueSent(p.id);
      this.setStatus(p.id, 'online');
      this.kick(p.id);
    }
  }

  agentDisconnected(deviceId: number): void {
    for (const p of this.agentPrinters(deviceId)) {
      // Unanswered jobs go back in line; they go out again when the agent returns, if still fresh.
      this.requeueSent(p.id);
      this.setStatus(p.id, 'offline');
      this.kick(p.id);
    }
  }

  private requeueSent(printerId: number): void {
    this.conn.db
      .update(printJobs)
      .set({ status: 'queued', updatedAt: this.now() })
      .where(and(eq(printJobs.printerId, printerId), eq(printJobs.status, 'sent')))
      .run();
  }

  agentStatus(deviceId: number, status: PrinterStatus): void {
    for (const p of this.agentPrinters(deviceId)) {
      const changed = this.setStatus(p.id, status);
      if (changed && status === 'online') this.retryNow(p.id);
    }
  }

  /** An agent's answer: printed, or an attempt that failed and waits for its back-off. */
  jobDone(deviceId: number, answer: JobAnswer): void {
    const job = this.job(answer.id);
    const printer = job && this.printer(job.printerId);
    // Only the agent's own jobs, and only once: an answer to a finished job changes nothing.
    if (!job || !printer || printer.target !== `agent:${deviceId}`) return;
    const answered = answer.ok ? this.printed(job) : this.failedAttempt(job, answer.error ?? 'the print agent could not print');
    void answered
      .catch((err: unknown) => this.log.error({ err, jobId: job.id }, 'print queue: could not record an agent answer'))
      .finally(() => this.kick(printer.id));
  }

  // The lane.

  private lane(printerId: number): Lane {
    let lane = this.lanes.get(printerId);
    if (!lane) {
      lane = { tail: Promise.resolve(), draining: false, again: false };
      this.lanes.set(printerId, lane);
    }
    return lane;
  }

  private inLane<T>(printerId: number, work: () => Promise<T>): Promise<T | undefined> {
    const lane = this.lane(printerId);
    const run = lane.tail.then(work).catch((err: unknown) => {
      this.log.error({ err, printerId }, 'print queue: a printer lane failed');
      return undefined;
    });
    lane.tail = run.then(() => undefined);
    return run;
  }

  private async drain(printerId: number): Promise<void> {
    const printer = this.printer(printerId);
    if (!printer) return;
    this.expireStale(printerId);
    const target = parseTarget(printer.target);
    if (!printer.active) return this.failQueued(printerId, 'the printer is switched off in the settings');
    if (!target || target.kind === 'usb') return this.failQueued(printerId, `the server cannot print to ${printer.target}`);
    if (target.kind === 'agent') {
      // Nothing goes to an agent whose printer is out of paper or off: it says when it is back.
      if ((printer.status === 'online' || printer.status === 'unknown') && this.hooks.agentConnected(target.deviceId)) {
        const jobs = await this.markDueSent(printerId);
        if (jobs.length > 0) this.hooks.sendToAgent(target.deviceId, jobs);
      }
      return this.wakeForNext(printerId);
    }
    const transport = transportFor(target, this.options);
    while (!this.closing) {
      this.expireStale(printerId);
      const job = this.statements.head.get({ printerId });
      const data = job && this.bytesOf(job);
      if (!job || !data) return; // still being drawn: its bytes kick the lane
      if ((job.nextAttemptAt ?? 0) > this.now()) return this.wakeForNext(printerId);
      await this.attempt(printerId, target, transport, job, data);
    }
  }

  private async attempt(printerId: number, target: Target, transport: Transport, job: JobRow, data: Buffer): Promise<void> {
    const { options } = this;
    // A printer known to be out of paper would swallow the ticket: ask it first.
    if (this.statusOf(printerId) === 'paper_out') {
      const status = await transport.probe(options.statusTimeoutMs);
      this.setStatus(printerId, status);
      if (status !== 'online') return this.failedAttempt(job, status === 'paper_out' ? 'the printer is out of paper' : 'the printer is offline');
    }
    const sent = await this.inCommit(() => this.statements.sent.get({ id: job.id, now: this.now() }));
    // Cancelled by its kiosk meanwhile (also during the commit's fsync): it never prints.
    if (!sent || this.job(job.id)?.status !== 'sent') return;
    try {
      await transport.send(data, options.sendTimeoutMs);
    } catch (err) {
      this.log.info({ printerId, jobId: job.id, target: target.kind, err: messageOf(err) }, 'print attempt failed; will retry');
      this.setStatus(printerId, 'offline');
      return this.failedAttempt(sent, messageOf(err));
    }
    this.setStatus(printerId, 'online');
    await this.printed(job);
  }

  /** The agent's due jobs that are drawn, oldest first, marked sent. */
  private markDueSent(printerId: number): Promise<PrintJob[]> {
    const now = this.now();
    return inGroupCommit(this.conn, () =>
      this.statements.due.all({ printerId, now, after: now - this.options.expireAfterMs }).flatMap((job) => {
        const data = this.bytesOf(job);
        if (!data) return [];
        this.statements.sent.get({ id: job.id, now });
        return [{ id: job.id, data }];
      }),
    );
  }

  // Job transitions.

  /** On paper: also a job cancelled while its bytes were already on their way (the kiosk hears it printed after all). */
  private async printed(job: JobRow): Promise<void> {
    const row = await this.inCommit(() => this.statements.printed.get({ id: job.id, now: this.now() }));
    if (row) this.hooks.jobChanged(row);
  }

  /** Back in line after a failed attempt, not before its back-off (or expired, if it is too old by now). */
  private async failedAttempt(job: JobRow, error: string): Promise<void> {
    const { retryBaseMs, retryMaxMs } = this.options;
    const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, job.attempts - 1));
    const now = this.now();
    const row = await this.inCommit(() => this.statements.retry.get({ id: job.id, error: error.slice(0, 1000), at: now + backoff, now }));
    if (row && !this.expireStale(job.printerId).includes(row.id)) this.hooks.jobChanged(row, error);
  }

  /** Expires the printer's queued jobs that are too old; answers their ids. */
  private expireStale(printerId: number): number[] {
    const now = this.now();
    const oldest = this.statements.oldestQueued.get({ printerId })?.createdAt;
    if (oldest == null || oldest > now - this.options.expireAfterMs) return [];
    const rows = this.conn.db
      .update(printJobs)
      .set({ status: 'expired', updatedAt: now })
      .where(
        and(
          eq(printJobs.printerId, printerId),
          eq(printJobs.status, 'queued'),
          lte(printJobs.createdAt, now - this.options.expireAfterMs),
        ),
      )
      .returning()
      .all();
    this.forget(rows);
    for (const row of rows) {
      this.log.info({ printerId, jobId: row.id, attempts: row.attempts }, 'print job expired before it could print');
      this.hooks.jobChanged(row, row.lastError ?? undefined);
    }
    return rows.map((r) => r.id);
  }

  private failQueued(printerId: number, error: string): void {
    const rows = this.conn.db
      .update(printJobs)
      .set({ status: 'failed', lastError: error, updatedAt: this.now() })
      .where(and(eq(printJobs.printerId, printerId), eq(printJobs.status, 'queued')))
      .returning()
      .all();
    this.forget(rows);
    if (rows.length) this.log.warn({ printerId, jobs: rows.length, error }, 'print jobs failed');
    for (const row of rows) this.hooks.jobChanged(row, error);
  }

  /** Wakes the lane when its next queued job is due, or when the oldest must expire. */
  private wakeForNext(printerId: number): void {
    const queued = this.conn.db
      .select({ nextAttemptAt: printJobs.nextAttemptAt, createdAt: printJobs.createdAt })
      .from(printJobs)
      .where(and(eq(printJobs.printerId, printerId), eq(printJobs.status, 'queued')))
      .all();
    if (queued.length === 0 || this.closing) return;
    const now = this.now();
    const wakes = queued.map((j) => Math.min(j.createdAt + this.options.expireAfterMs, j.nextAttemptAt ?? Infinity));
    const lane = this.lane(printerId);
    clearTimeout(lane.timer);
    lane.timer = setTimeout(() => this.kick(printerId), Math.max(10, Math.min(...wakes) - now));
  }

  /** The printer is back: its waiting jobs need not sit out their back-off. */
  private retryNow(printerId: number): void {
    this.conn.db
      .update(printJobs)
      .set({ nextAttemptAt: null })
      .where(and(eq(printJobs.printerId, printerId), eq(printJobs.status, 'queued')))
      .run();
    this.kick(printerId);
  }

  // Printer status.

  private statusOf(printerId: number): PrinterStatus | undefined {
    return this.printer(printerId)?.status;
  }

  /** Stores a printer's status; on a change, tells the hooks and answers true. */
  private setStatus(printerId: number, status: PrinterStatus): boolean {
    const row = this.statements.setStatus.get({ id: printerId, status });
    if (!row) return false;
    this.log.info({ printerId, status }, 'printer status changed');
    this.hooks.printerChanged(row);
    return true;
  }

  private agentPrinters(deviceId: number): PrinterRow[] {
    return this.conn.db.select().from(printers).where(eq(printers.target, `agent:${deviceId}`)).all();
  }

  /** Probes every active direct printer, in its lane (never in the middle of a ticket). */
  private async poll(): Promise<void> {
    const direct = this.conn.db
      .select()
      .from(printers)
      .where(eq(printers.active, true))
      .all()
      .map((p) => ({ p, target: parseTarget(p.target) }))
      .filter((x): x is { p: PrinterRow; target: Exclude<Target, { kind: 'agent' }> } => !!x.target && x.target.kind !== 'agent' && x.target.kind !== 'usb');
    await Promise.all(
      direct.map(({ p, target }) =>
        this.inLane(p.id, async () => {
          if (this.closing) return;
          const status = await transportFor(target, this.options).probe(this.options.statusTimeoutMs);
          if (this.setStatus(p.id, status) && status === 'online') this.retryNow(p.id);
        }),
      ),
    );
    if (!this.closing) this.pollTimer = setTimeout(() => void this.poll(), this.options.statusPollMs);
  }
}
