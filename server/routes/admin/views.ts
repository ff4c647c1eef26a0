import { z } from 'zod';
import type { Connection } from '../../../db/connection.js';
import type { devices, printers } from '../../../db/schema.js';
import { isoInZone } from '../../engine/clock.js';
import { getHall } from '../../hall/state.js';

export { changes } from '../../hall/admin/fields.js';

// What the admin routes answer (beyond protocol/schemas.ts), and the fields their bodies share.

/** Trimmed, non-empty and bounded: a 100 kB string is a 400, never a row. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const DeviceKind = z.enum(['kiosk', 'display', 'printer']);

export const Device = z.object({
  id: z.number(),
  kind: DeviceKind,
  name: z.string(),
  zone: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
});
export type Device = z.infer<typeof Device>;
/** The one answer that shows a device's token. */
export const NewDevice = Device.extend({ token: z.string() });

export const Printer = z.object({
  id: z.number(),
  name: z.string(),
  target: z.string(),
  widthDots: z.number(),
  kioskId: z.number().nullable(),
  status: z.enum(['unknown', 'online', 'offline', 'paper_out']),
  active: z.boolean(),
});
export type Printer = z.infer<typeof Printer>;

export function deviceView(conn: Connection, d: typeof devices.$inferSelect): Device {
  const tz = getHall(conn, d.hallId).timeZone;
  const iso = (ms: number | null) => (ms == null ? null : isoInZone(ms, tz));
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    zone: d.zone,
    lastSeenAt: iso(d.lastSeenAt),
    revoked: d.revokedAt != null,
    revokedAt: iso(d.revokedAt),
  };
}

export function printerView(p: typeof printers.$inferSelect): Printer {
  return {
    id: p.id,
    name: p.name,
    target: p.target,
    widthDots: p.widthDots,
    kioskId: p.kioskId,
    status: p.status,
    active: p.active,
  };
}
