import { and, asc, eq } from 'drizzle-orm';
import { inTransaction, type Connection } from '../../../db/connection.js';
import { devices } from '../../../db/schema.js';
import type { DeviceKind } from '../../auth/principal.js';
import { hashToken, newToken } from '../../security.js';
import { notFound } from '../errors.js';
import { changes } from './fields.js';
import { recordAdminChange, type ChangeBy } from './record.js';

// The hall's kiosks, displays and print agents, each with its own token.

export type DeviceRow = typeof devices.$inferSelect;

export function getDevice({ db }: Connection, hallId: number, deviceId: number): DeviceRow {
  const device = db
    .select()
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.hallId, hallId)))
    .get();
  if (!device) throw notFound('device', deviceId);
  return device;
}

export interface NewDevice {
  kind: DeviceKind;
  name: string;
  zone?: string | null;
}

/** The token is answered here and only here; the database keeps its digest. */
export function createDevice(conn: Connection, input: NewDevice, by: ChangeBy): { device: DeviceRow; token: string } {
  const { kind, name, zone } = input;
  const token = newToken('dev');
  const device = inTransaction(conn, () => {
    const created = conn.db
      .insert(devices)
      .values({ hallId: by.hallId, kind, name, zone: zone ?? null, tokenHash: hashToken(token) })
      .returning()
      .get();
    recordAdminChange(conn, { ...by, action: 'create', entity: 'device', entityId: created.id, details: { label: name, kind, zone } });
    return created;
  });
  return { device, token };
}

export function listDevices({ db }: Connection, hallId: number): DeviceRow[] {
  return db.select().from(devices).where(eq(devices.hallId, hallId)).orderBy(asc(devices.id)).all();
}

/** A device changed, and whether its live connections must go (to drop out, or to hear a new zone). */
export interface DeviceChange {
  device: DeviceRow;
  disconnect: boolean;
}

/** Its token stops working; revoking it again changes nothing. */
export function revokeDevice(conn: Connection, deviceId: number, by: ChangeBy): DeviceChange {
  const device = getDevice(conn, by.hallId, deviceId);
  if (device.revokedAt != null) return { device, disconnect: false };
  const revoked = inTransaction(conn, () => {
    recordAdminChange(conn, { ...by, action: 'revoke', entity: 'device', entityId: device.id, details: { label: device.name, kind: device.kind } });
    return conn.db.update(devices).set({ revokedAt: by.at }).where(eq(devices.id, device.id)).returning().get();
  });
  return { device: revoked, disconnect: true };
}

export interface DeviceChanges {
  name?: string;
  zone?: string | null;
}

/** Renames a device or moves it to another zone. */
export function patchDevice(conn: Connection, deviceId: number, input: DeviceChanges, by: ChangeBy): DeviceChange {
  const device = getDevice(conn, by.hallId, deviceId);
  const set = changes({ name: input.name, zone: input.zone });
  if (!set) return { device, disconnect: false };
  const patched = inTransaction(conn, () => {
    recordAdminChange(conn, { ...by, action: 'update', entity: 'device', entityId: device.id, details: { label: device.name, ...input } });
    return conn.db.update(devices).set(set).where(eq(devices.id, device.id)).returning().get();
  });
  return { device: patched, disconnect: set.zone !== undefined && set.zone !== device.zone };
}
