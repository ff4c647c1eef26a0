import type { Namespace, Socket } from 'socket.io';
import type { printers } from '../../db/schema.js';
import { kioskPrinter } from '../printing/facts.js';
import { KioskPrinter, PrintResult } from '../protocol/schemas.js';
import { attempt, deviceOf, emitChecked, guard, type Ctx } from './common.js';

// /kiosk: a kiosk hears about its printer (`printer`: the printer bound to it, or null; on
// connect and on every change) and about the tickets it issued (`print`: queued, printed,
// failed or expired), so that it can tell the citizen when a ticket did not come out.

interface KioskData {
  hallId: number;
  deviceId: number;
}

const kioskRoom = (deviceId: number) => `kiosk-device:${deviceId}`;

function admit(ctx: Ctx, socket: Socket): boolean {
  const p = deviceOf(ctx, socket, 'kiosk');
  if (!p) return false;
  const data: KioskData = { hallId: p.hallId, deviceId: p.deviceId };
  socket.data = data;
  return true;
}

function printerView(printer: typeof printers.$inferSelect | undefined): KioskPrinter {
  return printer ? { printerId: printer.id, name: printer.name, status: printer.status } : null;
}

export function attachKiosk(nsp: Namespace, ctx: Ctx): Namespace {
  nsp.use(guard(ctx, '/kiosk', (socket) => admit(ctx, socket)));
  nsp.on('connection', (socket) => {
    const { deviceId } = socket.data as KioskData;
    void socket.join(kioskRoom(deviceId));
    attempt(ctx, 'kiosk printer', () =>
      emitChecked(ctx, socket, 'printer', KioskPrinter, printerView(kioskPrinter(ctx.conn, deviceId))),
    );
  });
  return nsp;
}

/** The kiosk's printer as it is now (after a status change, or a change of binding). */
export function publishKioskPrinter(ctx: Ctx, nsp: Namespace, kioskId: number): void {
  emitChecked(ctx, nsp.to(kioskRoom(kioskId)), 'printer', KioskPrinter, printerView(kioskPrinter(ctx.conn, kioskId)));
}

export function publishPrintResult(ctx: Ctx, nsp: Namespace, kioskId: number, result: PrintResult): void {
  emitChecked(ctx, nsp.to(kioskRoom(kioskId)), 'print', PrintResult, result);
}
