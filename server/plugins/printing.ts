import { eq } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { printers } from '../../db/schema.js';
import { statements } from '../hall/prepared.js';
import { notFound } from '../hall/errors.js';
import { getTicket } from '../hall/state.js';
import { ticketView } from '../hall/views.js';
import type { Ticket } from '../protocol/schemas.js';
import { encodeRaster } from '../printing/encode.js';
import { kioskPrinter, publicBase, ticketFacts } from '../printing/facts.js';
import { DEFAULT_PRINTING, PrintQueue, type JobRow, type PrintingOptions } from '../printing/queue.js';
import { RenderPool } from '../printing/pool.js';
import { renderPage, renderTicket, toPng } from '../printing/render.js';

declare module 'fastify' {
  interface FastifyInstance {
    printing: {
      /**
       * After a ticket and its print job are committed: draws the ticket on the render pool (never
       * in the request's way) and lets the queue print it. Never throws.
       */
      printTicket(hallId: number, ticket: Ticket, job: JobRow): void;
      /** The kiosk told the citizen to photograph `ticketId`: its job never prints. Answers the job. */
      cancelTicket(hallId: number, kioskId: number, ticketId: number): Promise<JobRow>;
      /** The ticket as it would print now, as a PNG, with `base` in its QR code. */
      receiptPng(hallId: number, ticketId: number, base: string, width?: number): Promise<Buffer>;
      /** Queues a sample ticket on a printer. */
      testPrint(hallId: number, printerId: number): JobRow;
      queue: PrintQueue;
    };
  }
}

export type { PrintingOptions };

/** Tickets on paper: render → encode → queue → transport (see server/printing/). */
export default fp<Partial<PrintingOptions> & Pick<PrintingOptions, 'fileDir'>>(
  async (app, opts) => {
    const options: PrintingOptions = { ...DEFAULT_PRINTING, ...opts };
    mkdirSync(options.fileDir, { recursive: true });
    const { conn } = app;
    const log = app.log.child({ module: 'printing' });
    const pool = new RenderPool();
    const port = () => (app.server.address() as AddressInfo | null)?.port ?? 3000;

    function renderTicketJob(hallId: number, ticket: Ticket, printerId: number): Promise<Buffer> {
      const printer = queue.printer(printerId);
      if (!printer) throw notFound('printer', printerId);
      return pool.ticket(ticketFacts(conn, hallId, ticket, publicBase(conn, hallId, port())), printer.widthDots);
    }

    const queue = new PrintQueue(conn, app.now, log, options, {
      jobChanged(job, error) {
        if (job.ticketId == null) return;
        const issuer = statements(conn).ticket.get({ id: job.ticketId, hallId: job.hallId });
        if (issuer?.deviceId == null) return;
        app.realtime.publishPrintResult(issuer.deviceId, {
          ticketId: job.ticketId,
          jobId: job.id,
          status: job.status,
          ...(error ? { error } : {}),
        });
      },
      printerChanged: (printer) => app.realtime.publishPrinter(printer),
      // After a restart, the ticket as it stands now (its place in line may have moved).
      render: (job) => renderTicketJob(job.hallId, ticketView(conn, getTicket(conn, job.hallId, job.ticketId!), app.now()), job.printerId),
      agentConnected: (deviceId) => app.realtime.isAgentConnected(deviceId),
      sendToAgent: (deviceId, jobs) => app.realtime.sendPrintJobs(deviceId, jobs),
    });
    app.realtime.onAgent({
      connected: (deviceId) => queue.agentConnected(deviceId),
      disconnected: (deviceId) => queue.agentDisconnected(deviceId),
      status: (deviceId, status) => queue.agentStatus(deviceId, status),
      jobDone: (deviceId, answer) => queue.jobDone(deviceId, answer),
    });

    app.decorate('printing', {
      printTicket(hallId: number, ticket: Ticket, job: JobRow) {
        queue.ticketJob(job, () => renderTicketJob(hallId, ticket, job.printerId));
      },

      async cancelTicket(hallId: number, kioskId: number, ticketId: number) {
        // Only the kiosk's own tickets: another's answers as if it did not exist.
        if (getTicket(conn, hallId, ticketId).deviceId !== kioskId) throw notFound('ticket', ticketId);
        const job = await queue.cancelTicket(ticketId);
        if (!job) throw notFound('print job of ticket', ticketId);
        return job;
      },

      async receiptPng(hallId: number, ticketId: number, base: string, width?: number) {
        const row = getTicket(conn, hallId, ticketId);
        const paper = width ?? (row.deviceId != null ? kioskPrinter(conn, row.deviceId)?.widthDots : undefined) ?? 576;
        const facts = ticketFacts(conn, hallId, ticketView(conn, row, app.now()), base);
        return toPng(renderTicket(facts, paper));
      },

      testPrint(hallId: number, printerId: number) {
        const printer = conn.db.select().from(printers).where(eq(printers.id, printerId)).get();
        if (!printer || printer.hallId !== hallId) throw notFound('printer', printerId);
        const raster = renderPage(printer.widthDots, (l) => {
          l.text('title', 'طباعة تجريبية', 40, 'ar', true);
          l.text('title-en', 'Test print', 36, 'en', true);
          l.rule();
          l.text('printer', printer.name, 28, 'ar');
          l.text('width', `${printer.widthDots} dots`, 24, 'en');
          l.gap(12);
          l.qr(publicBase(conn, hallId, port()));
        });
        return queue.add(hallId, printer.id, null, encodeRaster(raster));
      },

      queue,
    });

    app.addHook('onReady', async () => queue.start());
    app.addHook('preClose', async () => {
      await queue.stop();
      await pool.close();
    });
  },
  { name: 'printing', dependencies: ['db', 'clock', 'realtime'] },
);
