import { eq } from 'drizzle-orm';
import fp from 'fastify-plugin';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { printers } from '../../db/schema.js';
import { statements } from '../hall/prepared.js';
import type { Actor } from '../hall/effects.js';
import { notFound } from '../hall/errors.js';
import { getTicket } from '../hall/state.js';
import { ticketView } from '../hall/views.js';
import type { Ticket } from '../protocol/schemas.js';
import { encodeRaster } from '../printing/encode.js';
import { kioskPrinter, publicBase, ticketFacts } from '../printing/facts.js';
import { DEFAULT_PRINTING, PrintQueue, type JobRow, type PrintingOptions } from '../printing/queue.js';
import { renderPage, renderTicket, toPng } from '../printing/render.js';

declare module 'fastify' {
  interface FastifyInstance {
    printing: {
      /**
       * After a ticket is committed: renders it and queues it on the printer of the kiosk that
       * issued it, after the answer has gone (never in the request's way). Never throws.
       */
      printTicket(hallId: number, ticket: Ticket, actor: Actor): void;
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
      sendToAgent: (deviceId, createdAfter) => app.realtime.sendPrintJobs(deviceId, { createdAfter }),
    });
    app.realtime.onAgent({
      connected: (deviceId) => queue.agentConnected(deviceId),
      disconnected: (deviceId) => queue.agentDisconnected(deviceId),
      status: (deviceId, status) => queue.agentStatus(deviceId, status),
      jobDone: (deviceId, answer) => queue.jobDone(deviceId, answer),
    });

    let closing = false;
    const port = () => (app.server.address() as AddressInfo | null)?.port ?? 3000;

    function queueTicket(hallId: number, ticket: Ticket, kioskId: number): void {
      const printer = kioskPrinter(conn, kioskId);
      if (!printer) return;
      // No look for an earlier job of the ticket: only its creation prints it (a replayed
      // Idempotency-Key answers 200 and prints nothing), so each ticket comes here once.
      const facts = ticketFacts(conn, hallId, ticket, publicBase(conn, hallId, port()));
      queue.add(hallId, printer.id, ticket.id, encodeRaster(renderTicket(facts, printer.widthDots)));
    }

    app.decorate('printing', {
      printTicket(hallId: number, ticket: Ticket, actor: Actor) {
        const kioskId = actor.deviceId;
        if (kioskId == null) return; // staff at a desk have no kiosk printer
        setImmediate(() => {
          if (closing) return;
          try {
            queueTicket(hallId, ticket, kioskId);
          } catch (err) {
            log.error({ err, ticketId: ticket.id }, 'could not queue a ticket for printing');
          }
        });
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
      closing = true;
      await queue.stop();
    });
  },
  { name: 'printing', dependencies: ['db', 'clock', 'realtime'] },
);
