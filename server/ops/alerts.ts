import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isoInZone } from '../engine/clock.js';
import { getHall } from '../hall/state.js';
import { emitChecked, rooms } from '../realtime/common.js';

// `alert` on /staff: something the staff must know now that no ticket change shows (the
// database cannot be written, a backup failed).

export const StaffAlert = z.object({
  kind: z.enum(['storage', 'backup']),
  /** storage: full, readonly, io, cantopen, corrupt; backup: failed. */
  cause: z.string().optional(),
  message: z.string(),
  at: z.string(),
});
export type StaffAlert = z.infer<typeof StaffAlert>;

/** Emits `alert` to the hall's staff; never throws (an alert must not make things worse). */
export function alertStaff(app: FastifyInstance, alert: Omit<StaffAlert, 'at'>): void {
  try {
    if (!app.hasDecorator('realtime') || !app.hasDecorator('conn')) return;
    const now = Date.now();
    let at: string;
    try {
      at = isoInZone(now, getHall(app.conn, app.hallId).timeZone);
    } catch {
      at = new Date(now).toISOString();
    }
    const ctx = { conn: app.conn, now: () => now, log: app.log };
    emitChecked(ctx, app.realtime.io.of('/staff').to(rooms.hall(app.hallId)), 'alert', StaffAlert, { ...alert, at });
  } catch (err) {
    app.log.error({ err }, 'could not alert the staff');
  }
}
