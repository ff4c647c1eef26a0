import { and, asc, eq, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, type Connection } from '../../../db/connection.js';
import { devices, printers } from '../../../db/schema.js';
import { getDevice } from '../../hall/admin/devices.js';
import { notFound } from '../../hall/errors.js';
import { hallIdOf } from '../../plugins/auth.js';
import { localTargetProblem, parseTarget, type LocalTargets } from '../../printing/transport.js';
import { Id, IdParams } from '../../protocol/schemas.js';
import { changeBy, invalidField, recordAdminChange } from './record.js';
import { Printer, changes, printerView, text } from './views.js';

const WidthDots = z.literal([384, 576], { error: 'must be 384 or 576 (58 or 80 mm paper)' });

const CreatePrinter = z.object({
  name: text(100),
  target: text(300),
  widthDots: WidthDots.default(576),
  kioskId: Id.nullish(),
});

const PatchPrinter = z.object({
  name: text(100).optional(),
  target: text(300).optional(),
  widthDots: WidthDots.optional(),
  kioskId: Id.nullish(),
  active: z.boolean().optional(),
});

const TCP = /^tcp:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

/**
 * `tcp://host:port`, a printer device file (/dev/usb/lp<n>), `file:<path>` (a virtual printer,
 * in PRINT_FILE_DIR), or `agent:<id>` of a printer device of this hall.
 */
function checkTarget(conn: Connection, hallId: number, target: string, fileTargets: LocalTargets) {
  const bad = (why: string) => invalidField('target', 'printer_target', `${JSON.stringify(target)}: ${why}`);
  const tcp = TCP.exec(target);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) throw bad('port must be 1 to 65535');
    return;
  }
  const local = parseTarget(target);
  if (local?.kind === 'file' || local?.kind === 'device') {
    if (/[\0\r\n]/.test(local.path)) throw bad('not a file path');
    const problem = localTargetProblem(local, fileTargets);
    if (problem) throw bad(problem);
    return;
  }
  const agent = /^agent:(\d{1,15})$/.exec(target);
  if (agent) {
    const id = Number(agent[1]);
    const device = conn.db
      .select()
      .from(devices)
      .where(and(eq(devices.id, id), eq(devices.hallId, hallId)))
      .get();
    if (!device) throw bad(`no device ${id}`);
    if (device.kind !== 'printer') throw bad(`device ${id} is a ${device.kind}, not a printer agent`);
    if (device.revokedAt != null) throw bad(`device ${id} is revoked`);
    return;
  }
  throw bad('must be tcp://host:port, /dev/usb/lp<n>, file:<absolute path in PRINT_FILE_DIR>, or agent:<printerDeviceId>');
}

function checkKiosk(conn: Connection, hallId: number, kioskId: number) {
  const device = getDevice(conn, hallId, kioskId);
  if (device.kind !== 'kiosk') throw invalidField('kioskId', 'not_kiosk', `device ${kioskId} is a ${device.kind}, not a kiosk`);
}

/** A kiosk prints on one printer: binding it here unbinds it from any other. */
function takeKiosk({ db }: Connection, kioskId: number, printerId: number) {
  db.update(printers)
    .set({ kioskId: null })
    .where(and(eq(printers.kioskId, kioskId), ne(printers.id, printerId)))
    .run();
}

export default async function printerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conn } = app;

  app.post('/printers', { schema: { body: CreatePrinter, response: { 201: Printer } } }, async (request, reply) => {
    const by = changeBy(request);
    const { hallId } = by;
    const { name, target, widthDots, kioskId } = request.body;
    const printer = inTransaction(conn, () => {
      checkTarget(conn, hallId, target, app.printing.queue.options);
      if (kioskId != null) checkKiosk(conn, hallId, kioskId);
      const row = conn.db
        .insert(printers)
        .values({ hallId, name, target, widthDots, kioskId: kioskId ?? null })
        .returning()
        .get();
      if (kioskId != null) takeKiosk(conn, kioskId, row.id);
      recordAdminChange(conn, { ...by, action: 'create', entity: 'printer', entityId: row.id, details: { label: name, ...request.body } });
      return row;
    });
    return reply.status(201).send(printerView(printer));
  });

  app.get('/printers', { schema: { response: { 200: z.array(Printer) } } }, async (request) =>
    conn.db
      .select()
      .from(printers)
      .where(eq(printers.hallId, hallIdOf(request)))
      .orderBy(asc(printers.id))
      .all()
      .map(printerView),
  );

  app.patch('/printers/:id', { schema: { params: IdParams, body: PatchPrinter, response: { 200: Printer } } }, async (request) => {
    const by = changeBy(request);
    const { hallId } = by;
    const { name, target, widthDots, kioskId, active } = request.body;
    const printer = inTransaction(conn, () => {
      const found = conn.db
        .select()
        .from(printers)
        .where(and(eq(printers.id, request.params.id), eq(printers.hallId, hallId)))
        .get();
      if (!found) throw notFound('printer', request.params.id);
      if (target !== undefined) checkTarget(conn, hallId, target, app.printing.queue.options);
      if (kioskId != null) checkKiosk(conn, hallId, kioskId);
      const set = changes({ name, target, widthDots, kioskId, active });
      if (!set) return found;
      const row = conn.db.update(printers).set(set).where(eq(printers.id, found.id)).returning().get();
      if (kioskId != null) takeKiosk(conn, kioskId, row.id);
      recordAdminChange(conn, { ...by, action: 'update', entity: 'printer', entityId: found.id, details: { label: found.name, ...request.body } });
      return row;
    });
    // Kiosks hear their (new) printer, and the queue tries the new target at once.
    app.realtime.publishPrinter(printer);
    app.printing.queue.kick(printer.id);
    return printerView(printer);
  });
}
